#!/bin/sh
# Build a Debian package from the one-folder bundle: the program in /opt/manage-account, the
# commands in /usr/bin, the menu entry and its icons at every size. Removing the package
# leaves every user's data, settings and logs alone (they live in their home folders).
#   sh packaging/linux/make-deb.sh [BUNDLE] [VERSION] [OUTPUT_FOLDER]
# Defaults: dist/manage-account, the app's version (desktop/__init__.py), dist.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bundle=${1:-$root/dist/manage-account}
version=${2:-$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/desktop/__init__.py")}
output=${3:-$root/dist}
[ -x "$bundle/manage-account" ] || { echo "no bundle at $bundle: run sh scripts/run.sh bundle" >&2; exit 2; }
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/DEBIAN" "$stage/opt/manage-account" "$stage/usr/bin" \
    "$stage/usr/share/applications" "$stage/usr/share/doc/manage-account"
cp -R "$bundle/." "$stage/opt/manage-account/"
# apt updates this installation: the app's own updater leaves it alone (desktop/updates.py)
echo apt >"$stage/opt/manage-account/UPDATED-BY-PACKAGE-MANAGER"
ln -s /opt/manage-account/manage-account "$stage/usr/bin/manage-account"
ln -s /opt/manage-account/manage-account-service "$stage/usr/bin/manage-account-service"
. "$root/packaging/linux/icons.sh"
copy_icons "$root" "$stage/usr/share/icons/hicolor"
cp "$root/packaging/linux/manage-account.desktop" "$stage/usr/share/applications/"
cp "$root/packaging/linux/debian/copyright" "$stage/usr/share/doc/manage-account/"
for script in postinst postrm; do
    install -m 0755 "$root/packaging/linux/debian/$script" "$stage/DEBIAN/$script"
done
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" \
    -e "s/@SIZE@/$(du -sk "$stage" | cut -f 1)/" \
    "$root/packaging/linux/debian/control" >"$stage/DEBIAN/control"
mkdir -p "$output"
target="$output/manage-account_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip -z6 --build "$stage" "$target" >/dev/null
echo "$target"
