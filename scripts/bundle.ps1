# Windows: build the one-folder bundle, then the per-user installer when Inno Setup 6 is installed.
#   powershell -ExecutionPolicy Bypass -File scripts\bundle.ps1
# (On Linux and macOS the same bundle comes from: sh scripts/run.sh bundle)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

function Invoke-Step([string] $Program, [string[]] $Arguments) {
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program failed with exit code $LASTEXITCODE" }
}

# uv pinned by hash (scripts\uv-requirements.txt), then .venv exactly as uv.lock has it.
if (-not (Test-Path .uv\Scripts\uv.exe)) {
    Invoke-Step py @("-3.12", "-m", "venv", ".uv")
    Invoke-Step .uv\Scripts\python.exe @(
        "-m", "pip", "install", "-qq", "--no-deps", "--require-hashes", "-r", "scripts\uv-requirements.txt"
    )
}
$env:UV_PYTHON_DOWNLOADS = "never"
Invoke-Step .uv\Scripts\uv.exe @("sync", "--locked", "--quiet", "--python", "3.12", "--extra", "bundle", "--extra", "postgres")
Invoke-Step .venv\Scripts\pyinstaller.exe @(
    "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\manage-account.spec"
)
$version = & .venv\Scripts\python.exe -c "from importlib.metadata import version; print(version('manage-account'))"
$iscc = Get-Command iscc.exe -ErrorAction SilentlyContinue
if ($null -eq $iscc) {
    $iscc = Get-Item "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" -ErrorAction SilentlyContinue
}
if ($null -eq $iscc) {
    Write-Host "Bundle in dist\manage-account. Install Inno Setup 6 to make the installer."
} else {
    Invoke-Step $iscc.Source @("/DAppVersion=$version", "packaging\windows\manage-account.iss")
    Write-Host "Installer: dist\ManageAccount-$version-setup.exe"
}
