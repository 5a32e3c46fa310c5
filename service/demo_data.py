"""The demo organizations as plain data that desktop and service seed from: Northwind Traders
(the desktop's own demo) and Contoso Pharmaceuticals (a second tenant of the service).

Seat counts add up: a contract starts with the seats the previous one ended with, and each
purchase adds its seats, so a timeline drawn from the ledger ends at today's count.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from billing.orders import QUOTE_GRACE_DAYS
from billing.proration import PRORATE_BY_DAY, PRORATE_BY_MONTH, Quote, quote
from billing.transaction_ids import new_transaction_id

ORGANIZATION = "Northwind Traders"
CURRENCY = "USD"
TIMEZONE = "America/New_York"
PASSWORD = "northwind-demo"  # every Northwind demo administrator's, on the demo service only
PAID_AFTER_DAYS = 45  # the demo service's older invoices were paid (see seed.py)
# The days before today on which demo purchases fall, in bands that keep every purchase's
# contract and invoice status the same whatever the date: a current contract began 59 to 122
# days ago (on the 1st, two or three months back), its predecessor a year before; an invoice
# is due after 30 days and paid after PAID_AFTER_DAYS; a day either side is kept clear for
# "today" in another time zone.
DAYS_AGO = ((2, 28), (48, 57), (125, 450))  # open; paid or overdue; on the earlier contract
NORTHWIND_PURCHASES = (3, 4, 17)  # per band of DAYS_AGO
PAST_PURCHASES = sum(NORTHWIND_PURCHASES)
SEATS_NOW = 50  # Northwind's seats licensed today, of which 47 are assigned (see USERS)
ADMINISTRATORS = (
    # (name, e-mail, permission set, manage account, manage permission sets)
    ("Alex Morgan", "admin@example.com", "Administrators", True, True),
    ("Priya Raman", "billing@example.com", "Billing", True, False),
    ("Sam Lee", "viewer@example.com", "Viewers", False, False),
    ("Jordan Ellis", "finance@example.com", "Finance", False, False),
)
# The other rights of the demo's permission sets, by name: finance sees billing and does not
# buy, Billing buys up to $1,000.00 (above it an approver is asked), the administrators approve.
SET_ROLES = {
    "Administrators": {"approve_purchases": True},
    "Administratoren": {"approve_purchases": True},
    "Billing": {"spending_limit_minor": 100_000},
    "Finance": {"view_billing": True},
    "Buchhaltung": {"view_billing": True},
}
BUYERS = ("admin@example.com", "billing@example.com")
APPROVAL_SEATS = 12  # at least 9 months of $12.50 a seat: above the Billing set's limit
CONTOSO_ZONE = "Europe/Berlin"
ACCOUNT_MANAGER = {
    "account_manager_name": "Dana Whitfield",
    "account_manager_email": "dana.whitfield@example.com",
    "account_manager_phone": "+1 555 0142 310",
}


VENDOR = {
    "legal_name": "Fabrikam Cloud, Inc.",
    "address": "500 Market Street, Suite 1200\nSan Francisco, CA 94105\nUnited States",
    "tax_id": "EIN 94-3210987",
    "support_email": "billing@fabrikam.example",
    "support_phone": "+1 415 555 0199",
    "payment_terms_days": 30,
    "iban": "DE89370400440532013000",
    "bic": "COBADEFFXXX",
    "account_number": "4012345678",
    "routing_number": "121000358",
}


NEXT_TERM_RISE = Decimal("1.03")  # the vendor's price for a renewal: 3% more


@dataclass(frozen=True)
class DemoContract:
    start_date: date
    end_date: date
    licensed_seats: int
    monthly_price_per_seat: Decimal
    currency: str = CURRENCY
    proration_unit: str = PRORATE_BY_MONTH
    account_manager_name: str = ACCOUNT_MANAGER["account_manager_name"]
    account_manager_email: str = ACCOUNT_MANAGER["account_manager_email"]
    account_manager_phone: str = ACCOUNT_MANAGER["account_manager_phone"]


@dataclass(frozen=True)
class DemoPurchase:
    transaction_id: str
    created_at: datetime
    buyer_email: str
    contract: int  # index into the organization's contracts
    priced: Quote
    provisioned_at: datetime
    invoice_number: str
    purchase_order: str | None  # the billing administrator's purchases carry one


@dataclass(frozen=True)
class DemoApproval:
    """A purchase above its buyer's spending limit, waiting for an approver."""

    transaction_id: str
    requested_at: datetime
    requester_email: str
    contract: int  # index into the organization's contracts
    priced: Quote
    valid_until: date  # the price holds until then: the quote date + QUOTE_GRACE_DAYS
    purchase_order: str | None


