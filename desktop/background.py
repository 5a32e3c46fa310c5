"""Running a service call on a worker thread with a database connection of its own."""

from collections.abc import Callable
from typing import TypeVar

from db.models import database

T = TypeVar("T")


def with_own_connection[T](call: Callable[[], T]) -> T:
    """Run `call` inside this thread's own connection, closed afterwards."""
    with database.connection_context():
        return call()
