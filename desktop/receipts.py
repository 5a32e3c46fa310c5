"""Receipts of purchases: built from the database, saved, verified, and exported in bulk."""

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from billing.documents import document_title
from billing.invoices import PAID
from billing.kinds import OrderKind
from billing.proration import PRORATE_BY_MONTH, Working, stored_working
from billing.remittance import bank_account
from billing.statuses import Status, shown_status, status_at
from desktop.account import organization_today
from desktop.background import Cancelled
from desktop.billing_profile import current_parties
from desktop.files import write_atomically
from desktop.history import (
    HistoryQuery,
    HistoryRow,
    count_purchases,
    iter_purchases,
)
from desktop.i18n import translate
from desktop.models import (
    Administrator,
    Contract,
    Organization,
    RenewalRecord,
    SeatPurchase,
    utc_now,
)

if TYPE_CHECKING:
    from peewee import ModelSelect

    from desktop.receipt_pdf import Party

_TRANSACTION_ID = re.compile(rb"MA-[0-9A-Z]{4}-[0-9A-Z]{4}")
_LOCALE = re.compile(rb"/Keywords \(locale=([A-Za-z_@]{1,40})\)")


class UnknownTransaction(LookupError):
    """No purchase has this transaction ID; the message says so in one line."""


def _unknown(organization: Organization, transaction_id: str) -> UnknownTransaction:
    """The organization has no purchase or renewal of this ID: said naming the organization, as
    one computer may keep several."""
    return UnknownTransaction(
        translate(
            "Receipts", "{organization} has no purchase or renewal with the transaction ID {id}."
        ).format(organization=organization.name, id=repr(transaction_id))
    )


@dataclass(frozen=True)
class Verification:
    genuine: bool
    message: str


def receipt_pdf(
    organization: Organization, transaction_id: str, locale: str, now: datetime | None = None
) -> bytes:
    """The receipt of one of the organization's purchases as it stands now."""
    return _render(_purchase(organization, transaction_id), locale, now or utc_now())


def receipt_title(organization: Organization, transaction_id: str) -> str:
    """What the purchase's document is now, as its title says: an order confirmation until the
    vendor's invoice is paid, then a receipt (as the document says, without reportlab)."""
    paid = _purchase(organization, transaction_id).invoice_status == PAID
    return translate("Receipt", document_title(OrderKind.PURCHASE, paid))


def issue_purchase_receipt(purchase: SeatPurchase, locale: str) -> str:
    """Render the receipt as at the moment of purchase and keep its SHA-256 with the purchase."""
    digest = sha256(_render(purchase, locale, purchase.created_at, at_purchase=True))
    SeatPurchase.update(receipt_sha256=digest).where(SeatPurchase.id == purchase.id).execute()
    return digest


def save_receipt(organization: Organization, transaction_id: str, path: Path, locale: str) -> Path:
    """Write the receipt to `path` whole or not at all."""
    write_atomically(path, receipt_pdf(organization, transaction_id, locale))
    return path


def verify_receipt(
    organization: Organization, data: bytes, locale: str, now: datetime | None = None
) -> Verification:
    """Say whether `data` is, byte for byte, a receipt this app issued for the organization."""
    digest = sha256(data)
    ours = SeatPurchase.organization == organization
    issued = SeatPurchase.get_or_none(ours & (SeatPurchase.receipt_sha256 == digest))
    if issued is not None:
        return Verification(
            True,
            translate("Receipts", "Genuine: the receipt of {transaction_id} as issued.").format(
                transaction_id=issued.transaction_id
            ),
        )
    found = _TRANSACTION_ID.search(data)
    if found is not None:
        transaction_id = found.group().decode()
        purchase = SeatPurchase.get_or_none(ours & (SeatPurchase.transaction_id == transaction_id))
        made_in = _LOCALE.search(data)
        if made_in is not None:
            locale = made_in.group(1).decode()
        if purchase is not None and sha256(_render(purchase, locale, now or utc_now())) == digest:
            return Verification(
                True,
                translate("Receipts", "Genuine: the current receipt of {transaction_id}.").format(
                    transaction_id=transaction_id
                ),
            )
        return Verification(
            False,
            translate(
                "Receipts",
                "Not genuine: this file names {transaction_id} but differs from every receipt "
                "of it that this app makes. It was changed or made elsewhere.",
            ).format(transaction_id=transaction_id),
        )
    return Verification(
        False,
        translate("Receipts", "Not a receipt of ours: this file names no transaction ID."),
    )


