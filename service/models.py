"""The service's own models: organizations, contracts, administrators, sessions, seat orders."""

# A model's nested Meta holds peewee's options for it; it overrides nothing of its base's.
# pyright: reportIncompatibleVariableOverride=false

from peewee import (
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from billing.money import UNIT_PRICE_PLACES
from billing.proration import PRORATE_BY_MONTH
from billing.renewal import RENEWAL_WINDOW_DAYS
from billing.statuses import Status
from db.fields import FixedPointField, UTCDateTimeField, utc_now

service_db = DatabaseProxy()


class ServiceModel(Model):
    id = AutoField()  # peewee's own key, declared for the type checker

    class Meta:
        database = service_db
        legacy_table_names = False


class Organization(ServiceModel):
    name = CharField()
    currency = CharField(max_length=3)
    timezone = CharField(default="UTC")


class Vendor(ServiceModel):
    """Who sells the seats and issues the invoices: one row."""

    legal_name = CharField()
    address = TextField()  # one line per line
    tax_id = CharField()
    support_email = CharField()
    support_phone = CharField()
    payment_terms_days = IntegerField(default=30)
    # Where to pay (billing.remittance): IBAN and BIC for euros, account and routing number
    # for US dollars; each empty until the vendor has given it.
    iban = CharField(null=True)
    bic = CharField(null=True)
    account_number = CharField(null=True)
    routing_number = CharField(null=True)


class BillingProfile(ServiceModel):
    """Whom the vendor bills: the organization's legal name, address, tax ID and recipients."""

    organization = ForeignKeyField(Organization, unique=True, backref="billing_profile")
    legal_name = CharField()
    address = TextField()
    country = CharField(max_length=2)
    tax_id = CharField(null=True)
    billing_emails = TextField(default="[]")  # a JSON list of at most 5
    default_purchase_order = CharField(max_length=40, null=True)
    updated_at = UTCDateTimeField(default=utc_now)


class Contract(ServiceModel):
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
    renewal_window_days = IntegerField(default=RENEWAL_WINDOW_DAYS)
    # The next term's price per seat per month, as the vendor sets it; None: the same price.
    next_term_monthly_price = FixedPointField(UNIT_PRICE_PLACES, null=True)


class PermissionSet(ServiceModel):
    organization = ForeignKeyField(Organization, backref="permission_sets")
    name = CharField()
    manage_account = BooleanField(default=False)
    manage_permission_sets = BooleanField(default=False)
    view_billing = BooleanField(default=False)  # invoices, documents, billing profile, quotes
    approve_purchases = BooleanField(default=False)
    spending_limit_minor = BigIntegerField(null=True)  # contract currency; None: unlimited


class Administrator(ServiceModel):
    organization = ForeignKeyField(Organization, backref="administrators")
    organization_id: int  # peewee's accessor of the key, declared for the type checker
    name = CharField()
    email = CharField(unique=True)
    password_hash = CharField()
    permission_set = ForeignKeyField(PermissionSet, backref="administrators")
    active = BooleanField(default=True)


class Session(ServiceModel):
    token_hash = CharField(unique=True, max_length=64)  # the token itself is never stored
    administrator = ForeignKeyField(Administrator, backref="sessions", on_delete="CASCADE")
    created_at = UTCDateTimeField(default=utc_now)
    expires_at = UTCDateTimeField(index=True)
    idle_until = UTCDateTimeField(null=True)  # moved on by use; the session ends at either


class DeviceToken(ServiceModel):
    """A device that signed in successfully as `email` (OWASP's device cookie): failures made
    elsewhere never lock it out."""

    token_hash = CharField(unique=True, max_length=64)  # the token itself is never stored
    email = CharField(index=True)
    created_at = UTCDateTimeField()
    expires_at = UTCDateTimeField()


class SignInAttempt(ServiceModel):
    """A sign-in that counts towards the lock-out: failed, or still being checked."""

    email = CharField()
    address = CharField(max_length=45)  # the client's IP address
    attempted_at = UTCDateTimeField()
    device = CharField(max_length=64, null=True)  # the trusted device's token hash, if any

    class Meta:
        indexes = ((("email", "attempted_at"), False),)


class AccountUser(ServiceModel):
    """A person using the vendor's product for the organization; seats are assigned to users
    there, so the desktop only reads these."""

    organization = ForeignKeyField(Organization, backref="users")
    name = CharField()
    email = CharField()
    holds_seat = BooleanField(default=False)
    active = BooleanField(default=True)  # False: disabled
    last_active_at = UTCDateTimeField(null=True)
    disabled_at = UTCDateTimeField(null=True)  # when it was disabled, where known

    class Meta:
        indexes = (
            (("organization", "email"), True),
            (("organization", "name", "id"), False),  # the users list, paged by name
            (("organization", "holds_seat", "active", "last_active_at"), False),  # the counts
        )


class SeatOrder(ServiceModel):
    organization = ForeignKeyField(Organization, backref="orders")
    organization_id: int  # peewee's accessor of the key, declared for the type checker
    transaction_id = CharField(max_length=255)  # the client's idempotency key
    request_fingerprint = CharField(max_length=64)
    contract = ForeignKeyField(Contract, backref="orders")
    contract_id: int  # peewee's accessor of the key, declared for the type checker
    administrator = ForeignKeyField(Administrator, backref="orders")
    seats = IntegerField()
    monthly_unit_price = FixedPointField(UNIT_PRICE_PLACES)
    prorated_months = IntegerField()
    period_start = DateField()
    period_end = DateField()
    amount_minor = BigIntegerField()
    currency = CharField(max_length=3)
    acknowledgement_text = TextField()
    status = CharField(max_length=12, default=Status.PENDING)
    created_at = UTCDateTimeField(default=utc_now)
    updated_at = UTCDateTimeField(default=utc_now)
    provision_after = UTCDateTimeField()
    provisioned_at = UTCDateTimeField(null=True)
    invoice_number = CharField(null=True)
    rejection_reason = TextField(null=True)
    purchase_order = CharField(max_length=40, null=True)
    invoice_note = TextField(null=True)
    parties = TextField(null=True)  # JSON: the vendor and the bill-to when it was placed

    class Meta:
        indexes = (
            # Idempotency keys and invoice numbers are each organization's own.
            (("organization", "transaction_id"), True),
            (("organization", "invoice_number"), True),
            (("organization", "updated_at", "id"), False),  # the changes feed
            (("status", "provision_after"), False),  # the provisioning worker
        )


class Renewal(ServiceModel):
    """The renewal of a contract for its next term, placed once per Idempotency-Key."""

    organization = ForeignKeyField(Organization, backref="renewals")
    organization_id: int  # peewee's accessor of the key, declared for the type checker
    transaction_id = CharField(max_length=255)  # the client's idempotency key
    request_fingerprint = CharField(max_length=64)
    contract = ForeignKeyField(Contract, unique=True, backref="renewal")  # one per contract
    next_contract = ForeignKeyField(Contract, backref="renewed_from")
    administrator = ForeignKeyField(Administrator, backref="renewals")
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
    invoice_number = CharField(null=True)
    created_at = UTCDateTimeField(default=utc_now)
    parties = TextField(null=True)  # JSON: the vendor and the bill-to when it was placed

    class Meta:
        indexes = ((("organization", "transaction_id"), True),)


class ReductionRequest(ServiceModel):
    """Fewer seats for the next term, asked of the account manager: kept, answered, never
    applied here."""

    organization = ForeignKeyField(Organization, backref="reduction_requests")
    contract = ForeignKeyField(Contract, backref="reduction_requests")
    administrator = ForeignKeyField(Administrator, backref="reduction_requests")
    seats_wanted = IntegerField()
    reason = TextField()
    created_at = UTCDateTimeField(default=utc_now)
    answer = TextField(null=True)
    answered_at = UTCDateTimeField(null=True)


class Quote(ServiceModel):
    """A formal quote: a price held for one order (or renewal) of its organization until
    `valid_until`, its amount and period as priced the day it was given; used once."""

    organization = ForeignKeyField(Organization, backref="quotes")
    organization_id: int  # peewee's accessor of the key, declared for the type checker
    number = CharField(max_length=20)  # Q-YYYY-NNNNNN, numbered per organization
    kind = CharField(max_length=8)  # billing.kinds.OrderKind: purchase or renewal
    contract = ForeignKeyField(Contract, backref="quotes")  # priced under it (renewed, for one)
    administrator = ForeignKeyField(Administrator, backref="quotes")  # who asked for it
    seats = IntegerField()
    monthly_unit_price = FixedPointField(UNIT_PRICE_PLACES)
    months = IntegerField()  # the purchase's prorated months, or the next term's
    proration_unit = CharField(max_length=5)  # the contract's when priced: the working's unit
    quote_date = DateField()  # the organization's day it was priced on
    period_start = DateField()
    period_end = DateField()
    amount_minor = BigIntegerField()
    currency = CharField(max_length=3)
    valid_until = DateField()  # the last local day an order may be placed from it
    purchase_order = CharField(max_length=40, null=True)
    note = TextField(null=True)
    parties = TextField(null=True)  # JSON: the vendor and the bill-to when it was given
    created_at = UTCDateTimeField(default=utc_now)
    used_by = CharField(max_length=255, null=True)  # the order's or renewal's transaction ID
    used_at = UTCDateTimeField(null=True)


Quote.add_index(Quote.organization, Quote.number, unique=True)  # numbers are each one's own


class Approval(ServiceModel):
    """An order or renewal above its buyer's spending limit, held at its price for an approver:
    approved (the order placed with its transaction ID), denied, or expired after valid_until
    (read, not stored). Its fields are a quote's, so it is priced back as a quote is."""

    organization = ForeignKeyField(Organization, backref="approvals")
    organization_id: int  # peewee's accessor of the key, declared for the type checker
    number = CharField(max_length=20)  # AP-YYYY-NNNNNN, numbered per organization
    kind = CharField(max_length=8)  # billing.kinds.OrderKind: purchase or renewal
    transaction_id = CharField(max_length=255)  # the order's idempotency key
    request_fingerprint = CharField(max_length=64)
    contract = ForeignKeyField(Contract, backref="approvals")  # priced under it (or renewing it)
    administrator = ForeignKeyField(Administrator, backref="approvals")  # who asked
    administrator_id: int  # peewee's accessor of the key, declared for the type checker
    seats = IntegerField()
    monthly_unit_price = FixedPointField(UNIT_PRICE_PLACES)
    months = IntegerField()  # the purchase's prorated months, or the next term's
    proration_unit = CharField(max_length=5)  # the contract's when priced: the working's unit
    quote_date = DateField()  # the organization's day it was priced on
    period_start = DateField()  # the purchase's period, or the next term
    period_end = DateField()
    amount_minor = BigIntegerField()
    currency = CharField(max_length=3)
    acknowledgement_text = TextField()
    purchase_order = CharField(max_length=40, null=True)
    note = TextField(null=True)  # a purchase's note for the invoice, a renewal's instructions
    quote_number = CharField(max_length=20, null=True)  # the formal quote it was placed from
    spending_limit_minor = BigIntegerField(null=True)  # the requester's when requested
    valid_until = DateField()  # the held price's last local day
    status = CharField(max_length=8, default="pending")  # pending, approved or denied
    requested_at = UTCDateTimeField()
    decided_by = ForeignKeyField(Administrator, null=True, backref="approvals_decided")
    decided_at = UTCDateTimeField(null=True)
    reason = TextField(null=True)  # a denial's

    class Meta:
        indexes = (
            (("organization", "transaction_id"), True),  # one key, one approval
            (("organization", "number"), True),
            (("organization", "requested_at"), False),  # the list, newest first
        )


class Invoice(ServiceModel):
    """The vendor's invoice for one provisioned order: issued once, then paid or voided.

    Overdue is not stored: an open invoice is overdue once its due date has passed.
    """

    organization = ForeignKeyField(Organization, backref="invoices")
    organization_id: int  # peewee's accessor of the key, declared for the type checker
    order = ForeignKeyField(SeatOrder, unique=True, null=True, backref="invoice")
    order_id: int | None  # peewee's accessor of the key, declared for the type checker
    renewal = ForeignKeyField(Renewal, null=True, backref="invoice")  # or this; one each
    number = CharField()
    issue_date = DateField()
    due_date = DateField()
    amount_minor = BigIntegerField()  # the order's amount, before tax
    tax_minor = BigIntegerField(default=0)
    currency = CharField(max_length=3)
    tax_note = TextField(null=True)  # e.g. the reverse charge for an EU business customer
    bill_to = TextField()  # the billing profile as it was at issue (JSON)
    status = CharField(max_length=8, default="open")  # open, paid or void
    paid_at = UTCDateTimeField(null=True)
    updated_at = UTCDateTimeField(default=utc_now)

    class Meta:
        indexes = (
            (("organization", "number"), True),
            (("organization", "updated_at", "id"), False),  # the changes feed
        )


class InvoiceSequence(ServiceModel):
    """The last invoice number of an organization: numbers are gap-free, the year a prefix."""

    organization = ForeignKeyField(Organization, unique=True)
    last_number = IntegerField(default=0)


class SeatRelease(ServiceModel):
    """Seats freed at once from several users, on the record and undoable for a while."""

    organization = ForeignKeyField(Organization, backref="seat_releases")
    administrator = ForeignKeyField(Administrator, backref="seat_releases")
    reason = CharField(max_length=200)
    created_at = UTCDateTimeField(default=utc_now)
    undone_at = UTCDateTimeField(null=True)
    undone_by = ForeignKeyField(Administrator, null=True, backref="seat_releases_undone")

    class Meta:
        indexes = ((("organization", "id"), False),)


class SeatReleaseUser(ServiceModel):
    """One user whose seat a release freed; `returned` says what its undo did for them."""

    release = ForeignKeyField(SeatRelease, backref="users", on_delete="CASCADE")
    user = ForeignKeyField(AccountUser, backref="seat_releases")
    returned = BooleanField(null=True)  # None: not undone; False: no seat could be given back

    class Meta:
        indexes = ((("release", "user"), True),)


class ReclaimPolicy(ServiceModel):
    """When the service frees seats by itself, once a day: from users disabled or inactive so
    long, but never from the exempt ones (a JSON list of user ids)."""

    organization = ForeignKeyField(Organization, unique=True, backref="reclaim_policy")
    enabled = BooleanField(default=False)
    disabled_for_days = IntegerField()
    inactive_for_days = IntegerField()
    notify_users = BooleanField(default=False)
    exempt_user_ids = TextField(default="[]")
    # Who last changed it: its releases are made in their name.
    changed_by = ForeignKeyField(Administrator, null=True, backref="reclaim_policies")
    updated_at = UTCDateTimeField(default=utc_now)
    last_run_on = DateField(null=True)  # the organization's date of the last daily run


class AlertSettings(ServiceModel):
    """What the service e-mails the organization's recipients about (JSON list of
    {"email", "language"})."""

    organization = ForeignKeyField(Organization, unique=True, backref="alert_settings")
    seats_available_below = IntegerField(null=True)
    invoice_due_within_days = IntegerField(null=True)
    notify_overdue = BooleanField(default=False)
    notify_renewal_window = BooleanField(default=False)
    recipients = TextField(default="[]")
    updated_at = UTCDateTimeField(default=utc_now)


class AlertState(ServiceModel):
    """A condition an alert watches that holds now, since when: it is alerted once when it
    starts to hold, and again only after it has cleared (the row deleted) and come back."""

    organization = ForeignKeyField(Organization, backref="alert_states")
    condition = CharField(max_length=100)  # e.g. "seats_available_below", "invoice_overdue:N"
    since = UTCDateTimeField()


AlertState.add_index(AlertState.organization, AlertState.condition, unique=True)


class MailMessage(ServiceModel):
    """An e-mail waiting to be sent, or sent: the outbox survives restarts and retries with
    backoff; `key` makes a message once only."""

    organization = ForeignKeyField(Organization, backref="mail_messages")
    organization_id: int  # peewee's accessor of the key, declared for the type checker
    key = CharField(max_length=200)
    kind = CharField(max_length=40)
    recipient = CharField(max_length=254)
    subject = CharField(max_length=300)
    body = TextField()
    created_at = UTCDateTimeField()
    attempts = IntegerField(default=0)
    next_attempt_at = UTCDateTimeField()
    sent_at = UTCDateTimeField(null=True)
    failed_at = UTCDateTimeField(null=True)  # refused for good: not tried again
    last_error = TextField(null=True)


MailMessage.add_index(MailMessage.organization, MailMessage.key, unique=True)
MailMessage.add_index(MailMessage.sent_at, MailMessage.failed_at, MailMessage.next_attempt_at)


class AuditEvent(ServiceModel):
    """Who did what and when; each entry carries the previous entry's hash in its
    organization's chain (no organization: failed sign-ins for unknown e-mails)."""

    organization = ForeignKeyField(Organization, null=True, backref="audit_events")
    occurred_at = UTCDateTimeField(default=utc_now)
    actor_email = CharField(null=True)
    action = CharField()
    details = TextField()  # JSON; never a token or a password
    previous_hash = CharField(max_length=64)
    hash = CharField(max_length=64)

    class Meta:
        indexes = (
            (("action", "actor_email", "occurred_at"), False),
            (("organization", "id"), False),
        )


class AuditHead(ServiceModel):
    """The last entry of one organization's chain: locking it puts writers in line, and it
    shows when entries at the end were deleted."""

    organization = ForeignKeyField(Organization, null=True)  # one row per organization
    last_id = IntegerField(default=0)
    last_hash = CharField(max_length=64)


MODELS = (
    Vendor,
    Organization,
    BillingProfile,
    Contract,
    PermissionSet,
    Administrator,
    Session,
    DeviceToken,
    SignInAttempt,
    AccountUser,
    SeatOrder,
    Renewal,
    ReductionRequest,
    Quote,
    Approval,
    Invoice,
    InvoiceSequence,
    SeatRelease,
    SeatReleaseUser,
    ReclaimPolicy,
    AlertSettings,
    AlertState,
    MailMessage,
    AuditEvent,
    AuditHead,
)
