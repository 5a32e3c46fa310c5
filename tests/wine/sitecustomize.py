"""Test-only Python start-up for the app under Wine (copied into the test prefix, never shipped)."""

import sys

# platform's WMI query aborts the process under Wine 8; without _wmi it reads the registry.
sys.modules["_wmi"] = None
# Wine gives Python a console code page it cannot always encode to; UTF-8 for what it prints.
for stream in (sys.stdout, sys.stderr):
    if stream is not None:
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")
