#!/bin/sh
# Install from the lock (uv.lock) into .venv, then run the app on demo data or the test suite.
#   sh scripts/run.sh demo     install and start the app on the embedded database with demo data
#   sh scripts/run.sh tests    install with the test extras and run the test suite
#   sh scripts/run.sh lint     ruff's checks and its formatting check
#   sh scripts/run.sh translations   update the .ts catalogs from the source, compile the .qm files
#   sh scripts/run.sh bundle   freeze the app, its CLI and the service into dist/manage-account/,
#                              and its CycloneDX SBOM into dist/manage-account.cdx.json
#   sh scripts/run.sh bundle VERSION   the same, of the last commit stamped VERSION, into
#                              dist/VERSION/ (a release candidate; CI's N+1)
#   sh scripts/run.sh release [OPTIONS]   freeze, then publish the bundle to the update
#                              repository build/update-repository (scripts/release.py --help)
#   sh scripts/run.sh deb      a Debian package from that bundle, into dist/
#   sh scripts/run.sh msi [VERSION]   the Windows installer dist/ManageAccount-VERSION-x64.msi,
#                              built on Linux from the last commit and the lock (wixl)
#   sh scripts/run.sh lock     refresh uv.lock: the newest versions pyproject.toml allows
#   sh scripts/run.sh audit    pip-audit over the lock (fails on a vulnerability with a fix)
# Every install comes from uv.lock (versions and hashes for Linux, Windows and macOS). uv itself
# is pinned by hash in scripts/uv-requirements.txt and lives in .uv/.
set -eu
cd "$(dirname "$0")/.."

find_python() {
    found=""
    for candidate in python3 python3.14 python3.13 python3.12 \
        "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.*/bin/python3; do
        version=$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' \
            2>/dev/null) || continue
        if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
        case " $found " in *" $version "*) ;; *) found="$found $version" ;; esac
    done
    cat >&2 <<EOF
Manage Account needs Python 3.12 or newer; found:${found:- none}.
Install one, then run this command again:
  Windows or macOS: the installer from https://www.python.org/downloads/
  Debian or Ubuntu: sudo apt install python3.12 python3.12-venv
  anywhere:         pyenv install 3.12 (https://github.com/pyenv/pyenv)
EOF
    return 1
}

# What Qt's xcb platform needs on Linux, as "soname:Debian package" (Qt 6.5+ needs xcb-cursor).
XCB_LIBRARIES="libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4
libxcb-keysyms.so.1:libxcb-keysyms1 libxkbcommon-x11.so.0:libxkbcommon-x11-0
libxcb-image.so.0:libxcb-image0 libxcb-render-util.so.0:libxcb-render-util0
libxcb-shape.so.0:libxcb-shape0 libxcb-randr.so.0:libxcb-randr0 libxcb-xkb.so.1:libxcb-xkb1
libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1 libdbus-1.so.3:libdbus-1-3"

# Say in one line what a Linux desktop lacks for the window, before Qt aborts with its own words.
check_display() {
    [ "$(uname -s)" = Linux ] || return 0
    case "${QT_QPA_PLATFORM:-}" in offscreen*|minimal*|vnc*) return 0 ;; esac
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "No display found: run this on a desktop, or set QT_QPA_PLATFORM=offscreen." >&2
        return 1
    fi
    ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
    [ -x "$ldconfig" ] || return 0  # nothing to ask: let Qt say it
    known=$("$ldconfig" -p 2>/dev/null || true)
    missing=""
    for entry in $XCB_LIBRARIES; do
        echo "$known" | grep -q "${entry%%:*} " || missing="$missing ${entry#*:}"
    done
    if [ -n "$missing" ]; then
        echo "Qt needs system libraries for the window: sudo apt-get install$missing" >&2
        return 1
    fi
}

if [ "${1:-}" = demo ]; then
    check_display
fi

python=$(find_python) || exit 1
# uv at the version and hashes scripts/uv-requirements.txt pins, in an environment of its own.
uv_pinned=$(sed -n 's/^uv==\([^ ]*\).*/\1/p' scripts/uv-requirements.txt)
if [ "$(.uv/bin/uv --version 2>/dev/null | cut -d' ' -f2)" != "$uv_pinned" ]; then
    rm -rf .uv
    "$python" -m venv .uv
    .uv/bin/python -m pip install -qq --disable-pip-version-check --no-deps --require-hashes \
        -r scripts/uv-requirements.txt
