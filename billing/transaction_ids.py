"""Short, unambiguous transaction IDs that can be read out over the phone (MA-7K3F-9Q2D)."""

import random
import secrets

# Crockford's base32: no I, L, O or U, so nothing is mistaken for 1, 0 or V when spoken.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SYSTEM_RANDOM = secrets.SystemRandom()


def new_transaction_id(rng: random.Random = SYSTEM_RANDOM) -> str:
    chars = "".join(rng.choice(ALPHABET) for _ in range(8))
    return f"MA-{chars[:4]}-{chars[4:]}"
