"""The desktop's ledger: Peewee models of the local database (money in integer minor units,
times in UTC), bound to `database` when the app opens its file."""

# A model's nested Meta holds peewee's options for it; it overrides nothing of its base's.
# pyright: reportIncompatibleVariableOverride=false

from decimal import Decimal

from peewee import (
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from billing.money import UNIT_PRICE_PLACES, amount_from_minor
from billing.proration import PRORATE_BY_MONTH
from billing.statuses import Status
from db.fields import FixedPointField, UTCDateTimeField, utc_now

database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Organization(BaseModel):
    """One organization whose account this computer keeps: every row below that belongs to one
    carries its key, so several on one computer never mix."""

    id = AutoField()  # peewee's own key, declared for the type checker
    name = CharField()
    currency = CharField(max_length=3)
    timezone = CharField(default="UTC")
    service_key = IntegerField(null=True, unique=True)  # the service's ID of it, once known
    last_used_at = UTCDateTimeField(null=True)  # signed in to last: the one to open offline


class OwnedModel(BaseModel):
    """A row that belongs to one organization."""

    id = AutoField()  # peewee's own key, declared for the type checker
    organization = ForeignKeyField(Organization, on_delete="CASCADE")
    organization_id: int  # peewee's accessor of the key, declared for the type checker


class Contract(BaseModel):
    id = AutoField()  # peewee's own key, declared for the type checker
    organization = ForeignKeyField(Organization, backref="contracts")
    organization_id: int  # peewee's accessor of the key, declared for the type checker
    start_date = DateField()
    end_date = DateField()  # inclusive
    licensed_seats = IntegerField()
    monthly_price_per_seat = FixedPointField(UNIT_PRICE_PLACES)
    currency = CharField(max_length=3)
    proration_unit = CharField(max_length=5, default=PRORATE_BY_MONTH)
    account_manager_name = CharField()
    account_manager_email = CharField()
    account_manager_phone = CharField()

    class Meta:
        indexes = ((("organization", "end_date"), False),)


class PermissionSet(OwnedModel):
    name = CharField()
    manage_account = BooleanField(default=False)
    manage_permission_sets = BooleanField(default=False)
    view_billing = BooleanField(default=False)  # invoices, documents, profile: never buying
    approve_purchases = BooleanField(default=False)
    spending_limit_minor = BigIntegerField(null=True)  # the contract's currency; None: no limit

    class Meta:
        indexes = ((("organization", "name"), True),)


class Administrator(OwnedModel):
    """An administrator of one organization (the same person in two is two rows)."""

    name = CharField()
    email = CharField()
    permission_set = ForeignKeyField(PermissionSet, backref="administrators")
    active = BooleanField(default=True)

    class Meta:
        indexes = ((("organization", "email"), True),)


class SeatPurchase(OwnedModel):
    """One purchase of additional seats: the ledger row and its provisioning state.

    Its period starts on the day it was quoted, which is the quote date sent with the order.
    """

    transaction_id = CharField(max_length=32)
    created_at = UTCDateTimeField(default=utc_now)
    administrator = ForeignKeyField(Administrator, backref="purchases")
    administrator_id: int  # peewee's accessor of the key, declared for the type checker
    purchased_by_name = CharField()  # as at the purchase, for receipts and sorting
    purchased_by_email = CharField()
    contract = ForeignKeyField(Contract, backref="purchases")
    seats = IntegerField()
    monthly_unit_price = FixedPointField(UNIT_PRICE_PLACES)
    prorated_months = IntegerField()
    period_start = DateField()
    period_end = DateField()
    amount_minor = BigIntegerField()
    currency = CharField(max_length=3)
    acknowledgement_text = TextField()
    acknowledged_at = UTCDateTimeField()
    idempotency_key = CharField(max_length=255)
    provisioning_status = CharField(max_length=12, default=Status.QUEUED)
    submitted_at = UTCDateTimeField(null=True)
    provisioned_at = UTCDateTimeField(null=True)
    invoice_number = CharField(null=True)
    last_sync_error = TextField(null=True)
    receipt_sha256 = CharField(max_length=64, null=True, index=True)  # of the receipt issued
    purchase_order = CharField(max_length=40, null=True)  # the buyer's PO number
    invoice_note = TextField(null=True)
    # The vendor and the bill-to party as they were at the purchase (JSON), for its documents.
    parties = TextField(null=True)
    # The vendor's invoice, as the service last said: open, paid or void (overdue is an open
    # one past its due date), and the fingerprint of its PDF once downloaded.
    invoice_status = CharField(max_length=8, null=True)
    invoice_due_date = DateField(null=True)
    invoice_pdf_sha256 = CharField(max_length=64, null=True)
    invoice_paid_at = UTCDateTimeField(null=True)  # when the vendor marked it paid
    quote_number = CharField(max_length=64, null=True)  # the formal quote it was ordered from

    class Meta:
        # Transaction History sorts by any column with keyset paging: each sort key
        # is indexed together with the id that breaks ties (the invoice number's
        # index is on an expression, made in migration 0002).
        indexes = (
            (("organization", "transaction_id"), True),
            (("organization", "idempotency_key"), True),
            (("organization", "created_at", "id"), False),
            (("created_at", "id"), False),
            (("contract", "created_at", "id"), False),
            (("provisioning_status", "created_at", "id"), False),
            (("seats", "id"), False),
            (("prorated_months", "id"), False),
            (("period_start", "id"), False),
            (("amount_minor", "id"), False),
            (("purchased_by_name", "id"), False),
            (("invoice_status", "invoice_due_date", "created_at", "id"), False),
        )

    @property
    def amount(self) -> Decimal:
        return amount_from_minor(self.amount_minor, self.currency)


class SeatSlot(BaseModel):
    """A contract's purchases in one quarter hour (UTC), kept by triggers on seat_purchase with
    every write (desktop.seat_slots): live ones when they went live, the others when bought."""

    organization = ForeignKeyField(Organization, null=True, on_delete="CASCADE")
    contract = ForeignKeyField(Contract, on_delete="CASCADE")
    live = IntegerField()  # 1: provisioned; 0: queued or pending (rejected ones count nowhere)
    slot = BigIntegerField()  # seconds since 1970 (UTC) // 900
    seats = BigIntegerField()
    purchases = IntegerField()
    amount_minor = BigIntegerField()
    first_at = DateTimeField()  # the slot's first purchase (naive UTC, as stored), and its id
    first_id = IntegerField(null=True)

    class Meta:  # pyright: ignore[reportIncompatibleVariableOverride]
        primary_key = CompositeKey("contract", "live", "slot")


class LicenseUsage(BaseModel):
    """How the organization's seats are assigned, as the service last said: users and their
    seats are managed in the vendor's product, so this is a copy for the overview."""

    id = AutoField()  # peewee's own key, declared for the type checker
    organization = ForeignKeyField(Organization, unique=True)
    assigned = IntegerField()
    assigned_disabled = IntegerField()  # held by disabled users: not in use
    assigned_inactive = IntegerField()  # held by users inactive for `inactive_days`
    inactive_days = IntegerField()
    checked_at = UTCDateTimeField()


class VendorDetails(OwnedModel):
    """Who sells and invoices, as the service last said: printed on every document."""

    legal_name = CharField()
    address = TextField()
    tax_id = CharField()
    support_email = CharField()
    support_phone = CharField()
    payment_terms_days = IntegerField()
    iban = CharField(null=True)  # where to pay (billing.remittance), as the service gives it
    bic = CharField(null=True)
    account_number = CharField(null=True)
    routing_number = CharField(null=True)

    class Meta:
        indexes = ((("organization",), True),)


class BillingProfile(BaseModel):
    """Whom the vendor bills, as the service last said, or as edited here and not sent yet."""

    id = AutoField()  # peewee's own key, declared for the type checker
    organization = ForeignKeyField(Organization, unique=True)
    legal_name = CharField()
    address = TextField()
    country = CharField(max_length=2)
    tax_id = CharField(null=True)
    billing_emails = TextField(default="[]")  # a JSON list
    default_purchase_order = CharField(max_length=40, null=True)


class ProfileOutbox(OwnedModel):
    """Billing profile changes made here and still to be sent (one entry, the latest wins)."""

    changes = TextField()  # JSON, as PATCH /v1/billing-profile takes it
    created_at = UTCDateTimeField(default=utc_now)
    attempts = IntegerField(default=0)
    next_attempt_at = UTCDateTimeField(default=utc_now)
    last_error = TextField(null=True)


class RenewalRecord(OwnedModel):
    """A renewal of the contract for its next term: recorded here first, then sent to the
    account service (its transaction ID is the idempotency key), as a purchase is."""

    transaction_id = CharField(max_length=32)
    created_at = UTCDateTimeField(default=utc_now)
    administrator = ForeignKeyField(Administrator, backref="renewals")
    contract = ForeignKeyField(Contract, backref="renewals")  # the term being renewed
    seats = IntegerField()
    monthly_unit_price = FixedPointField(UNIT_PRICE_PLACES)
    months = IntegerField()
    term_start = DateField()
    term_end = DateField()
    amount_minor = BigIntegerField()
    currency = CharField(max_length=3)
    purchase_order = CharField(max_length=40, null=True)
    instructions = TextField(null=True)
    acknowledgement_text = TextField()
    status = CharField(max_length=12, default=Status.QUEUED)  # queued, provisioned, rejected
    invoice_number = CharField(null=True)
    invoice_pdf_sha256 = CharField(max_length=64, null=True)  # of its invoice, once downloaded
    parties = TextField(null=True)  # the vendor and the bill-to as at the renewal (JSON)
    last_error = TextField(null=True)
    attempts = IntegerField(default=0)
    next_attempt_at = UTCDateTimeField(default=utc_now)

    class Meta:
        indexes = ((("organization", "transaction_id"), True),)

    @property
    def amount(self) -> Decimal:
        return amount_from_minor(self.amount_minor, self.currency)


class Outbox(OwnedModel):
    """A purchase still to be sent to the account service; written with the purchase."""

    purchase = ForeignKeyField(SeatPurchase, unique=True, backref="outbox", on_delete="CASCADE")
    purchase_id: int  # peewee's accessor of the key, declared for the type checker
    attempts = IntegerField(default=0)
    next_attempt_at = UTCDateTimeField(index=True, default=utc_now)
    last_error = TextField(null=True)
    created_at = UTCDateTimeField(default=utc_now)


class SyncState(OwnedModel):
    """What sync keeps of an organization between rounds: its feed cursors, the renewal offer."""

    key = CharField()
    value = TextField()

    class Meta:
        indexes = ((("organization", "key"), True),)

    @classmethod
    def read(cls, organization: "Organization | int", key: str) -> str | None:
        row = cls.get_or_none((cls.organization == organization) & (cls.key == key))
        return row.value if row is not None else None

    @classmethod
    def write(cls, organization: "Organization | int", key: str, value: str) -> None:
        cls.insert(organization=organization, key=key, value=value).on_conflict(
            conflict_target=[cls.organization, cls.key], update={cls.value: value}
        ).execute()


class AuditEvent(OwnedModel):
    occurred_at = UTCDateTimeField(default=utc_now, index=True)
    administrator = ForeignKeyField(Administrator, null=True, backref="audit_events")
    action = CharField()
    details = TextField(default="")


MODELS = (
    Organization,
    Contract,
    PermissionSet,
    Administrator,
    SeatPurchase,
    SeatSlot,
    LicenseUsage,
    VendorDetails,
    BillingProfile,
    ProfileOutbox,
    RenewalRecord,
    Outbox,
    SyncState,
    AuditEvent,
)