fi
uv=.uv/bin/uv
export UV_PYTHON_DOWNLOADS=never  # the Python found above, never one uv would download

# .venv as uv.lock has it for these extras: for the tests and the bundle exactly (what else is
# in it goes); for the rest --inexact, which keeps the extras a developer installed.
sync() {
    "$uv" sync --locked --quiet --python "$python" "$@"
}

case "${1:-}" in
    demo)
        sync --inexact
        exec .venv/bin/manage-account --demo
        ;;
    tests)
        sync --extra test --extra postgres
        exec .venv/bin/python -m pytest
        ;;
    lint)
        sync --inexact --extra test
        .venv/bin/ruff check .
        .venv/bin/ruff format --check .
        # Standard mode over billing, db, desktop, service and ui (pyproject.toml): any error
        # fails (none is baselined).
        .venv/bin/basedpyright
        ;;
    bundle)
        sync --extra bundle --extra postgres
        source=. dist=dist
        if [ -n "${2:-}" ]; then
            source=build/source-$2 dist=dist/$2
            rm -rf "$source" && mkdir -p "$source"
            git archive HEAD | tar -x -C "$source"
            sed -i "s/^__version__ = .*/__version__ = \"$2\"/" "$source/desktop/__init__.py"
        fi
        .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
            --distpath "$dist" --workpath "build/pyinstaller${2:+-$2}" "$source/packaging/manage-account.spec"
        # The SBOM: every package the bundle is built from, as the lock has it (without the
        # build tools, which are not in the bundle).
        "$uv" export --locked --quiet --no-emit-project --no-dev --extra postgres \
            --format requirements-txt --output-file build/bundle-requirements.txt
        "$uv" run --locked --quiet --python "$python" --isolated --only-group sbom \
            cyclonedx-py requirements --output-reproducible --of JSON \
            -o "$dist/manage-account.cdx.json" build/bundle-requirements.txt
        du -sh "$dist/manage-account"
        ;;
    release)
        shift
        sh scripts/run.sh bundle
        .venv/bin/python scripts/release.py add "$@"
        ;;
    deb)
        # The Debian package, from the bundle (run bundle first); prints the file it made.
        sh packaging/linux/make-deb.sh
        ;;
    msi)
        # Windows CPython and wheels from the lock, never .venv (packaging/windows/make-msi.sh).
        UV="$uv" PYTHON="$python" sh packaging/windows/make-msi.sh ${2:+"$2"}
        ;;
    translations)
        sync --inexact
        catalogs=resources/translations
        # German: every message. English: only the plural forms ("%n seat(s)" -> 1 seat, 2 seats).
        .venv/bin/pyside6-lupdate -extensions py billing desktop ui -no-obsolete -locations none \
            -source-language en -target-language de -ts "$catalogs/manage_account_de.ts"
        .venv/bin/pyside6-lupdate -extensions py billing desktop ui -no-obsolete -locations none \
            -pluralonly -source-language en -target-language en -ts "$catalogs/manage_account_en.ts"
        for catalog in "$catalogs"/*.ts; do
            .venv/bin/pyside6-lrelease -silent "$catalog" -qm "${catalog%.ts}.qm"
        done
        ;;
    lock)
        # On purpose only: the new uv.lock is a change like any other, reviewed and tested.
        "$uv" lock --upgrade --python "$python"
        ;;
    audit)
        # Every locked package, whatever the platform, the tools' included; pip-audit from the
        # lock as well.
        mkdir -p build
        "$uv" export --locked --quiet --no-emit-project --all-extras --all-groups \
            --format requirements-txt --output-file build/audit-requirements.txt
        "$uv" run --locked --quiet --python "$python" --isolated --only-group audit \
            python scripts/audit.py build/audit-requirements.txt
        ;;
    *)
        echo "usage: sh scripts/run.sh demo|tests|lint|bundle [VERSION]|release|deb|msi [VERSION]|translations|lock|audit" >&2
        exit 2
        ;;
esac
