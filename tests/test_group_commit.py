"""Orders that arrive together share one transaction, yet each stands alone: a refused one is
undone by itself, one key sent twice in the batch is one order, and another organization's same
key is its own order; on both databases."""

import threading
import time
from datetime import date

from service import audit, orders
from service.models import SeatOrder
from service.orders import OrderProblem
from tests.test_quote_date import NEW_YORK, at_noon, contoso, northwind, send, service  # noqa: F401

DAY = date(2026, 11, 26)


def test_one_batch_keeps_each_order_apart(service):  # noqa: F811
    buyers = {"Northwind": northwind(), "Contoso": contoso()}
    now = at_noon(DAY, NEW_YORK)
    amounts = {
        name: orders.quote_on(admin.organization, 1, DAY)[1].amount
        for name, admin in buyers.items()
    }
    sent = [
        ("Northwind", "MA-1", amounts["Northwind"]),
        ("Northwind", "MA-1", amounts["Northwind"]),  # the same key again, in the same batch
        ("Northwind", "MA-2", amounts["Northwind"] + 1),  # a total the quote no longer gives
        ("Contoso", "MA-1", amounts["Contoso"]),  # another organization's key is its own
        ("Northwind", "MA-3", amounts["Northwind"]),
    ]
    answers: list[object] = [None] * len(sent)

    def order(n: int) -> None:
        name, key, amount = sent[n]
        try:
            answers[n] = send(buyers[name], key, 1, amount, DAY, now)
        except OrderProblem as problem:
            answers[n] = problem

    writer = orders._ORDER_WRITER
    busy, release = threading.Event(), threading.Event()
    holding = threading.Thread(target=writer.run, args=(lambda: (busy.set(), release.wait(10)),))
    holding.start()
    assert busy.wait(10)  # the writer is in a batch: what comes now waits for the next one
    senders = [threading.Thread(target=order, args=(n,)) for n in range(len(sent))]
    for each in senders:
        each.start()
    deadline = time.monotonic() + 10
    while writer._queue.qsize() < len(sent):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    release.set()
    for each in [holding, *senders]:
        each.join(timeout=30)

    first, again, refused, theirs, third = answers
    assert isinstance(first, tuple) and isinstance(again, tuple)
    assert first[0].id == again[0].id and sorted([first[1], again[1]]) == [False, True]
    assert isinstance(refused, OrderProblem) and refused.code == "quote_changed"
    assert isinstance(theirs, tuple) and not theirs[1] and theirs[0].id != first[0].id
    assert isinstance(third, tuple) and not third[1]
    kept = sorted((o.organization_id, o.transaction_id) for o in SeatOrder.select())
    northwind_id, contoso_id = (buyers[name].organization_id for name in ("Northwind", "Contoso"))
    assert kept == sorted([(northwind_id, "MA-1"), (northwind_id, "MA-3"), (contoso_id, "MA-1")])
    for organization in (northwind_id, contoso_id):  # one audit entry per order taken, chained
        assert audit.verify_chain(organization).intact
