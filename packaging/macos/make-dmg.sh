#!/bin/sh
# Sign, package and notarise "dist/Manage Account.app" on macOS (after sh scripts/run.sh bundle).
#   SIGNING_IDENTITY="Developer ID Application: Fabrikam Cloud, Inc. (TEAMID)" \
#   NOTARY_PROFILE=manage-account sh packaging/macos/make-dmg.sh
# Without SIGNING_IDENTITY the .dmg is made unsigned (for testing only: Gatekeeper blocks it).
set -eu
cd "$(dirname "$0")/../.."
app="dist/Manage Account.app"
version=$(.venv/bin/python -c 'from importlib.metadata import version; print(version("manage-account"))')
dmg="dist/ManageAccount-$version.dmg"

if [ -n "${SIGNING_IDENTITY:-}" ]; then
    codesign --force --deep --timestamp --options runtime \
        --entitlements packaging/macos/entitlements.plist --sign "$SIGNING_IDENTITY" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
fi

staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Manage Account" -srcfolder "$staging" -ov -format UDZO "$dmg"
rm -rf "$staging"

if [ -n "${SIGNING_IDENTITY:-}" ]; then
    codesign --timestamp --sign "$SIGNING_IDENTITY" "$dmg"
    xcrun notarytool submit "$dmg" --keychain-profile "${NOTARY_PROFILE:?set NOTARY_PROFILE}" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
fi
echo "$dmg"