@dataclass(frozen=True)
class DemoUser:
    name: str
    email: str
    holds_seat: bool
    active: bool  # False: disabled in the vendor's product
    last_active_at: datetime | None
    disabled_at: datetime | None = None  # disabled the day they were last seen


@dataclass(frozen=True)
class UserMix:
    """How many users of each kind an organization has."""

    domain: str
    active_with_seat: int
    disabled_with_seat: int
    inactive_with_seat: int  # active, but not seen for more than 90 days
    without_seat: int


@dataclass(frozen=True)
class DemoOrganization:
    name: str
    currency: str
    timezone: str
    password: str  # every one of its demo administrators'
    administrators: tuple[tuple[str, str, str, bool, bool], ...]
    contracts: Callable[[date], list[DemoContract]]
    purchases: Callable[[date], list[DemoPurchase]]
    users: UserMix
    billing_profile: dict  # as GET /v1/billing-profile answers it
    approvals: Callable[[date], list[DemoApproval]] = lambda today: []  # pending ones

    def today(self, now: datetime | None = None) -> date:
        """The organization's date `now` (default: the present), where it is."""
        return (now or datetime.now(UTC)).astimezone(ZoneInfo(self.timezone)).date()


def demo_contracts(today: date, seed: int = 2026) -> list[DemoContract]:
    """Last year's contract and the current one, which began three months ago with the seats
    the last one ended with, and has 50 seats today."""
    return _seated(_northwind_terms(today), demo_purchases(today, seed), SEATS_NOW)


def _northwind_terms(today: date) -> list[DemoContract]:
    current = date(today.year, today.month, 1) - relativedelta(months=3)
    previous = current - relativedelta(years=1)
    return [
        DemoContract(previous, current - timedelta(days=1), 0, Decimal("12.00")),
        DemoContract(
            current, current + relativedelta(years=1) - timedelta(days=1), 0, Decimal("12.50")
        ),
    ]


def demo_purchases(today: date, seed: int = 2026) -> list[DemoPurchase]:
    """Provisioned purchases on both contracts, in business hours, invoiced gap-free in order."""
    terms = _northwind_terms(today)
    return _purchases(terms, today, BUYERS, TIMEZONE, NORTHWIND_PURCHASES, seed)


def demo_approvals(today: date) -> list[DemoApproval]:
    """Priya Raman's purchase of APPROVAL_SEATS seats, above the Billing set's $1,000.00,
    priced and requested yesterday morning and waiting for an administrator to approve it."""
    terms = _northwind_terms(today)
    asked = datetime.combine(today - timedelta(days=1), time(9, 30), ZoneInfo(TIMEZONE))
    # Frozen, its fields read-only: pricing only reads them, though its protocol says not.
    priced = quote(terms[-1], APPROVAL_SEATS, asked.date())  # pyright: ignore[reportArgumentType]
    return [
        DemoApproval(
            transaction_id=new_transaction_id(random.Random(APPROVAL_SEATS)),
            requested_at=asked.astimezone(UTC),
            requester_email="billing@example.com",
            contract=len(terms) - 1,
            priced=priced,
            valid_until=min(asked.date() + timedelta(days=QUOTE_GRACE_DAYS), terms[-1].end_date),
            purchase_order=f"PO-{asked.year}-0100",
        )
    ]


