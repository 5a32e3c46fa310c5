"""Frozen entry point of the reference account service."""

import sys

from service.server import main

sys.exit(main())
