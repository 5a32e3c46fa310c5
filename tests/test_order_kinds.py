"""One order of two kinds in the billing core: the status table (every pair allowed or
refused), one body codec for purchases and renewals (old bodies still read), one refusal table,
and each kind's words."""

import itertools
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from billing.documents import document_title
from billing.kinds import OrderKind
from billing.orders import (
    REFUSALS,
    OrderRefusal,
    OrderRequest,
    RenewalRefusal,
    already_renewed,
    decode_order,
    encode_order,
    is_order_refusal,
    order_body,
    quote_changed,
    read_order_body,
)
from billing.renewal import check_seats, check_window
from billing.statuses import (
    KIND_STATUSES,
    LABELS,
    LIVE_WITHIN,
    IllegalTransition,
    Status,
    label,
    shown_status,
    status_at,
    transition,
)

NOW = datetime(2028, 2, 29, 12, 0, tzinfo=UTC)
S = Status
ALLOWED = {  # (current, new): every change the table allows, staying the same included
    *((status, status) for status in Status),
    (S.QUEUED, S.PENDING), (S.QUEUED, S.REJECTED), (S.QUEUED, S.DELAYED),
    (S.QUEUED, S.PROVISIONED), (S.PENDING, S.DELAYED), (S.PENDING, S.PROVISIONED),
    (S.PENDING, S.REJECTED), (S.DELAYED, S.PROVISIONED),
    (S.QUEUED, S.AWAITING_APPROVAL), (S.AWAITING_APPROVAL, S.PENDING),
    (S.AWAITING_APPROVAL, S.REJECTED), (S.AWAITING_APPROVAL, S.DELAYED),
    (S.AWAITING_APPROVAL, S.PROVISIONED),
}  # fmt: skip


@pytest.mark.parametrize("current, new", list(itertools.product(Status, Status)))
def test_every_transition_is_allowed_or_raises(current, new):
    if (current, new) in ALLOWED:
        assert transition(current, new) is new
    else:
        with pytest.raises(IllegalTransition) as refused:
            transition(current, new)
        assert repr(str(current)) in str(refused.value) and repr(str(new)) in str(refused.value)


@pytest.mark.parametrize("current, new", [("queued", "cancelled"), ("bogus", "pending"), ("", "")])
def test_a_status_not_ours_never_transitions(current, new):
    with pytest.raises(IllegalTransition):
        transition(current, new)


def test_active_is_never_stored_nor_reached():
    assert not any((current, S.ACTIVE) in ALLOWED for current in Status if current != S.ACTIVE)
    with pytest.raises(IllegalTransition):
        transition(S.PROVISIONED, S.ACTIVE)


PURCHASE = OrderRequest(
    OrderKind.PURCHASE,
    5,
    Decimal("562.50"),
    date(2028, 2, 29),
    "I acknowledge",
    "PO-4711",
    "Attn: AP\nCost centre 12",
)
RENEWAL = OrderRequest(
    OrderKind.RENEWAL,
    60,
    Decimal("23175.00"),
    acknowledgement_text="I acknowledge",
    purchase_order="PO-RENEW",
    instructions="Invoice in January\nAttn: AP",
)


@pytest.mark.parametrize("request_", [PURCHASE, RENEWAL], ids=["purchase", "renewal"])
def test_each_kind_round_trips(request_):
    assert decode_order(request_.kind, encode_order(request_)) == request_


def test_a_purchase_body_is_the_one_order_body_always_made():
    assert encode_order(PURCHASE) == order_body(
        5,
        Decimal("562.50"),
        date(2028, 2, 29),
        "I acknowledge",
        "PO-4711",
        "Attn: AP\nCost centre 12",
    )
    plain = OrderRequest(OrderKind.PURCHASE, 5, Decimal("562.50"), date(2026, 11, 26), "I ack")
    assert list(encode_order(plain).items()) == [
        ("seats", 5),
        ("quoted_amount", "562.50"),
        ("quote_date", "2026-11-26"),
        ("acknowledged", True),
        ("acknowledgement_text", "I ack"),
    ]  # no PO number or note: the keys it always had, in the order it always had them
    assert read_order_body(encode_order(plain)) == plain


def test_a_renewal_body_as_desktops_built_it_before_still_reads():
    before = {  # desktop/renewing.py's send_renewals, by hand, before the codec
        "seats": 60,
        "quoted_amount": "23175.00",
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
        "purchase_order": None,
        "instructions": None,
    }
    request = decode_order(OrderKind.RENEWAL, before)
    assert request == OrderRequest(
        OrderKind.RENEWAL, 60, Decimal("23175.00"), acknowledgement_text="I acknowledge"
    )
    assert encode_order(request) == before  # the same body: the same idempotency fingerprint
    with_text = before | {"purchase_order": " PO-1 ", "instructions": "a\r\nb"}
    read = decode_order(OrderKind.RENEWAL, with_text)
    assert (read.purchase_order, read.instructions) == ("PO-1", "a\nb")
    assert decode_order(OrderKind.RENEWAL, before | {"instructions": ""}).instructions is None


