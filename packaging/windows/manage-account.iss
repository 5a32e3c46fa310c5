; Inno Setup 6 script: a per-user installer of the one-folder bundle (no administrator rights).
; scripts\bundle.ps1 builds the bundle and then runs this; by hand, after the bundle:
;   iscc /DAppVersion=0.1.0 packaging\windows\manage-account.iss
; Output: dist\ManageAccount-<version>-setup.exe
; Sign the bundle's executables and the installer with signtool before shipping (see
; packaging/README.md).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\manage-account.iss
#endif
; The signed update repository the app checks (scripts/release.py publishes to it).
#ifndef UpdateUrl
  #define UpdateUrl "https://updates.example.com/manage-account"
#endif

[Setup]
AppId={{6F3B8C1E-4E55-4C0B-9A7D-2B9E5A1C7D42}
AppName=Manage Account
AppVersion={#AppVersion}
AppVerName=Manage Account {#AppVersion}
AppPublisher=Fabrikam Cloud, Inc.
AppPublisherURL=https://example.com/manage-account
; Per-user by default: %LOCALAPPDATA%\Programs\Manage Account, no UAC prompt. IT installs it
; for every user of a machine with /ALLUSERS (Program Files), e.g. /VERYSILENT /ALLUSERS.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
DefaultDirName={autopf}\Manage Account
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=ManageAccount-{#AppVersion}-setup
SetupIconFile=resources\icons\manage-account.ico
UninstallDisplayIcon={app}\manage-account.exe
UninstallDisplayName=Manage Account
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Quit a running copy before files are replaced.
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\manage-account\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Manage Account"; Filename: "{app}\manage-account.exe"; Comment: "See your licence contract, buy seats and keep proof of purchase"
Name: "{autodesktop}\Manage Account"; Filename: "{app}\manage-account.exe"; Tasks: desktopicon

[Registry]
; Read through QSettings: HKA is HKLM for /ALLUSERS, else HKCU. "setup.exe /UPDATES=off" (or
; the same value set by Group Policy or Intune) turns the app's own updates off, for machines
; that IT updates.
Root: HKA; Subkey: "Software\Manage Account\Manage Account\updates"; ValueType: string; ValueName: "url"; ValueData: "{#UpdateUrl}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Manage Account\Manage Account\updates"; ValueType: string; ValueName: "policy"; ValueData: "off"; Check: UpdatesTurnedOff; Flags: uninsdeletevalue

[Run]
Filename: "{app}\manage-account.exe"; Description: "{cm:LaunchProgram,Manage Account}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes the program folder only. The user's database, settings and logs
; (%LOCALAPPDATA%\Manage Account, HKCU\Software\Manage Account) stay, as proof of purchase.

[Code]
function UpdatesTurnedOff: Boolean;
begin
  Result := CompareText(ExpandConstant('{param:UPDATES|on}'), 'off') = 0;
end;