def contoso_contracts(today: date) -> list[DemoContract]:
    """One contract, prorated by day, at 9.90 EUR, begun two months ago; 20 seats today."""
    return _seated(_contoso_terms(today), contoso_purchases(today), 20)


def _contoso_terms(today: date) -> list[DemoContract]:
    start = date(today.year, today.month, 1) - relativedelta(months=2)
    return [
        DemoContract(
            start,
            start + relativedelta(years=1) - timedelta(days=1),
            0,
            Decimal("9.90"),
            currency="EUR",
            proration_unit=PRORATE_BY_DAY,
            account_manager_name="Lena Vogel",
            account_manager_email="lena.vogel@example.com",
            account_manager_phone="+49 30 5550 1420",
        )
    ]


def contoso_purchases(today: date) -> list[DemoPurchase]:
    terms = _contoso_terms(today)
    return _purchases(terms, today, ("admin@contoso.example",), CONTOSO_ZONE, (1, 3))


def _seated(
    terms: list[DemoContract], purchases: list[DemoPurchase], seats_now: int
) -> list[DemoContract]:
    """The terms with the seats each had at its end: the last has `seats_now`, and each
    began with the seats the one before it ended with (renewed as they were)."""
    seated, at_end = [], seats_now
    for index in reversed(range(len(terms))):
        seated.insert(0, replace(terms[index], licensed_seats=at_end))
        at_end -= sum(p.priced.seats for p in purchases if p.contract == index)
    return seated


USERS = UserMix(
    "northwind.example",
    active_with_seat=40,
    disabled_with_seat=4,
    inactive_with_seat=3,
    without_seat=6,
)
NORTHWIND = DemoOrganization(
    ORGANIZATION,
    CURRENCY,
    TIMEZONE,
    PASSWORD,
    ADMINISTRATORS,
    demo_contracts,
    demo_purchases,
    USERS,
    {
        "legal_name": "Northwind Traders, Inc.",
        "address": "1200 Harbor Avenue\nSeattle, WA 98101\nUnited States",
        "country": "US",
        "tax_id": "04-2103594",
        "billing_emails": ["ap@northwind.example", "billing@example.com"],
        "default_purchase_order": None,
    },
    demo_approvals,
)
CONTOSO = DemoOrganization(
    "Contoso Pharmaceuticals",
    "EUR",
    CONTOSO_ZONE,
    "contoso-demo",
    (
        ("Jonas Becker", "admin@contoso.example", "Administratoren", True, True),
        ("Lena Vogel", "buchhaltung@contoso.example", "Buchhaltung", False, False),
    ),
    contoso_contracts,
    contoso_purchases,
    UserMix(
        "contoso.example",
        active_with_seat=14,
        disabled_with_seat=1,
        inactive_with_seat=2,
        without_seat=3,
    ),
    {
        "legal_name": "Contoso Pharmaceuticals GmbH",
        "address": "Friedrichstraße 100\n10117 Berlin\nDeutschland",
        "country": "DE",
        "tax_id": "DE136695976",
        "billing_emails": ["rechnungen@contoso.example"],
        "default_purchase_order": "PO-CONTOSO-2026",
    },
)
ORGANIZATIONS = (NORTHWIND, CONTOSO)
FIRST_NAMES = (
    "Ada", "Ben", "Carla", "Deepak", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal",
    "Kofi", "Lina", "Mateo", "Nora", "Omar", "Paula", "Quinn", "Rosa", "Sven", "Tara",
)  # fmt: skip
LAST_NAMES = (
    "Abbott", "Becker", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito",
    "Jensen", "Khan", "Larsen", "Moreau", "Novak", "Okafor", "Patel", "Rossi", "Silva",
)  # fmt: skip