def export_receipts(
    query: HistoryQuery,
    folder: Path,
    locale: str,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """One PDF per matching purchase, named by its transaction ID; returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for row, data, total in documents(query, locale):
        write_atomically(folder / f"{row.transaction_id}.pdf", data)
        written += 1
        if progress and progress(written, total) is False:
            raise Cancelled(f"{written} of {total} receipts were written.")
    return written


def documents(query: HistoryQuery, locale: str) -> Iterator[tuple[HistoryRow, bytes, int]]:
    """Each matching purchase's document as it stands now, with how many there are in all."""
    now = utc_now()
    total = count_purchases(query, now)
    for row in iter_purchases(query, now=now):
        purchase = _with_contract().where(SeatPurchase.id == row.id).get()
        yield row, _render(purchase, locale, now), total


def renewal_documents(
    query: HistoryQuery, locale: str
) -> Iterator[tuple[RenewalRecord, Status, bytes]]:
    """Each renewal recorded in the query's time range, its status as shown, and its document
    as it stands now."""
    organization = Organization.get_by_id(query.organization_id)
    recorded = RenewalRecord.select().where(RenewalRecord.organization == organization)
    if query.since is not None:
        recorded = recorded.where(RenewalRecord.created_at >= query.since)
    if query.before is not None:
        recorded = recorded.where(RenewalRecord.created_at < query.before)
    now = utc_now()
    today = organization_today(organization, now)
    for renewal in recorded.order_by(RenewalRecord.created_at, RenewalRecord.id):
        status = shown_status(
            OrderKind.RENEWAL, renewal.status, None, now, renewal.term_start, today
        )
        yield renewal, status, renewal_pdf(organization, renewal.transaction_id, locale)


def date_range_query(organization: Organization, first: date, last: date) -> HistoryQuery:
    """The organization's purchases made from `first` through `last`, as days in its time
    zone."""
    zone = ZoneInfo(organization.timezone)
    since = datetime.combine(first, time(), zone).astimezone(UTC)
    before = datetime.combine(last + timedelta(days=1), time(), zone).astimezone(UTC)
    return HistoryQuery(organization.id, since=since, before=before, descending=False)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _with_contract() -> "ModelSelect[SeatPurchase]":
    """Purchases with their contract and organization in one query: a receipt needs all three."""
    return (
        SeatPurchase.select(SeatPurchase, Contract, Organization).join(Contract).join(Organization)
    )


def _purchase(organization: Organization, transaction_id: str) -> SeatPurchase:
    found = _with_contract().where(
        (SeatPurchase.organization == organization)
        & (SeatPurchase.transaction_id == transaction_id.strip())
    )
    purchase = found.first()
    if purchase is None:
        raise _unknown(organization, transaction_id)
    return purchase


def _render(purchase: SeatPurchase, locale: str, now: datetime, at_purchase: bool = False) -> bytes:
    from desktop.receipt_pdf import ReceiptRecord, render_receipt  # reportlab loads on first use

    contract = purchase.contract
    status = (
        Status.QUEUED
        if at_purchase
        else status_at(purchase.provisioning_status, purchase.submitted_at, now)
    )
    record = ReceiptRecord(
        **_parties(purchase.parties, contract.organization, purchase.currency),
        timezone=contract.organization.timezone,
        transaction_id=purchase.transaction_id,
        created_at=purchase.created_at,
        purchased_by_name=purchase.purchased_by_name,
        purchased_by_email=purchase.purchased_by_email,
        acknowledgement_text=purchase.acknowledgement_text,
        acknowledged_at=purchase.acknowledged_at,
        seats=purchase.seats,
        monthly_unit_price=purchase.monthly_unit_price,
        prorated_months=purchase.prorated_months,
        working=stored_working(
            contract.proration_unit,
            contract.start_date,
            contract.end_date,
            purchase.period_start,
            purchase.prorated_months,
        ),
        period_start=purchase.period_start,
        period_end=purchase.period_end,
        amount=purchase.amount,
        currency=purchase.currency,
        invoice_number=None if at_purchase else purchase.invoice_number,
        contract_start=contract.start_date,
        contract_end=contract.end_date,
        status=status,
        status_changed_at=None if at_purchase else purchase.provisioned_at,
        rejection_reason=None if at_purchase else _rejection(purchase),
        account_manager_name=contract.account_manager_name,
        account_manager_email=contract.account_manager_email,
        account_manager_phone=contract.account_manager_phone,
        purchase_order=purchase.purchase_order,
        invoice_note=purchase.invoice_note,
        invoice_paid=not at_purchase and purchase.invoice_status == PAID,
        invoice_paid_at=None if at_purchase else purchase.invoice_paid_at,
        invoice_due_date=None if at_purchase else purchase.invoice_due_date,
    )
    return render_receipt(record, locale)


def renewal_pdf(organization: Organization, transaction_id: str, locale: str) -> bytes:
    """The document of a renewal recorded here: a renewal confirmation (the desktop does not
    learn when a renewal's invoice is paid), with the next term as its one line."""
    from desktop.receipt_pdf import ReceiptRecord, render_receipt  # reportlab loads on first use

    renewal = (
        RenewalRecord.select(RenewalRecord, Contract, Organization, Administrator)
        .join_from(RenewalRecord, Contract)
        .join_from(Contract, Organization)
        .join_from(RenewalRecord, Administrator)
        .where(
            (RenewalRecord.organization == organization)
            & (RenewalRecord.transaction_id == transaction_id)
        )
        .first()
    )
    if renewal is None:
        raise _unknown(organization, transaction_id)
    contract, buyer = renewal.contract, renewal.administrator
    today = organization_today(organization)
    status = shown_status(
        OrderKind.RENEWAL, renewal.status, None, utc_now(), renewal.term_start, today
    )
    record = ReceiptRecord(
        **_parties(renewal.parties, contract.organization, renewal.currency),
        timezone=contract.organization.timezone,
        transaction_id=renewal.transaction_id,
        created_at=renewal.created_at,
        purchased_by_name=buyer.name,
        purchased_by_email=buyer.email,
        acknowledgement_text=renewal.acknowledgement_text,
        acknowledged_at=renewal.created_at,
        seats=renewal.seats,
        monthly_unit_price=renewal.monthly_unit_price,
        prorated_months=renewal.months,
        working=Working(PRORATE_BY_MONTH, renewal.months),
        period_start=renewal.term_start,
        period_end=renewal.term_end,
        amount=renewal.amount,
        currency=renewal.currency,
        invoice_number=renewal.invoice_number,
        contract_start=renewal.term_start,
        contract_end=renewal.term_end,
        status=status,
        status_changed_at=None,
        rejection_reason=renewal.last_error if status == Status.REJECTED else None,
        account_manager_name=contract.account_manager_name,
        account_manager_email=contract.account_manager_email,
        account_manager_phone=contract.account_manager_phone,
        purchase_order=renewal.purchase_order,
        invoice_note=renewal.instructions,
        line_description=translate("Receipt", "Contract renewal"),
        kind=OrderKind.RENEWAL,
    )
    return render_receipt(record, locale)


def _parties(kept: str | None, organization: Organization, currency: str) -> dict:
    """The vendor, the bill-to party, the payment terms and the vendor's account for
    `currency` a document prints: as kept with the purchase (JSON), else as they are now."""
    parties = json.loads(kept or current_parties(organization) or "{}")
    vendor = parties.get("vendor")
    return {
        "vendor": _vendor_party(vendor),
        "bill_to": _bill_to_party(parties.get("bill_to"), organization.name),
        "payment_terms_days": vendor["payment_terms_days"] if vendor else None,
        "bank_account": tuple(bank_account(vendor, currency)) if vendor else (),
    }


def _vendor_party(vendor: dict | None) -> "Party":
    from desktop.receipt_pdf import Party

    if vendor is None:  # never heard from the service: the document says so
        return Party(translate("Receipt", "Vendor details not received yet"))
    tax_id = translate("Receipt", "Tax ID: {tax_id}").format(tax_id=vendor["tax_id"])
    contact = f"{vendor['support_email']} · {vendor['support_phone']}"
    return Party(vendor["legal_name"], (*vendor["address"].split("\n"), tax_id, contact))


def _bill_to_party(profile: dict | None, organization: str) -> "Party":
    from desktop.receipt_pdf import Party

    if profile is None:
        return Party(organization)
    lines = profile["address"].split("\n")
    if profile.get("tax_id"):
        lines.append(translate("Receipt", "Tax ID: {tax_id}").format(tax_id=profile["tax_id"]))
    return Party(profile["legal_name"], tuple(lines))


def _rejection(purchase: SeatPurchase) -> str | None:
    rejected = purchase.provisioning_status == Status.REJECTED
    return purchase.last_sync_error if rejected else None
