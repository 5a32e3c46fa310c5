"""`python -m service` runs the reference service."""

import sys

from service.server import main

sys.exit(main())