@pytest.mark.parametrize(
    "change, code, status",
    [
        ({"acknowledged": False}, "not_acknowledged", 422),
        ({"acknowledgement_text": "I\u202e"}, "not_acknowledged", 422),
        ({"quoted_amount": "1,00"}, "invalid_quoted_amount", 422),
        ({"purchase_order": "PO\t1"}, "invalid_purchase_order", 422),
        ({"instructions": "x" * 1001}, "invalid_renewal", 422),
        ({"instructions": "a\u200bb"}, "invalid_renewal", 422),
        ({"instructions": 5}, "invalid_renewal", 422),
    ],
)
def test_a_malformed_renewal_is_refused_with_its_own_code(change, code, status):
    body = encode_order(RENEWAL) | change
    with pytest.raises(OrderRefusal) as refused:
        decode_order(OrderKind.RENEWAL, body)
    assert (refused.value.code, refused.value.status) == (code, status)
    assert refused.value.localizable()["text"]


def test_a_renewal_reads_only_its_own_fields():
    body = encode_order(RENEWAL) | {"quote_date": "bogus", "invoice_note": "\t"}
    request = decode_order(OrderKind.RENEWAL, body)
    assert (request.quote_date, request.invoice_note) == (None, None)
    assert decode_order(OrderKind.RENEWAL, encode_order(RENEWAL) | {"seats": "6"}).seats is None


def test_one_refusal_table_for_both_kinds():
    renewal_codes = {
        "already_renewed": 409,
        "renewal_fewer_seats": 422,
        "invalid_renewal": 422,
        "renewal_not_open": 404,
        "no_contract": 404,  # the contract ended before the renewal arrived: never renewed
    }
    assert renewal_codes.items() <= REFUSALS.items()
    for code, status in REFUSALS.items():
        assert is_order_refusal(status, code)
        assert not is_order_refusal(400, code)
    assert not is_order_refusal(404, "not_found")  # not a verdict: tried again later
    refusals = [
        already_renewed("MA-1"),
        quote_changed(OrderKind.RENEWAL),
        quote_changed(),
        _refusal(lambda: check_window(date(2028, 1, 1), date(2028, 12, 31))),
        _refusal(lambda: check_window(date(2029, 1, 1), date(2028, 12, 31))),
        _refusal(lambda: check_seats(4, 5)),
        _refusal(lambda: check_seats(True, 5)),
    ]
    assert [(each.code, each.status) for each in refusals] == [
        ("already_renewed", 409),
        ("quote_changed", 409),
        ("quote_changed", 409),
        ("renewal_not_open", 404),
        ("renewal_not_open", 404),
        ("renewal_fewer_seats", 422),
        ("invalid_renewal", 422),
    ]
    assert all(isinstance(each, RenewalRefusal) for each in refusals if each.context == "Renewal")
    assert str(refusals[0]) == "This contract is renewed already (transaction MA-1)."


def _refusal(call) -> OrderRefusal:
    with pytest.raises(OrderRefusal) as refused:
        call()
    return refused.value


def test_each_kind_has_its_own_words():
    assert [label(OrderKind.PURCHASE, s) for s in KIND_STATUSES[OrderKind.PURCHASE]] == [
        "Queued",
        "Awaiting approval",
        "Pending",
        "Delayed",
        "Provisioned",
        "Rejected",
    ]
    assert [label(OrderKind.RENEWAL, s) for s in KIND_STATUSES[OrderKind.RENEWAL]] == [
        "Recorded",
        "Awaiting approval",
        "Sent",
        "Accepted",
        "Active",
        "Refused",
    ]
    assert label("renewal", "provisioned") == "Accepted"
    with pytest.raises(KeyError):
        label(OrderKind.RENEWAL, Status.DELAYED)
    assert set(LABELS) == set(Status)  # the old table still names every status
    assert document_title(OrderKind.PURCHASE) == "Order confirmation"
    assert document_title(OrderKind.RENEWAL) == "Renewal confirmation"
    assert document_title(OrderKind.RENEWAL, paid=True) == "Receipt"


def test_a_pending_purchase_turns_delayed_and_an_accepted_renewal_active():
    accepted = NOW - LIVE_WITHIN - timedelta(seconds=1)
    for stored in ("queued", "pending", "provisioned", "rejected"):
        assert shown_status(OrderKind.PURCHASE, stored, accepted, NOW) == status_at(
            stored, accepted, NOW
        )
    assert shown_status(OrderKind.PURCHASE, "pending", accepted, NOW) == Status.DELAYED
    start = date(2028, 3, 1)
    renewal = (OrderKind.RENEWAL, "provisioned", accepted, NOW, start)
    assert shown_status(*renewal, today=date(2028, 2, 29)) == Status.PROVISIONED
    assert shown_status(*renewal, today=start) == Status.ACTIVE
    assert shown_status(*renewal) == Status.PROVISIONED  # no day given: not known to have begun
    assert shown_status(OrderKind.RENEWAL, "pending", accepted, NOW, start, start) == S.PENDING
    assert shown_status(OrderKind.RENEWAL, "rejected", None, NOW, start, start) == S.REJECTED
