"""When to try sending again what the service did not take yet: one rule for purchases, billing
profile edits and renewals (exponential backoff with full jitter)."""

import random
from datetime import timedelta

BACKOFF_BASE_SECONDS = 1.0
BACKOFF_CAP_SECONDS = 60.0
_rng = random.Random()


def backoff(attempts: int, rng: random.Random = _rng) -> timedelta:
    """Exponential backoff with full jitter: anywhere from 0 to min(cap, base * 2**n)."""
    ceiling = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2**attempts)
    return timedelta(seconds=rng.uniform(0, ceiling))


# An order awaiting approval is sent again this often: the answer says when it was decided.
APPROVAL_ASKED_EVERY = timedelta(seconds=30)
