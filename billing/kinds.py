"""The kinds of order, one codec and one status table for both: a purchase of seats now, and the
renewal of a contract for its next term. Each kind keeps its own words (labels, titles)."""

from enum import StrEnum


class OrderKind(StrEnum):
    PURCHASE = "purchase"
    RENEWAL = "renewal"
