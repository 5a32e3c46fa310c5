"""The kinds of order: a purchase of seats now, and a contract's renewal for its next term.

Both kinds share one body codec (billing.orders), one refusal table and one status table
(billing.statuses); each keeps its own words (labels, document titles).
"""

from enum import StrEnum


class OrderKind(StrEnum):
    PURCHASE = "purchase"
    RENEWAL = "renewal"
