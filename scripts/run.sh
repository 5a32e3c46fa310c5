#!/bin/sh
# Set up .venv with Python 3.12 or newer, then run the app on demo data or the whole test suite.
#   sh scripts/run.sh demo     install and start the app on the embedded database with demo data
#   sh scripts/run.sh tests    install with the test extras and run the test suite
#   sh scripts/run.sh translations   update the .ts catalogs from the source, compile the .qm files
#   sh scripts/run.sh bundle   freeze the app, its CLI and the service into dist/manage-account/
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
        .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
            --distpath dist --workpath build/pyinstaller packaging/manage-account.spec
        du -sh dist/manage-account
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
        echo "usage: sh scripts/run.sh demo|tests|bundle|translations" >&2
        exit 2
        ;;
esac
