#!/bin/sh
# Install the one-folder bundle for the current user (no root): the program in
# ~/.local/opt/manage-account, the commands in ~/.local/bin, a menu entry and its icons.
#   sh packaging/linux/install.sh [BUNDLE]      (default: dist/manage-account)
#   sh packaging/linux/install.sh --uninstall
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
program=$HOME/.local/opt/manage-account
bin=$HOME/.local/bin
icons=$data/icons/hicolor

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$program"
    rm -f "$bin/manage-account" "$bin/manage-account-service" \
        "$data/applications/manage-account.desktop"
    find "$icons" -name manage-account.png -o -name manage-account.svg | xargs rm -f
    echo "Removed. Your data, settings and logs stay in $data/Manage Account and ~/.config."
    exit 0
fi

bundle=${1:-$root/dist/manage-account}
[ -x "$bundle/manage-account" ] || { echo "no bundle at $bundle: run sh scripts/run.sh bundle" >&2; exit 2; }
rm -rf "$program"
mkdir -p "$program" "$bin" "$data/applications" "$icons/scalable/apps"
cp -R "$bundle/." "$program/"
ln -sf "$program/manage-account" "$bin/manage-account"
ln -sf "$program/manage-account-service" "$bin/manage-account-service"
. "$root/packaging/linux/icons.sh"
copy_icons "$root" "$icons"
sed "s|^Exec=manage-account|Exec=$program/manage-account|" \
    "$root/packaging/linux/manage-account.desktop" >"$data/applications/manage-account.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Installed in $program; start Manage Account from the menu or with: manage-account"
