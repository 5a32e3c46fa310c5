#!/bin/sh
# Build dist/ManageAccount-VERSION-x64.msi on Linux from the last commit and uv.lock (run by: sh scripts/run.sh msi [VERSION]).
#   VERSION      stamp this version instead of desktop.__version__ (CI's N+1 for the upgrade)
#   SIGN_CERT, SIGN_KEY (PEM files; SIGN_PASS optional; SIGN_CA: the root, if Debian lacks it):
#                sign the MSI with osslsigncode, then verify the signature
#   TIMESTAMP_URL  with SIGN_CERT: an RFC 3161 timestamp server (none without it)
# Needs: wixl, msitools and osslsigncode (Debian packages of those names), a Python 3.13 to
# byte-compile for the Windows CPython 3.13, and uv (run.sh passes UV and PYTHON).
set -eu
cd "$(dirname "$0")/../.."
uv=${UV:-.uv/bin/uv}
python=${PYTHON:-python3}
work=build/msi
here=packaging/windows

for tool in wixl msibuild osslsigncode; do
    command -v "$tool" >/dev/null || {
        echo "$tool is missing: sudo apt-get install wixl msitools osslsigncode" >&2
        exit 1
    }
done
# The .pyc files must be those of the Windows CPython's minor version (3.13).
python313=""
for candidate in python3.13 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.13*/bin/python3; do
    if "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' 2>/dev/null; then
        python313=$candidate
        break
    fi
done
[ -n "$python313" ] || {
    echo "A Python 3.13 is needed to byte-compile for the Windows CPython 3.13 (pyenv install 3.13)" >&2
    exit 1
}

version=${1:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/__init__.py)}
stage=$work/stage-$version
rm -rf "$stage" "$work/source-$version"
mkdir -p "$stage" "$work/source-$version" dist

# 1. The Windows CPython: the sdist uv.lock pins by hash (dependency group windows-python),
#    then every executable and DLL must carry a valid Authenticode signature of the Python
#    Software Foundation (the chain up to Microsoft's code-signing root pinned beside this
#    script, or DigiCert's in Debian's CA bundle); anything else stops the build.
"$python" $here/msi.py python "$work/downloads" "$stage/python"
root=$here/microsoft-identity-verification-root-2020.pem
fingerprint=$(openssl x509 -in $root -noout -fingerprint -sha256 | cut -d= -f2)
[ "$fingerprint" = "53:67:F2:0C:7A:DE:0E:2B:CA:79:09:15:05:6D:08:6B:72:0C:33:C1:FA:2A:26:61:AC:F7:87:E3:29:2E:12:70" ] || {
    echo "$root is not Microsoft's Identity Verification Root 2020: refused" >&2
    exit 1
}
cat /etc/ssl/certs/ca-certificates.crt $root >"$work/trusted-roots.pem"
refused=0
checked=0
for binary in $(find "$stage/python" -iname '*.exe' -o -iname '*.dll' -o -iname '*.pyd' | sort); do
    case "$(basename "$binary")" in
        vcruntime140*.dll) signer="CN=Microsoft Windows Software Compatibility Publisher" ;;
        *) signer="O=Python Software Foundation/CN=Python Software Foundation" ;;
    esac
    report=$(osslsigncode verify -CAfile "$work/trusted-roots.pem" -TSA-CAfile "$work/trusted-roots.pem" \
        -ignore-cdp -ignore-crl -in "$binary" 2>&1) && verified=yes || verified=no
    current=$(echo "$report" | sed -n 's/^Current message digest *: *//p')
    calculated=$(echo "$report" | sed -n 's/^Calculated message digest *: *//p')
    first_signer=$(echo "$report" | grep -m1 'Subject:' || true)
    case "$first_signer" in *"$signer") ;; *) verified=no ;; esac
    if [ "$verified" = no ] && case "$binary" in */vcruntime140*.dll) true ;; *) false ;; esac &&
        [ -n "$current" ] && [ "$current" = "$calculated" ]; then
        # Microsoft's C runtime chains to Microsoft Root Certificate Authority 2010, which
        # neither Debian nor the signature carries: its digest and signer are checked, and
        # the sdist it comes in is pinned by hash.
        verified=digest
    fi
    if [ "$verified" = no ]; then
        echo "REFUSED: $binary has no valid signature of ${signer##*CN=}" >&2
        echo "$report" | grep -E 'Subject:|Error|error' | head -5 >&2
        refused=$((refused + 1))
    fi
    checked=$((checked + 1))