def demo_users(mix: UserMix, now: datetime, seed: int = 2026) -> list[DemoUser]:
    """People of the organization: recently active seat holders, disabled ones (10 to 200
    days ago, so a reclaim policy's default 7 days finds them all), long inactive ones (91 to
    400 days), and users without a seat."""
    rng = random.Random(seed)
    names = sorted({f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES})
    rng.shuffle(names)
    kinds = (
        [(True, True, 0, 30)] * mix.active_with_seat
        + [(True, False, 10, 200)] * mix.disabled_with_seat
        + [(True, True, 91, 400)] * mix.inactive_with_seat
        + [(False, True, 0, 60)] * mix.without_seat
    )  # (holds a seat, active, last seen between so many days ago)
    users = []
    for name, (holds_seat, active, newest, oldest) in zip(names, kinds, strict=False):
        email = name.lower().replace(" ", ".") + "@" + mix.domain
        seen = now - timedelta(days=newest, hours=rng.randrange((oldest - newest) * 24))
        users.append(DemoUser(name, email, holds_seat, active, seen, None if active else seen))
    return users


def _purchases(
    contracts: list[DemoContract],
    today: date,
    buyers: tuple[str, ...],
    timezone: str,
    per_band: tuple[int, ...],
    seed: int = 2026,
) -> list[DemoPurchase]:
    """`per_band[i]` purchases on days drawn from DAYS_AGO[i], in business hours: the same
    contract and invoice status for each whatever the date, so the demo looks alike every day."""
    rng = random.Random(seed)
    zone = ZoneInfo(timezone)
    days_ago = [
        day for (first, last), count in zip(DAYS_AGO, per_band, strict=False)
        for day in rng.sample(range(first, last + 1), count)
    ]  # fmt: skip
    days_ago[-1] = days_ago[-2]  # a busy day: two purchases go live on it
    moments = sorted(
        datetime.combine(
            today - timedelta(days=day), time(rng.randrange(8, 18), rng.randrange(60)), zone
        )
        for day in days_ago
    )
    plan = []
    for number, local in enumerate(moments, start=1):
        index = max(i for i, c in enumerate(contracts) if c.start_date <= local.date())
        created_at = local.astimezone(UTC)
        provisioned_at = created_at + timedelta(seconds=rng.randrange(20, 180))
        buyer = rng.choice(buyers)
        plan.append(
            DemoPurchase(
                transaction_id=new_transaction_id(rng),
                created_at=created_at,
                buyer_email=buyer,
                contract=index,
                priced=quote(contracts[index], rng.choice((1, 1, 1, 2, 2, 2)), local.date()),
                provisioned_at=provisioned_at,
                invoice_number=f"INV-{provisioned_at.year}-{number:06d}",
                purchase_order=f"PO-{local.year}-{number:04d}" if buyer == buyers[-1] else None,
            )
        )
    return plan


@dataclass(frozen=True)
class DemoInvoice:
    number: str
    transaction_id: str
    issue_date: date
    due_date: date
    status: str  # open, paid or void
    paid_at: datetime | None


def demo_invoices(plan: DemoOrganization, today: date) -> list[DemoInvoice]:
    """The invoice of each demo purchase, issued the day it was provisioned (where the
    organization is). So that every status shows: those issued more than PAID_AFTER_DAYS ago
    were paid twenty days after issue, but for the latest of them (overdue now) and the third
    (voided); newer ones are open."""
    zone, terms = ZoneInfo(plan.timezone), timedelta(days=VENDOR["payment_terms_days"])
    issued = sorted(
        (p.provisioned_at.astimezone(zone).date(), p.invoice_number, p.transaction_id)
        for p in plan.purchases(today)
    )
    old = [entry for entry in issued if (today - entry[0]).days > PAID_AFTER_DAYS]
    invoices = []
    for day, number, transaction_id in issued:
        status, paid_at = "open", None
        if (day, number, transaction_id) in old[:-1]:
            index = old.index((day, number, transaction_id))
            status = "void" if index == 2 else "paid"
            if status == "paid":
                paid_at = datetime.combine(day + timedelta(days=20), time(15), UTC)
        invoices.append(DemoInvoice(number, transaction_id, day, day + terms, status, paid_at))
    return invoices
