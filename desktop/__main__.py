"""`python -m desktop` runs the app."""

import sys

from desktop.app import main

sys.exit(main())
