"""Background reads: one at a time, however often they are asked for."""

import threading

from ui.tasks import OneAtATime


def test_a_read_asked_for_while_it_runs_runs_once_more_not_once_per_ask(qtbot, sqlite_db):
    release, calls, results = threading.Event(), [], []

    def read() -> int:
        calls.append(1)
        release.wait(5)
        return len(calls)

    reads = OneAtATime(read, results.append, lambda error: results.append(error))
    reads.run()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    for _ in range(5):  # a burst of syncs while the first read runs
        reads.run()
    release.set()
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    qtbot.wait(100)
    assert results == [1, 2] and len(calls) == 2


def test_a_failed_read_is_reported_and_the_next_ask_runs(qtbot, sqlite_db):
    outcomes = []
    reads = OneAtATime(lambda: 1 / 0, outcomes.append, outcomes.append)
    reads.run()
    qtbot.waitUntil(lambda: len(outcomes) == 1, timeout=5000)
    reads.run()
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=5000)
    assert all(isinstance(outcome, ZeroDivisionError) for outcome in outcomes)
