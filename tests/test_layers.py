"""The layers run one way: ui -> desktop -> db -> billing, and service -> db, billing."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = {"billing", "db", "desktop", "resources", "service", "ui"}
# What each package may import of ours; billing, db and service may not import Qt either.
ALLOWED = {
    "billing": {"billing"},
    "db": {"db", "billing"},
    "service": {"service", "db", "billing", "resources"},  # resources: the invoice's fonts
    "desktop": {"desktop", "db", "billing", "resources"},
    "ui": {"ui", "desktop", "billing", "resources"},
    "resources": {"resources"},
}
QT_FREE = {"billing", "db", "service"}
# The two exceptions, each one module: the composition root shows the window, and the demo
# embedding runs the reference service inside the app.
EXCEPTIONS = {(Path("desktop/app.py"), "ui"), (Path("desktop/demo.py"), "service")}


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, top-level module) of every import in the file, lazy ones inside functions too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def violations() -> list[str]:
    found = []
    for package, allowed in ALLOWED.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            for line, module in imports(path):
                excepted = (relative, module) in EXCEPTIONS
                if module in OURS and module not in allowed and not excepted:
                    found.append(f"{relative}:{line} imports {module}")
                if package in QT_FREE and module in {"PySide6", "shiboken6"}:
                    found.append(f"{relative}:{line} imports Qt")
                if package == "billing" and module == "babel":
                    found.append(f"{relative}:{line} imports Babel (billing only computes)")
    return found


def test_every_import_follows_the_layers():
    assert violations() == []


def test_the_check_finds_a_violation(tmp_path, monkeypatch):
    """The walk would notice a service module that imports the desktop."""
    (tmp_path / "service").mkdir()
    (tmp_path / "service" / "bad.py").write_text("def f():\n    from desktop import sync\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    for package in ALLOWED:
        (tmp_path / package).mkdir(exist_ok=True)
    assert violations() == ["service/bad.py:2 imports desktop"]


@pytest.mark.parametrize("module", ["service.server", "billing.orders", "db.database"])
def test_importing_the_lower_layers_loads_no_desktop_and_no_qt(module):
    loaded = subprocess.run(
        [sys.executable, "-c", f"import sys, {module}; print(' '.join(sorted(sys.modules)))"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert module in loaded
    above = [m for m in loaded if m.split(".")[0] in {"desktop", "ui", "PySide6", "shiboken6"}]
    assert above == []
    if module.startswith("billing"):
        assert not any(m.split(".")[0] in {"babel", "peewee"} for m in loaded)
