"""Transaction History read straight from SQL: counts, keyset pages in any sort, CSV export."""

import csv
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import TypedDict, Unpack, cast

from peewee import SQL, Case, ColumnBase, Expression, Field, ModelSelect, Tuple, fn

from billing.invoices import shown_status
from billing.money import UNIT_PRICE_PLACES, amount_from_minor, minor_text, minor_units
from billing.proration import Working, stored_working
from billing.statuses import LABELS, LIVE_WITHIN, Status, status_at
from db.database import stream
from desktop import search
from desktop.account import organization_today
from desktop.background import Cancelled
from desktop.i18n import translate
from desktop.models import Contract, Organization, SeatPurchase, database, utc_now

SORT_KEYS = {
    "date": SeatPurchase.created_at,
    "transaction_id": SeatPurchase.transaction_id,
    "seats": SeatPurchase.seats,
    "prorated_months": SeatPurchase.prorated_months,
    "period": SeatPurchase.period_start,
    "amount": SeatPurchase.amount_minor,
    "status": SeatPurchase.provisioning_status,
    # NULL has no place in a keyset comparison; an expression index backs this one.
    "invoice_number": fn.COALESCE(SeatPurchase.invoice_number, SQL("''")),
    "purchased_by": SeatPurchase.purchased_by_name,
    "invoice_status": fn.COALESCE(SeatPurchase.invoice_status, SQL("''")),  # as invoice_number
    "purchase_order": fn.COALESCE(SeatPurchase.purchase_order, SQL("''")),
}

_COLUMNS = (
    SeatPurchase.id,
    SeatPurchase.created_at,
    SeatPurchase.transaction_id,
    SeatPurchase.seats,
    SeatPurchase.monthly_unit_price,
    SeatPurchase.prorated_months,
    SeatPurchase.period_start,
    SeatPurchase.period_end,
    SeatPurchase.amount_minor,
    SeatPurchase.currency,
    SeatPurchase.provisioning_status,
    SeatPurchase.submitted_at,
    SeatPurchase.invoice_number,
    SeatPurchase.purchased_by_name,
    SeatPurchase.purchased_by_email,
    SeatPurchase.last_sync_error,
    SeatPurchase.contract,
    SeatPurchase.purchase_order,
    SeatPurchase.invoice_note,
    SeatPurchase.invoice_status,
    SeatPurchase.invoice_due_date,
)


_CSV_COLUMNS = (
    SeatPurchase.created_at,
    SeatPurchase.transaction_id,
    SeatPurchase.seats,
    SeatPurchase.monthly_unit_price,
    SeatPurchase.prorated_months,
    SeatPurchase.contract,
    SeatPurchase.period_start,
    SeatPurchase.period_end,
    SeatPurchase.amount_minor,
    SeatPurchase.currency,
    SeatPurchase.invoice_number,
    SeatPurchase.purchased_by_name,
    SeatPurchase.purchased_by_email,
    SeatPurchase.purchase_order,
    SeatPurchase.invoice_note,
)


@dataclass(frozen=True)
class HistoryQuery:
    organization_id: int  # whose purchases: one organization's, never several
    text: str = ""  # part of a transaction ID, invoice or PO number, the purchaser's name or e-mail
    status: Status | None = None
    contract_id: int | None = None
    sort: str = "date"  # a key of SORT_KEYS
    descending: bool = True
    invoice: str | None = None  # the invoice shows as open, overdue, paid or void
    since: datetime | None = None  # bought at or after (UTC)
    before: datetime | None = None  # bought before (UTC)


@dataclass(frozen=True)
class HistoryRow:
    id: int
    created_at: datetime
    transaction_id: str
    seats: int
    monthly_unit_price: Decimal
    prorated_months: int
    working: Working  # how the amount follows from seats and price, e.g. 12 months × 247/365
    period_start: date
    period_end: date
    amount: Decimal
    currency: str
    status: Status  # as a person sees it (Delayed included)
    accepted_at: datetime | None  # by the account service
    invoice_number: str | None
    purchased_by: str
    purchased_by_email: str
    sync_error: str | None
    purchase_order: str | None
    invoice_note: str | None
    invoice_status: str | None  # open, overdue, paid or void; None until invoiced
    invoice_due_date: date | None
    key: tuple  # (sort value as stored, id): where the next keyset page starts


@dataclass(frozen=True)
class ContractChoice:
    id: int
    start_date: date
    end_date: date


COUNT_CAP = 10_000  # a text filter is counted this far, then shown as "10,000+"


