#!/bin/sh
# Set up .venv with Python 3.12 or newer, then run the app on demo data or the whole test suite.
#   sh scripts/run.sh demo     install and start the app on the embedded database with demo data
#   sh scripts/run.sh tests    install with the test extras and run the test suite
#   sh scripts/run.sh translations   update the .ts catalogs from the source, compile the .qm files
#   sh scripts/run.sh bundle   freeze the app, its CLI and the service into dist/manage-account/
#   sh scripts/run.sh bundle VERSION   the same, of the last commit stamped VERSION, into
#                              dist/VERSION/manage-account/ (a release candidate; CI's N+1)
#   sh scripts/run.sh release [OPTIONS]   freeze, then publish the bundle to the update
#                              repository build/update-repository (scripts/release.py --help)
#   sh scripts/run.sh deb      a Debian package from that bundle, into dist/
set -eu
cd "$(dirname "$0")/.."

find_python() {
    for candidate in python3 python3.13 python3.12 \
        "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    echo "Manage Account needs Python 3.12 or newer; none was found." >&2
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

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then
    rm -rf .venv
    "$(find_python)" -m venv .venv
fi

case "${1:-}" in
    demo)
        .venv/bin/pip install -q -e .
        exec .venv/bin/manage-account --demo
        ;;
    tests)
        .venv/bin/pip install -q -e ".[test,postgres]"
        exec .venv/bin/python -m pytest
        ;;
    bundle)
        .venv/bin/pip install -q -e ".[bundle,postgres]"
        source=. dist=dist
        if [ -n "${2:-}" ]; then
            source=build/source-$2 dist=dist/$2
            rm -rf "$source" && mkdir -p "$source"
            git archive HEAD | tar -x -C "$source"
            sed -i "s/^__version__ = .*/__version__ = \"$2\"/" "$source/desktop/__init__.py"
        fi
        .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
            --distpath "$dist" --workpath "build/pyinstaller${2:+-$2}" "$source/packaging/manage-account.spec"
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
    translations)
        .venv/bin/pip install -q -e .
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
    *)
        echo "usage: sh scripts/run.sh demo|tests|bundle [VERSION]|release|deb|translations" >&2
        exit 2
        ;;
esac
