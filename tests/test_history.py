"""Transaction History queries: keyset pages in every sort, filters, statuses and CSV export."""

import csv
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from billing.kinds import OrderKind
from billing.proration import quote
from billing.statuses import KIND_STATUSES, LABELS, Status
from desktop import history as history_module
from desktop import search
from desktop.background import Cancelled
from desktop.demo import seed_demo
from desktop.history import (
    CSV_HEADER,
    SORT_KEYS,
    HistoryQuery,
    HistoryRow,
    contract_choices,
    count_purchases,
    export_csv,
    fetch_page,
    fetch_rows,
    find_landmarks,
    iter_purchases,
    write_csv,
)
from desktop.ledger import close_ledger, open_ledger
from desktop.models import Administrator, Contract, SeatPurchase
from desktop.purchasing import record_purchase
from service import demo_data
from tests.conftest import NORTHWIND

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
ALL = demo_data.PAST_PURCHASES + 5  # the demo's and one in each state below


@pytest.fixture
def history(any_db):
    """The demo history plus purchases in every provisioning state."""
    seed_demo(date(2026, 11, 26))
    contract = Contract.select().order_by(Contract.start_date.desc()).first()
    admin = Administrator.get(Administrator.email == "billing@example.com")
    states = [
        (Status.QUEUED, None),
        (Status.PENDING, NOW - timedelta(minutes=2)),
        (Status.PENDING, NOW - timedelta(minutes=9)),
        (Status.REJECTED, NOW - timedelta(minutes=30)),
        (Status.AWAITING_APPROVAL, NOW - timedelta(minutes=40)),
    ]
    for status, submitted in states:
        made = record_purchase(admin, contract, quote(contract, 4, date(2026, 11, 26)), NOW, NOW)
        SeatPurchase.update(provisioning_status=status, submitted_at=submitted).where(
            SeatPurchase.id == made.id
        ).execute()
    return any_db


def ids(rows) -> list[int]:
    return [row.id for row in rows]


@pytest.mark.parametrize("sort", sorted(SORT_KEYS))
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_match_one_big_page_in_every_sort(history, sort, descending):
    query = HistoryQuery(NORTHWIND, sort=sort, descending=descending)
    everything = fetch_page(query, 1000, now=NOW)
    assert len(everything) == ALL == count_purchases(query, NOW)

    forward, page = [], fetch_page(query, 7, now=NOW)
    while page:
        forward += page
        page = fetch_page(query, 7, after=page[-1].key, now=NOW)
    backward, page = [], fetch_page(query, 7, from_end=True, now=NOW)
    while page:
        backward = page + backward
        page = fetch_page(query, 7, before=page[0].key, now=NOW)

    assert ids(forward) == ids(everything) == ids(backward)
    assert ids(fetch_page(query, 10, offset=30, now=NOW)) == ids(everything[30:40])
    assert ids(iter_purchases(query, batch=9, now=NOW)) == ids(everything)


@pytest.mark.parametrize("sort", ["date", "amount", "invoice_number", "purchased_by"])
@pytest.mark.parametrize("descending", [False, True])
def test_a_jump_reads_the_rows_there_from_the_nearer_end_or_a_landmark(
    history, monkeypatch, sort, descending
):
    """No read skips more than STRIDE rows by OFFSET (here 5): a jump into the middle reads
    after the key of every fifth row, found once and kept."""
    monkeypatch.setattr(history_module, "STRIDE", 5)
    query = HistoryQuery(NORTHWIND, sort=sort, descending=descending)
    everything = fetch_page(query, 1000, now=NOW)
    offsets = []
    real = history_module.page_select
    monkeypatch.setattr(
        history_module,
        "page_select",
        lambda *args, **kwargs: offsets.append(kwargs.get("offset", 0)) or real(*args, **kwargs),
    )
    landmarks: dict[int, tuple] = {}
    for first in range(0, ALL - 2):
        rows = fetch_rows(query, first, 3, ALL, landmarks, now=NOW)
        assert ids(rows) == ids(everything[first : first + 3]), first
    assert max(offsets) < 5
    fresh: dict[int, tuple] = {}
    find_landmarks(query, ALL, fresh)
    assert len(fresh) == ALL // 5 and landmarks.items() <= fresh.items()
    assert all(key == everything[n * 5 - 1].key for n, key in fresh.items())
    middle = ALL // 2  # not counted to the end (a capped text filter): from the start
    assert ids(fetch_rows(query, middle, 3, None, fresh, now=NOW)) == ids(
        everything[middle : middle + 3]
    )


def test_sorts_order_by_the_column(history):
    seats = [
        r.seats for r in fetch_page(HistoryQuery(NORTHWIND, sort="seats", descending=False), 100)
    ]
    assert seats == sorted(seats)
    names = [r.purchased_by for r in fetch_page(HistoryQuery(NORTHWIND, sort="purchased_by"), 100)]
    assert names == sorted(names, reverse=True)
    dates = [r.created_at for r in fetch_page(HistoryQuery(NORTHWIND), 100)]
    assert dates == sorted(dates, reverse=True)
    invoices = [
        r.invoice_number or ""
        for r in fetch_page(HistoryQuery(NORTHWIND, sort="invoice_number"), 100)
    ]
    assert invoices == sorted(invoices, reverse=True)
    assert invoices[-4:] == ["", "", "", ""]  # not issued yet


