#!/bin/sh
# Build the MSI (and an N+1), then install, run, upgrade and remove it in a fresh Wine prefix; exit 1 on any failure.
#   sh tests/wine/run-msi-test.sh           (as root on Debian 12: installs Wine and the tools)
# Results are checked by files, logs and registry values, never by Wine's exit codes. What this
# proves and what only real Windows can: packaging/README.md.
set -eu
cd "$(dirname "$0")/../.."
here=tests/wine
work=build/wine-test
started=$(date +%s)
failures=0

say() { echo "[$(($(date +%s) - started))s] $*"; }
ok() { say "ok: $*"; }
fail() {
    say "FAIL: $*"
    failures=$((failures + 1))
}
check() {  # check "what" command...: passes when the command succeeds
    what=$1
    shift
    if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi
}

# 1. Tools: Wine 8, wixl and msitools, osslsigncode, mingw-w64 for the stand-in DLLs, fonts.
packages="wine wine64 wixl msitools osslsigncode gcc-mingw-w64-x86-64-win32 binutils fonts-dejavu-core"
missing=""
for package in $packages; do
    dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $package"
done
if [ -n "$missing" ]; then
    say "installing:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

rm -rf "$work"
mkdir -p "$work/cert"

# 2. The MSI, signed with a throwaway certificate (proves the signing step), and its N+1.
openssl req -x509 -newkey rsa:3072 -sha256 -days 2 -nodes -subj "/CN=Manage Account CI test" \
    -addext "extendedKeyUsage=codeSigning" -keyout "$work/cert/key.pem" \
    -out "$work/cert/cert.pem" 2>/dev/null
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/__init__.py)
next=$(echo "$version" | awk -F. '{ printf "%d.%d.%d", $1, $2, $3 + 1 }')
say "building $version and $next"
SIGN_CERT=$work/cert/cert.pem SIGN_KEY=$work/cert/key.pem sh scripts/run.sh msi >"$work/build.log" 2>&1 ||
    { cat "$work/build.log"; fail "build $version"; exit 1; }
sh scripts/run.sh msi "$next" >"$work/build-next.log" 2>&1 ||
    { cat "$work/build-next.log"; fail "build $next"; exit 1; }
msi=dist/ManageAccount-$version-x64.msi
msi_next=dist/ManageAccount-$next-x64.msi
size=$(du -m "$msi" | cut -f1)
say "built $msi ($size MB) and $msi_next"
check "MSI under 150 MB ($size MB)" test "$size" -lt 150
check "MSI signature verifies (test certificate)" osslsigncode verify \
    -CAfile "$work/cert/cert.pem" -ignore-cdp -ignore-crl -in "$msi"

# 3. A fresh prefix with the test-only settings: stand-in DLLs Wine 8 lacks, Qt offscreen,
#    fonts. None of this is in the MSI. A home of its own: the menu entries and icons Wine makes
#    for its Start menu land there, not in this machine's.
export WINEPREFIX="$PWD/$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export HOME="$PWD/$work/home" XDG_CONFIG_HOME="$PWD/$work/home/.config" \
    XDG_DATA_HOME="$PWD/$work/home/.local/share" XDG_CACHE_HOME="$PWD/$work/home/.cache"
mkdir -p "$HOME"
wine wineboot -i >/dev/null 2>&1 || true
wineserver -w
system32=$WINEPREFIX/drive_c/windows/system32
x86_64-w64-mingw32-gcc -O2 -shared -o "$system32/icuuc.dll" $here/icuuc.c
x86_64-w64-mingw32-gcc -O2 -shared -o "$system32/bcryptprimitives.dll" $here/bcryptprimitives.c \
    -lbcrypt
for setting in QT_QPA_PLATFORM=offscreen QT_QPA_FONTDIR='Z:\usr\share\fonts\truetype\dejavu' \
    PYTHONUTF8=1; do
    wine reg add 'HKCU\Environment' /v "${setting%%=*}" /d "${setting#*=}" /f >/dev/null 2>&1 || true
done
wineserver -w
drive=$WINEPREFIX/drive_c
program="$drive/Program Files/Manage Account"
# Per-machine, Windows puts the shortcut in the common Start menu; Wine 8's msi resolves
# ProgramMenuFolder to the user's whatever ALLUSERS says: either is accepted here.
common_menu="$drive/ProgramData/Microsoft/Windows/Start Menu/Programs"
user_menu="$drive/users/$(whoami)/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
user_data="$drive/users/$(whoami)/AppData/Local/Manage Account"
cli='C:\Program Files\Manage Account\manage-account-cli.cmd'
python='C:\Program Files\Manage Account\python\python.exe'
settings='HKLM\Software\Manage Account\Manage Account'
uninstall='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall'