def count_purchases(
    query: HistoryQuery, now: datetime | None = None, at_most: int | None = None, skip: int = 0
) -> int:
    """How many purchases match; with `at_most`, counting stops there (after `skip` of them),
    so a text found in half a million purchases is counted as fast as a rare one."""
    if _text_only(query) and Organization.select().count() == 1:  # the index knows no owner
        counted = search.count(database.obj, query.text.strip(), at_most, skip)
        if counted is not None:
            return counted
    select = SeatPurchase.select(SeatPurchase.id).where(
        _condition(query, now or utc_now(), ordered=False)
    )
    if at_most is not None:
        select = select.limit(at_most).offset(skip)
    return select.count()


def page_select(
    query: HistoryQuery,
    limit: int,
    offset: int = 0,
    after: tuple | None = None,
    before: tuple | None = None,
    from_end: bool = False,
    now: datetime | None = None,
) -> "ModelSelect[SeatPurchase]":
    """The SQL of one page in the query's order: after a key, before a key, or the last rows
    (in reverse), each `offset` rows on."""
    columns = (*_COLUMNS, SORT_KEYS[query.sort].alias("sort_value"))
    return _ordered(query, columns, now, after, before, from_end).limit(limit).offset(offset)


def _ordered(
    query: HistoryQuery,
    columns: tuple,
    now: datetime | None,
    after: tuple | None = None,
    before: tuple | None = None,
    from_end: bool = False,
) -> "ModelSelect[SeatPurchase]":
    now = now or utc_now()
    sort_key = SORT_KEYS[query.sort]
    row_key = Tuple(sort_key, SeatPurchase.id)
    descending = query.descending != (before is not None or from_end)
    select = (
        SeatPurchase.select(*columns)
        .where(_condition(query, now))
        .order_by(*(e.desc() if descending else e.asc() for e in (sort_key, SeatPurchase.id)))
    )
    if after is not None:
        bound = Tuple(_stored(sort_key, after[0]), after[1])
        return select.where(row_key < bound if query.descending else row_key > bound)
    if before is not None:
        bound = Tuple(_stored(sort_key, before[0]), before[1])
        return select.where(row_key > bound if query.descending else row_key < bound)
    return select


class PagePosition(TypedDict, total=False):
    """Where a page starts: page_select's offset, after, before and from_end."""

    offset: int
    after: tuple | None
    before: tuple | None
    from_end: bool


def fetch_page(
    query: HistoryQuery, limit: int, now: datetime | None = None, **position: Unpack[PagePosition]
) -> list[HistoryRow]:
    """One page in the query's order, where `position` (page_select's offset, after, before or
    from_end) says: keys (keyset paging) make every page as cheap as the first."""
    now = now or utc_now()
    select = page_select(query, limit, now=now, **position)
    # A few rows: cheaper than joining every row that OFFSET skips.
    terms = _contract_terms(query.organization_id)
    # peewee's stubs keep the model as the row type after .tuples(); the rows are tuples.
    found = cast(Iterable[tuple], select.tuples())
    rows = [_row(values, query.organization_id, now, terms) for values in found]
    backwards = position.get("before") is not None or bool(position.get("from_end"))
    return rows[::-1] if backwards else rows


STRIDE = 10_000  # the most rows a read skips by OFFSET: a million costs 50 ms, this 0.5


