"""Schemathesis against the live service on each database: every check, a fixed seed, bounded
examples, and not one failure. Answers are also checked against the document by the service
itself (tests/service_helpers.py), so a breach shows as a 500 here."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.service_helpers import sign_in, start_demo_service

SCHEMATHESIS = Path(sys.executable).with_name("st")
CONFIG = Path(__file__).with_name("schemathesis.toml")
PERMISSIONS = "/v1/permission-sets/{set_id}"
# Revoking a right or a session takes it from every later request: those run last, on their own.
RUNS = (
    [
        "--exclude-path",
        PERMISSIONS,
        "--exclude-path",
        "/v1/sessions/current",
        "--exclude-name",
        "DELETE /v1/sessions",  # sign out everywhere: tests/test_service_sessions.py
    ],
    ["--include-path", PERMISSIONS],
)


@pytest.fixture
def service(any_db_url):
    running = start_demo_service(any_db_url, delay=(1, 2))
    yield running
    running.stop()


@pytest.mark.parametrize("selection", RUNS, ids=["every operation", "permission sets"])
def test_schemathesis_finds_nothing(service, tmp_path, selection):
    token = sign_in(service, "admin@example.com")
    command = [
        str(SCHEMATHESIS),
        "--config-file",
        str(CONFIG),
        "run",
        f"{service.url}/v1/openapi.json",
        "--checks",
        "all",
        "--header",
        f"Authorization: Bearer {token}",
        "--max-examples",
        "25",
        "--seed",
        "2026",
        "--workers",
        "1",
        "--generation-database",
        "none",
        *selection,
    ]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    generated, passed = map(
        int, re.search(r"(\d+) generated, (\d+) passed", result.stdout).groups()
    )
    assert passed == generated > 0