# Registry values through reg.exe's printed output (piped: Wine's exit codes are not trusted).
reg_value() {  # reg_value KEY NAME -> the value's data, or nothing
    wine reg query "$1" /v "$2" 2>/dev/null | cat | tr -d '\r' |
        awk -v name="$2" '$1 == name { $1 = ""; $2 = ""; sub(/^ +/, ""); print }'
}
# The app's console command, piped through cat (Python under Wine dies writing to a file).
cli() {
    wine cmd /c "$cli" "$@" 2>&1 | cat | tr -d '\r'
}
product_code() {  # the ProductCode of an MSI file
    msiinfo export "$1" Property | tr -d '\r' | awk '$1 == "ProductCode" { print $2 }'
}
installed() {  # msiexec, then wait for every process of the prefix to end
    wine msiexec "$@" >/dev/null 2>&1 || true
    wineserver -w
}

# 4. Silent per-machine install with IT's properties.
say "installing $msi"
installed /i "$(winepath -w "$msi")" /qn /l*v 'C:\install.log' \
    SERVICEURL=https://accounts.example.test/ UPDATESOFF=1
check "program files: pythonw.exe" test -f "$program/python/pythonw.exe"
check "program files: the console command" test -f "$program/manage-account-cli.cmd"
check "program files: the app byte-compiled" \
    test -f "$program/python/Lib/site-packages/desktop/__pycache__/app.cpython-313.pyc"
check "program files: QtPdf" test -f "$program/python/Lib/site-packages/PySide6/Qt6Pdf.dll"
shortcut=""
for menu in "$common_menu" "$user_menu"; do
    [ -f "$menu/Manage Account.lnk" ] && shortcut="$menu/Manage Account.lnk" && break
done
[ -n "$shortcut" ] && ok "Start menu shortcut: ${shortcut#"$drive"/}" || fail "Start menu shortcut"
check "shortcut starts pythonw.exe -I -m desktop" sh -c \
    'strings -el "$1" | grep -q "pythonw.exe" && strings -el "$1" | grep -q -- "-I -m desktop"' \
    - "${shortcut:-none}"
code=$(product_code "$msi")
[ "$(reg_value "$uninstall\\$code" DisplayVersion)" = "$version" ] &&
    ok "uninstall entry: version $version" || fail "uninstall entry: version $version"
[ "$(reg_value "$uninstall\\$code" Publisher)" = "Fabrikam Cloud, Inc." ] &&
    ok "uninstall entry: publisher" || fail "uninstall entry: publisher"
[ "$(reg_value "$settings\\service" url)" = "https://accounts.example.test/" ] &&
    ok "HKLM service/url from SERVICEURL" || fail "HKLM service/url from SERVICEURL"
[ "$(reg_value "$settings\\updates" policy)" = "off" ] &&
    ok "HKLM updates/policy=off from UPDATESOFF=1" || fail "HKLM updates/policy from UPDATESOFF=1"

# Test-only: Python's start-up fixes for Wine, beside the installed app (removed before the
# uninstall, which must leave no program files behind).
cp $here/sitecustomize.py "$program/python/Lib/site-packages/sitecustomize.py"

# 5. The installed console command: its version, and a receipt from a demo database that the
#    installed Python itself seeds.
out=$(cli --version)
[ "$out" = "manage-account $version" ] && ok "manage-account-cli --version: $out" ||
    fail "manage-account-cli --version said: $out"
mkdir -p "$drive/demo"
wine "$python" -I -c "
from desktop.demo import seed_demo
from desktop.ledger import close_ledger, open_ledger
from desktop.models import SeatPurchase
open_ledger('sqlite:///C:/demo/manage-account.db')
seed_demo()
print('TRANSACTION', SeatPurchase.select().first().transaction_id)
close_ledger()
" 2>&1 | cat | tr -d '\r' >"$work/seed.log"
transaction=$(awk '$1 == "TRANSACTION" { print $2 }' "$work/seed.log")
[ -n "$transaction" ] && ok "demo database seeded by the installed Python ($transaction)" ||
    { cat "$work/seed.log"; fail "demo database seeded by the installed Python"; }
cli --database sqlite:///C:/demo/manage-account.db receipt "$transaction" \
    --output 'C:\demo\receipt.pdf' >"$work/receipt.log"
receipt=$drive/demo/receipt.pdf
if [ -f "$receipt" ] && head -c 5 "$receipt" | grep -q '%PDF-'; then
    ok "receipt PDF written ($(wc -c <"$receipt") bytes)"
    if [ -x .venv/bin/python ] && .venv/bin/python -c 'import pypdf' 2>/dev/null; then
        .venv/bin/python - "$receipt" "$transaction" <<'EOF' && ok "receipt names its transaction" ||
import sys
from pypdf import PdfReader
text = PdfReader(sys.argv[1]).pages[0].extract_text()
sys.exit(0 if sys.argv[2] in text and "Receipt" in text else 1)
EOF
            fail "receipt names its transaction"
    fi
else
    cat "$work/receipt.log"
    fail "receipt PDF written"
fi