done
[ "$refused" -eq 0 ] || exit 1
echo "signatures: $checked Windows CPython binaries verified (PSF; C runtime by digest)"

# 2. The app's Windows wheels: the runtime dependencies from uv.lock with their hashes, the
#    markers evaluated for 64-bit Windows and CPython 3.13, wheels only.
"$uv" export --locked --quiet --no-emit-project --no-dev --format requirements-txt \
    --output-file "$work/requirements.txt"
"$uv" pip install --quiet --python "$python" --no-deps --require-hashes --only-binary :all: \
    --python-platform x86_64-pc-windows-msvc --python-version 3.13 \
    --target "$stage/python/Lib/site-packages" -r "$work/requirements.txt"

# 3. Our code, from the last commit (what CI tests), stamped with the version.
git archive HEAD billing desktop ui db service resources | tar -x -C "$work/source-$version"
"$python" $here/msi.py app "$work/source-$version" "$stage/python/Lib/site-packages" "$version"
cp resources/icons/manage-account.ico "$stage/"
cp $here/manage-account-cli.cmd "$stage/"
# The app asks no update repository: a newer MSI, from IT or the user, updates it (desktop/updates.py)
echo msi >"$stage/python/UPDATED-BY-PACKAGE-MANAGER"

# 4. Byte-compiled for CPython 3.13; unchecked hashes: the .pyc files are used as they are
#    (Program Files is read-only to the app, and the MSI does not keep the files' dates).
"$python313" -m compileall -q -j 2 --invalidation-mode unchecked-hash -s "$stage" \
    -p 'C:\Program Files\Manage Account' "$stage/python/Lib" >/dev/null

# 5. WiX source, then the MSI.
"$python" $here/msi.py wxs "$stage" "$version" "$work/manage-account-$version.wxs"
msi=dist/ManageAccount-$version-x64.msi
rm -f "$msi"
(cd "$stage" && wixl -a x64 -D Win64=yes -o "$OLDPWD/$msi" "$OLDPWD/$work/manage-account-$version.wxs")
# What wixl does not write, fixed with msitools' msibuild: the shortcut's AppUserModelID, and
# IT's properties as secure ones (so a per-machine installation run by a user passes them on).
"$python" $here/msi.py idt "$work/idt"
msibuild "$msi" -i "$work/idt/MsiShortcutProperty.idt" -q "UPDATE Property SET Value = \
'SERVICEURL;UPDATEREPOSITORY;UPDATESOFF;WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED' \
WHERE Property = 'SecureCustomProperties'"
# wixl 0.101 writes Root="HKMU" as 4, which no Windows Installer knows: -1 is HKMU (HKLM for a
# per-machine installation, HKCU for a per-user one).
msibuild "$msi" -q "UPDATE Registry SET Root = -1 WHERE Root = 4"

# 6. Signed when a certificate is given (CI: a throwaway test certificate).
if [ -n "${SIGN_CERT:-}" ]; then
    signed=$msi.signed
    osslsigncode sign -certs "$SIGN_CERT" -key "$SIGN_KEY" ${SIGN_PASS:+-pass "$SIGN_PASS"} \
        -h sha256 -n "Manage Account" -i "https://example.com/manage-account" \
        ${TIMESTAMP_URL:+-ts "$TIMESTAMP_URL"} -in "$msi" -out "$signed" >/dev/null
    mv "$signed" "$msi"
    # Trusted: Debian's CAs, the certificate itself (a self-signed test one) and SIGN_CA.
    cat /etc/ssl/certs/ca-certificates.crt "$SIGN_CERT" ${SIGN_CA:+"$SIGN_CA"} >"$work/sign-roots.pem"
    osslsigncode verify -CAfile "$work/sign-roots.pem" -ignore-cdp -ignore-crl -in "$msi" \
        >/dev/null 2>&1 || { echo "the signed MSI does not verify" >&2; exit 1; }
    echo "signed: $msi"
fi
size=$(du -m "$msi" | cut -f1)
[ "$size" -lt 150 ] || { echo "$msi is $size MB: over the 150 MB limit" >&2; exit 1; }
echo "$msi ($size MB)"