def fetch_rows(
    query: HistoryQuery,
    first: int,
    limit: int,
    count: int | None,
    landmarks: dict[int, tuple],
    now: datetime | None = None,
) -> list[HistoryRow]:
    """Rows `first` to `first + limit - 1` of the `count` matching (None: not all counted), for
    a jump where no neighbouring page is known: read from the nearer end, else after a
    landmark, the key of every STRIDE-th row (found as needed and kept in `landmarks`, which
    belongs to this query), so no read skips more than STRIDE rows."""
    if first < STRIDE:
        return fetch_page(query, limit, now, offset=first)
    if count is not None and count - first - limit < STRIDE:
        return fetch_page(query, limit, now, offset=count - first - limit, from_end=True)
    after = landmark(query, first // STRIDE, landmarks, now)
    if after is None:  # rows went away since they were counted
        return []
    return fetch_page(query, limit, now, after=after, offset=first % STRIDE)


def landmark(
    query: HistoryQuery, number: int, landmarks: dict[int, tuple], now: datetime | None = None
) -> tuple | None:
    """The key of row `number * STRIDE - 1`, found from the nearest landmark known before it,
    a STRIDE at a time (each a read of keys alone, from an index)."""
    known = max((n for n in landmarks if n <= number), default=0)
    columns = (SORT_KEYS[query.sort].alias("sort_value"), _COLUMNS[0])  # and the id
    while known < number:
        after = landmarks[known] if known else None
        select = _ordered(query, columns, now, after=after).limit(1).offset(STRIDE - 1)
        found = select.tuples().first()
        if found is None:  # fewer rows than that
            return None
        known += 1
        landmarks[known] = tuple(found)
    return landmarks.get(number)


def find_landmarks(query: HistoryQuery, count: int, landmarks: dict[int, tuple]) -> None:
    """Every landmark of a list of `count` rows, found ahead of any jump into it."""
    landmark(query, count // STRIDE, landmarks)


def _contract_terms(organization_id: int) -> dict[int, tuple[str, date, date]]:
    """Each contract's proration unit and term, by id, for the working of its purchases."""
    contracts = Contract.select(
        Contract.id, Contract.proration_unit, Contract.start_date, Contract.end_date
    ).where(Contract.organization == organization_id)
    # peewee's stubs keep the model as the row type after .tuples(); the rows are tuples.
    rows = cast(Iterable[tuple[int, str, date, date]], contracts.tuples())
    return {id_: (unit, start, end) for id_, unit, start, end in rows}


def iter_purchases(
    query: HistoryQuery, batch: int = 1000, now: datetime | None = None
) -> Iterator[HistoryRow]:
    """Every matching purchase in order, read a keyset page at a time."""
    now = now or utc_now()
    page = fetch_page(query, batch, now=now)
    while page:
        yield from page
        page = fetch_page(query, batch, after=page[-1].key, now=now) if len(page) == batch else []


def contract_choices(organization_id: int) -> list[ContractChoice]:
    """The organization's contracts, newest first, for filtering the history by contract."""
    contracts = Contract.select(Contract.id, Contract.start_date, Contract.end_date).where(
        Contract.organization == organization_id
    )
    return [
        ContractChoice(c.id, c.start_date, c.end_date)
        for c in contracts.order_by(Contract.start_date.desc())
    ]


CSV_HEADER = (
    "Date (UTC)",
    "Transaction ID",
    "Seats",
    "Price per seat per month",
    "Prorated months",
    "Proration",
    "Period start",
    "Period end",
    "Amount",
    "Currency",
    "Status",
    "Invoice number",
    "Purchased by",
    "Purchaser e-mail",
    "PO number",
    "Invoice note",
)
FORMULA_FIRST = frozenset("=+-@\t\r")  # a cell starting so is run as a formula


def export_csv(
    query: HistoryQuery,
    path: Path,
    progress: Callable[[int, int], bool] | None = None,
    now: datetime | None = None,
) -> int:
    """Write the matching purchases to `path` as CSV that Excel opens; returns the row count.

    `progress(done, total)` may return False to cancel: then `path` is left untouched.
    The file appears whole or not at all (written aside, then renamed). Rows stream as stored
    through one cursor and are formatted with integers: no row objects, no date parsing.
    """
    now = now or utc_now()
    total = count_purchases(query, now)
    order = (SORT_KEYS[query.sort], SeatPurchase.id)
    select = (
        SeatPurchase.select(*_CSV_COLUMNS, _shown_status(now))
        .where(_condition(query, now))
        .order_by(*(e.desc() if query.descending else e.asc() for e in order))
    )
    terms = _contract_terms(query.organization_id)
    # Few distinct values among a million rows: each is formatted once.
    working_text = cache(
        lambda contract, start, months: str(
            stored_working(*terms[contract], date.fromisoformat(start), months)
        )
    )
    price_text = cache(lambda units: minor_text(units, UNIT_PRICE_PLACES))
    amount_text = cache(lambda units, currency: minor_text(units, minor_units(currency)))

    def rows() -> Iterator[list[object]]:
        done = 0
        for (created_at, transaction_id, seats, price, months, contract, start, end,
             amount_minor, currency, invoice, name, email, purchase_order, note,
             status) in stream(select):  # fmt: skip
            start, end = str(start), str(end)  # ISO dates, as SQLite stores them
            yield [
                str(created_at)[:19],  # naive UTC, to the second
                transaction_id,  # made by this app: never a formula
                seats,
                price_text(price),
                months,
                working_text(contract, start, months),
                start,
                end,
                amount_text(amount_minor, currency),
                currency,  # an ISO 4217 code, or minor_units would have refused it
                LABELS[status],
                csv_safe(invoice) if invoice else "",
                csv_safe(name),
                csv_safe(email),
                csv_safe(purchase_order) if purchase_order else "",
                csv_safe(note) if note else "",
            ]
            done += 1
            if progress and done % 1000 == 0 and progress(done, total) is False:
                raise Cancelled(translate("History", "No file was written."))
        if progress and progress(done, total) is False:
            raise Cancelled(translate("History", "No file was written."))

    return write_csv(path, CSV_HEADER, rows(), defused=True)


def write_csv(
    path: Path, header: Iterable[str], rows: Iterable[Iterable[object]], defused: bool = False
) -> int:
    """Write rows as CSV that Excel opens (UTF-8 with BOM, formulas defused unless the rows
    come `defused`), whole or not at all (written aside, then renamed); returns the row count."""
    partial = path.with_name(path.name + ".part")
    written = 0
    try:
        with open(partial, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            for row in rows:
                writer.writerow(row if defused else [csv_safe(cell) for cell in row])
                written += 1
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written


def csv_safe(cell: object) -> object:
    """Text that a spreadsheet would run as a formula is prefixed so it stays text."""
    if isinstance(cell, str) and cell[:1] in FORMULA_FIRST:
        return "'" + cell
    return cell


def _text_only(query: HistoryQuery) -> bool:
    filters = (query.status, query.contract_id, query.invoice, query.since, query.before)
    return all(value is None for value in filters)


def _condition(query: HistoryQuery, now: datetime, ordered: bool = True) -> Expression:
    """The query's filters in SQL; `ordered` when rows are read in order (not counted)."""
    condition = SeatPurchase.organization == query.organization_id
    text = query.text.strip()
    if text:
        indexed = search.matches(database.obj, text, SeatPurchase.id, ordered)
        condition &= (
            indexed
            if indexed is not None
            else (
                SeatPurchase.transaction_id.contains(text)
                | SeatPurchase.invoice_number.contains(text)
                | SeatPurchase.purchase_order.contains(text)
                | SeatPurchase.purchased_by_name.contains(text)
                | SeatPurchase.purchased_by_email.contains(text)
            )
        )
    if query.contract_id is not None:
        condition &= SeatPurchase.contract == query.contract_id
    if query.status is not None:
        condition &= _status_condition(query.status, now)
    if query.invoice is not None:
        from desktop import invoices  # and the service client it downloads with: on first use

        condition &= invoices.status_condition(query.invoice, _today(query.organization_id, now))
    if query.since is not None:
        condition &= SeatPurchase.created_at >= query.since
    if query.before is not None:
        condition &= SeatPurchase.created_at < query.before
    return condition


def _shown_status(now: datetime) -> ColumnBase:
    """The status `status_at` shows at `now`, computed by the database (Delayed included)."""
    stored = SeatPurchase.provisioning_status
    late = SeatPurchase.submitted_at < now - LIVE_WITHIN
    return Case(None, [((stored == Status.PENDING) & late, Status.DELAYED.value)], stored)


def _status_condition(status: Status, now: datetime) -> Expression:
    """Purchases that `status_at` shows as `status` at `now`."""
    stored = SeatPurchase.provisioning_status
    late = SeatPurchase.submitted_at < now - LIVE_WITHIN
    if status == Status.PENDING:
        return (stored == Status.PENDING) & (SeatPurchase.submitted_at.is_null() | ~late)
    if status == Status.DELAYED:
        return (stored == Status.PENDING) & late
    return stored == status


def _row(
    values: tuple, organization_id: int, now: datetime, terms: dict[int, tuple[str, date, date]]
) -> HistoryRow:
    (id_, created_at, transaction_id, seats, price, months, start, end, amount_minor, currency,
     stored_status, submitted_at, invoice, name, email, error, contract_id, purchase_order,
     note, invoice_status, due, sort_value) = values  # fmt: skip
    return HistoryRow(
        id=id_,
        created_at=created_at,
        transaction_id=transaction_id,
        seats=seats,
        monthly_unit_price=price,
        prorated_months=months,
        working=stored_working(*terms[contract_id], start, months),
        period_start=start,
        period_end=end,
        amount=amount_from_minor(amount_minor, currency),
        currency=currency,
        status=status_at(stored_status, submitted_at, now),
        accepted_at=submitted_at,
        invoice_number=invoice,
        purchased_by=name,
        purchased_by_email=email,
        sync_error=error,
        purchase_order=purchase_order,
        invoice_note=note,
        invoice_status=shown_status(invoice_status, due, _today(organization_id, now)),
        invoice_due_date=due,
        key=(sort_value, id_),
    )


@lru_cache(maxsize=8)
def _today(organization_id: int, now: datetime) -> date:
    """The organization's day at `now`: an invoice is overdue from the day after it was due."""
    return organization_today(Organization.get_by_id(organization_id), now)


def _stored(expression: Field, value: object) -> object:
    return expression.db_value(value) if isinstance(expression, Field) else value