# 6. The window, started from the Start menu shortcut (pythonw, no console), offscreen: a fresh
#    user with the service IT set (HKLM) gets its sign-in dialog.
log="$user_data/logs/manage-account.log"
window_shown() {
    deadline=$(($(date +%s) + 120))
    say "starting the app from the Start menu shortcut"
    wine start "$(winepath -w "${shortcut:-none}")" >/dev/null 2>&1 &
    while [ "$(date +%s)" -lt "$deadline" ]; do
        if [ -f "$log" ] && grep -q -E "$1" "$log"; then
            ok "window: $(grep -o -E "$1" "$log" | tail -1) (log line)"
            break
        fi
        sleep 2
    done
    [ -f "$log" ] && grep -q -E "$1" "$log" || { [ -f "$log" ] && tail -20 "$log"; fail "window: $1"; }
    wineserver -k || true
    wineserver -w
    wait || true
}
# A fresh user without a service would get the first-run dialog instead: the sign-in dialog
# shows that the app read the service IT set in HKLM.
window_shown "Sign-in dialog shown"
check "user data: the user's database created" test -s "$user_data/manage-account.db"

# 7. Upgrade to N+1 without properties: the remembered ones stay.
say "upgrading to $msi_next"
installed /i "$(winepath -w "$msi_next")" /qn /l*v 'C:\upgrade.log'
out=$(cli --version)
[ "$out" = "manage-account $next" ] && ok "after the upgrade: $out" || fail "after the upgrade: $out"
code_next=$(product_code "$msi_next")
[ "$(reg_value "$uninstall\\$code_next" DisplayVersion)" = "$next" ] &&
    ok "uninstall entry: version $next" || fail "uninstall entry: version $next"
[ -z "$(reg_value "$uninstall\\$code" DisplayVersion)" ] &&
    ok "the older version's uninstall entry is gone" || fail "the older version's entry remains"
[ "$(reg_value "$settings\\service" url)" = "https://accounts.example.test/" ] &&
    ok "SERVICEURL kept across the upgrade" || fail "SERVICEURL kept across the upgrade"
[ "$(reg_value "$settings\\updates" policy)" = "off" ] &&
    ok "UPDATESOFF kept across the upgrade" || fail "UPDATESOFF kept across the upgrade"

# 8. Uninstall: the program goes, the user's data stays.
rm -f "$program/python/Lib/site-packages/sitecustomize.py" \
    "$program/python/Lib/site-packages/__pycache__/sitecustomize.cpython-313.pyc"
say "uninstalling"
installed /x "$(winepath -w "$msi_next")" /qn /l*v 'C:\uninstall.log'
check "program files removed" test ! -e "$program"
check "Start menu shortcut removed" test ! -e "${shortcut:-none}"
[ -z "$(reg_value "$uninstall\\$code_next" DisplayVersion)" ] &&
    ok "uninstall entry removed" || fail "uninstall entry removed"
[ -z "$(reg_value "$settings\\service" url)" ] &&
    ok "HKLM policy values removed" || fail "HKLM policy values removed"
check "user data kept: the app's log" test -s "$log"
check "user data kept: the user's database" test -s "$user_data/manage-account.db"
check "user data kept: the receipt" test -s "$receipt"

# 9. For one user, without administrator rights: ALLUSERS="" and a folder of the user's
#    (Wine 8 ignores Windows 7's MSIINSTALLPERUSER=1). HKMU is then HKCU. Last, as sitecustomize
#    is not in this copy: --version needs none of Wine's fixes.
user_program="$drive/users/$(whoami)/AppData/Local/Programs/Manage Account"
user_settings='HKCU\Software\Manage Account\Manage Account'
say "installing $msi_next for one user"
installed /i "$(winepath -w "$msi_next")" /qn 'ALLUSERS=""' /l*v 'C:\per-user.log' \
    "INSTALLDIR=$(winepath -w "$user_program")" SERVICEURL=https://per-user.example.test/
check "per user: program in the user's Programs folder" test -f "$user_program/python/pythonw.exe"
check "per user: nothing in Program Files" test ! -e "$program"
check "per user: Start menu shortcut" test -f "$user_menu/Manage Account.lnk"
[ "$(reg_value "$user_settings\\service" url)" = "https://per-user.example.test/" ] &&
    ok "per user: HKCU service/url from SERVICEURL" || fail "per user: HKCU service/url"
[ -z "$(reg_value "$settings\\service" url)" ] && ok "per user: nothing in HKLM" ||
    fail "per user: nothing in HKLM"
out=$(wine cmd /c "$(winepath -w "$user_program")\\manage-account-cli.cmd" --version 2>&1 | cat |
    tr -d '\r')
[ "$out" = "manage-account $next" ] && ok "per user: --version: $out" ||
    fail "per user: --version said: $out"
# Not removed here: Wine 8's msiexec /x does not find a per-user product (Windows does).

cp "$drive"/*.log "$work/" 2>/dev/null || true
say "done: $failures failure(s); logs in $work; prefix $(du -sh "$WINEPREFIX" | cut -f1)"
[ "$failures" -eq 0 ]
