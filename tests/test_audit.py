"""The audit's verdict on pip-audit's report: fixable vulnerabilities fail, the rest is told."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "audit.py"
spec = importlib.util.spec_from_file_location("audit", SCRIPT)
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

CLEAN = {"name": "peewee", "version": "4.5.3", "vulns": []}
FIXABLE = {
    "name": "requests",
    "version": "2.25.0",
    "vulns": [{"id": "PYSEC-2023-74", "fix_versions": ["2.31.0"], "aliases": []}],
}
UNFIXED = {
    "name": "ecdsa",
    "version": "0.19.1",
    "vulns": [{"id": "GHSA-wj6h-64fc-37mp", "fix_versions": [], "aliases": []}],
}
UNKNOWN = {"name": "babel", "skip_reason": "Dependency not found on PyPI and could not be audited"}


@pytest.mark.parametrize(
    ("dependencies", "status"),
    [
        ([CLEAN, UNKNOWN], 0),
        ([CLEAN, UNFIXED], 0),  # reported, but nothing to move to yet
        ([CLEAN, UNFIXED, FIXABLE], 1),
        ([UNKNOWN, UNKNOWN], 3),  # the service answered for none: no verdict
    ],
)
def test_only_a_vulnerability_with_a_fix_fails(dependencies, status):
    result = audit.verdict({"dependencies": dependencies, "fixes": []})
    assert result.status == status


def test_the_report_names_each_finding_and_its_fix():
    result = audit.verdict({"dependencies": [CLEAN, UNFIXED, FIXABLE, UNKNOWN]})
    text = audit.describe(result)
    assert result.audited == 3 and len(result.unaudited) == 1
    assert "requests 2.25.0: PYSEC-2023-74; fix: 2.31.0" in text
    assert "ecdsa 0.19.1: GHSA-wj6h-64fc-37mp; fix: no fixed version yet (reported only)" in text
    assert "sh scripts/run.sh lock" in text