def test_statuses_shown_and_filtered(history):
    waiting = (Status.QUEUED, Status.PENDING, Status.DELAYED)
    counts = {s: count_purchases(HistoryQuery(NORTHWIND, status=s), NOW) for s in waiting}
    assert counts == {Status.QUEUED: 1, Status.PENDING: 1, Status.DELAYED: 1}
    assert count_purchases(HistoryQuery(NORTHWIND, status=Status.REJECTED), NOW) == 1
    assert count_purchases(HistoryQuery(NORTHWIND, status=Status.AWAITING_APPROVAL), NOW) == 1
    assert (
        count_purchases(HistoryQuery(NORTHWIND, status=Status.PROVISIONED), NOW)
        == demo_data.PAST_PURCHASES
    )
    for status in KIND_STATUSES[OrderKind.PURCHASE]:  # a purchase is never Active
        rows = fetch_page(HistoryQuery(NORTHWIND, status=status), 100, now=NOW)
        assert {row.status for row in rows} == {status}


def test_text_filter_matches_id_invoice_and_purchaser(history):
    some = fetch_page(HistoryQuery(NORTHWIND), 100)[10]
    by_id = fetch_page(HistoryQuery(NORTHWIND, text=some.transaction_id.lower()), 100)
    assert ids(by_id) == [some.id]
    invoiced = next(r for r in fetch_page(HistoryQuery(NORTHWIND), 100) if r.invoice_number)
    assert ids(fetch_page(HistoryQuery(NORTHWIND, text=invoiced.invoice_number), 100)) == [
        invoiced.id
    ]
    priya = fetch_page(HistoryQuery(NORTHWIND, text="priya"), 100)
    assert priya and {r.purchased_by for r in priya} == {"Priya Raman"}
    assert count_purchases(HistoryQuery(NORTHWIND, text="billing@example")) == len(priya)
    assert count_purchases(HistoryQuery(NORTHWIND, text="%")) == 0  # wildcards are literal
    assert count_purchases(HistoryQuery(NORTHWIND, text="no such thing")) == 0


def test_contract_filter_includes_earlier_contracts(history):
    choices = contract_choices(NORTHWIND)
    assert len(choices) == 2 and choices[0].start_date > choices[1].start_date
    per_contract = [count_purchases(HistoryQuery(NORTHWIND, contract_id=c.id)) for c in choices]
    assert sum(per_contract) == count_purchases(HistoryQuery(NORTHWIND)) == ALL
    assert all(per_contract)
    earlier = fetch_page(HistoryQuery(NORTHWIND, contract_id=choices[1].id), 100)
    assert all(r.period_end == choices[1].end_date for r in earlier)


def test_csv_export_opens_in_excel_and_defuses_formulas(history, tmp_path):
    admin = Administrator.get(Administrator.email == "admin@example.com")
    admin.name = '=HYPERLINK("http://evil.example","click")'
    admin.save()
    contract = Contract.select().order_by(Contract.start_date.desc()).first()
    record_purchase(admin, contract, quote(contract, 1, date(2026, 11, 26)), NOW, NOW)
    target = tmp_path / "purchases.csv"
    seen = []
    written = export_csv(
        HistoryQuery(NORTHWIND), target, lambda done, total: seen.append((done, total))
    )
    assert written == ALL + 1
    assert seen[-1] == (ALL + 1, ALL + 1)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Date (UTC)", "Transaction ID", "Seats"]
    assert len(rows) == ALL + 2
    newest = fetch_page(HistoryQuery(NORTHWIND), 1)[0]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Purchased by"] == "'" + admin.name  # newest first, formula escaped
    assert first["Transaction ID"] == newest.transaction_id
    assert first["Amount"] == str(newest.amount)
    months = int(first["Prorated months"])
    assert first["Proration"] == f"{months} month{'s' if months > 1 else ''}"
    # The amount can be worked out again from the printed figures.
    price = Decimal(first["Price per seat per month"])
    assert Decimal(first["Amount"]) == int(first["Seats"]) * price * months
    assert first["Status"] == "Queued"


def cells_as_the_history_reads_them(row: HistoryRow) -> list[object]:
    """A CSV row made from what the history's table shows: the export's former way."""
    return [
        row.created_at.strftime("%Y-%m-%d %H:%M:%S"),
        row.transaction_id,
        row.seats,
        row.monthly_unit_price,
        row.prorated_months,
        str(row.working),
        row.period_start.isoformat(),
        row.period_end.isoformat(),
        row.amount,
        row.currency,
        LABELS[row.status],
        row.invoice_number or "",
        row.purchased_by,
        row.purchased_by_email,
        row.purchase_order or "",
        row.invoice_note or "",
    ]


