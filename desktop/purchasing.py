"""Recording seat purchases in the local ledger, once and only once."""

import json
import random
from datetime import datetime

from peewee import IntegrityError

from db.database import write_transaction
from db.models import Administrator, AuditEvent, Contract, SeatPurchase, utc_now
from db.money import currency_exponent, to_minor
from desktop.proration import Quote
from desktop.transaction_ids import SYSTEM_RANDOM, new_transaction_id

ACKNOWLEDGEMENT = "I acknowledge that I am authorized to make purchase on behalf of my organization"
_ID_DRAWS = 5


def record_purchase(
    administrator: Administrator,
    contract: Contract,
    priced: Quote,
    acknowledged_at: datetime,
    now: datetime | None = None,
    rng: random.Random = SYSTEM_RANDOM,
) -> SeatPurchase:
    """Write the purchase and its audit event in one transaction; the new ID is its key."""
    now = now or utc_now()
    with write_transaction():
        purchase = _insert_with_fresh_id(
            rng,
            created_at=now,
            administrator=administrator,
            purchased_by_name=administrator.name,
            purchased_by_email=administrator.email,
            contract=contract,
            seats=priced.seats,
            monthly_unit_price=priced.monthly_unit_price,
            prorated_months=priced.prorated_months,
            period_start=priced.period_start,
            period_end=priced.period_end,
            amount_minor=to_minor(priced.amount, currency_exponent(priced.currency)),
            currency=priced.currency,
            acknowledgement_text=ACKNOWLEDGEMENT,
            acknowledged_at=acknowledged_at,
        )
        AuditEvent.create(
            occurred_at=now,
            administrator=administrator,
            action="purchase",
            details=json.dumps(
                {
                    "transaction_id": purchase.transaction_id,
                    "seats": priced.seats,
                    "amount": str(priced.amount),
                    "currency": priced.currency,
                }
            ),
        )
    return purchase


def _insert_with_fresh_id(rng: random.Random, **fields: object) -> SeatPurchase:
    """Insert under a transaction ID not used yet (the write lock is already held)."""
    for _ in range(_ID_DRAWS):
        transaction_id = new_transaction_id(rng)
        if not SeatPurchase.select().where(SeatPurchase.transaction_id == transaction_id).exists():
            return SeatPurchase.create(
                transaction_id=transaction_id, idempotency_key=transaction_id, **fields
            )
    raise IntegrityError("no unused transaction ID found")
