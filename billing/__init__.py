"""The billing rules the desktop and the account service must agree on; no Qt, no Babel."""
