"""Running long work on a worker thread: a database connection of its own, and cancelling."""

from collections.abc import Callable
from typing import TypeVar

from desktop.models import database

T = TypeVar("T")


def with_own_connection[T](call: Callable[[], T]) -> T:
    """Run `call` inside this thread's own connection, closed afterwards."""
    with database.connection_context():
        return call()


class Cancelled(Exception):
    """The user stopped a long job (an export, printing); the message says what was left."""
