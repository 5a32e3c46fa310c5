# Windows: build the one-folder PyInstaller bundle into dist\manage-account (for the update repository and developers).
#   powershell -ExecutionPolicy Bypass -File scripts\bundle.ps1
# (On Linux and macOS the same bundle comes from: sh scripts/run.sh bundle. The Windows
# installer is the MSI, built on Linux: sh scripts/run.sh msi, see packaging/README.md.)
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
Write-Host "Bundle in dist\manage-account"