@pytest.mark.parametrize(
    "query",
    [
        HistoryQuery(NORTHWIND),
        HistoryQuery(NORTHWIND, sort="amount", descending=False),
        HistoryQuery(NORTHWIND, text="example", sort="invoice_number"),
        HistoryQuery(NORTHWIND, status=Status.DELAYED),
    ],
    ids=["newest first", "by amount", "text by invoice", "delayed"],
)
def test_the_streamed_export_is_byte_identical_to_the_rows_the_history_reads(
    history, tmp_path, query
):
    admin = Administrator.get(Administrator.email == "admin@example.com")
    admin.name, admin.email = "=SUM(A1:A9)", "+tricky@example.com"
    admin.save()
    contract = Contract.select().order_by(Contract.start_date.desc()).first()
    made = record_purchase(admin, contract, quote(contract, 3, date(2026, 11, 26)), NOW, NOW)
    SeatPurchase.update(
        invoice_number="-INV-1", purchase_order="@PO 7", invoice_note="Cost centre 4\nFloor 2"
    ).where(SeatPurchase.id == made.id).execute()
    streamed, expected = tmp_path / "streamed.csv", tmp_path / "expected.csv"
    written = export_csv(query, streamed, now=NOW)
    rows = [cells_as_the_history_reads_them(row) for row in iter_purchases(query, now=NOW)]
    write_csv(expected, CSV_HEADER, rows)
    assert written == len(rows) > 0
    assert streamed.read_bytes() == expected.read_bytes()
    assert b"'=SUM" in streamed.read_bytes() or query.status == Status.DELAYED


def test_cancelled_export_leaves_no_file(history, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(Cancelled):
        export_csv(HistoryQuery(NORTHWIND), folder / "purchases.csv", lambda done, total: False)
    assert list(folder.iterdir()) == []


def expected_ids(text: str) -> set[int]:
    """The purchases whose text contains `text`, found the slow way, in Python."""
    needle = text.lower()
    return {
        p.id
        for p in SeatPurchase.select()
        if any(
            needle in (value or "").lower()
            for value in (
                p.transaction_id,
                p.invoice_number,
                p.purchased_by_name,
                p.purchased_by_email,
            )
        )
    }


def test_the_text_filter_finds_what_a_full_scan_finds(history):
    newest = fetch_page(HistoryQuery(NORTHWIND), 1, now=NOW)[0]
    for text in ("priya", "PRIYA", "billing@", "inv-2026-0000", newest.transaction_id[3:9],
                 "morgan", "zz", "x", '"q', "100%", "a_b"):  # fmt: skip
        found = {row.id for row in iter_purchases(HistoryQuery(NORTHWIND, text=text), now=NOW)}
        assert found == expected_ids(text), text
        assert count_purchases(HistoryQuery(NORTHWIND, text=text), NOW) == len(found)


@pytest.mark.parametrize(
    "query",
    [
        HistoryQuery(NORTHWIND, text="example"),
        HistoryQuery(NORTHWIND, text="ex"),
        HistoryQuery(NORTHWIND, text="example", status=Status.PROVISIONED),
    ],
    ids=["indexed text", "short text", "text and status"],
)
def test_a_capped_count_stops_at_the_cap_and_goes_on_from_where_it_stopped(history, query):
    total = count_purchases(query, NOW)
    assert total == len(list(iter_purchases(query, now=NOW))) > 10
    assert count_purchases(query, NOW, at_most=10) == 10
    assert count_purchases(query, NOW, at_most=10, skip=total - 4) == 4
    assert count_purchases(query, NOW, at_most=total + 1) == total


def test_the_text_filter_keeps_up_with_changes(history):
    purchase = SeatPurchase.select().order_by(SeatPurchase.id).first()
    SeatPurchase.update(purchased_by_name="Wilhelmina Quartz").where(
        SeatPurchase.id == purchase.id
    ).execute()
    assert [r.id for r in iter_purchases(HistoryQuery(NORTHWIND, text="quartz"), now=NOW)] == [
        purchase.id
    ]
    SeatPurchase.delete().where(SeatPurchase.id == purchase.id).execute()
    assert list(iter_purchases(HistoryQuery(NORTHWIND, text="quartz"), now=NOW)) == []


def test_the_text_filter_reads_an_index_not_every_row(sqlite_db):
    seed_demo(date(2026, 11, 26))
    query = SeatPurchase.select(SeatPurchase.id).where(
        search.matches(sqlite_db, "priya", SeatPurchase.id)
    )
    sql, params = query.sql()
    plan = " ".join(row[-1] for row in sqlite_db.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
    assert "purchase_search VIRTUAL TABLE" in plan and "SCAN t1" not in plan


def test_a_missing_search_index_is_made_again(sqlite_db, tmp_path):
    seed_demo(date(2026, 11, 26))
    url = f"sqlite:///{sqlite_db.database}"
    sqlite_db.execute_sql("DROP TABLE purchase_search")
    close_ledger()
    open_ledger(url)
    assert (
        count_purchases(HistoryQuery(NORTHWIND, text="priya"), NOW)
        == len(expected_ids("priya"))
        > 0
    )
