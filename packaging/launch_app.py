"""Frozen entry point of the desktop app (GUI and console executables)."""

import sys

from desktop.app import main

sys.exit(main())
