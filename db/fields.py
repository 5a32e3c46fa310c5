"""Field types that keep money exact and timestamps in UTC."""

from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, overload

from peewee import BigIntegerField, DateTimeField

from billing.money import from_minor, to_minor


def utc_now() -> datetime:
    """The current time as an aware UTC datetime: the default of a row's timestamps."""
    return datetime.now(UTC)


class FixedPointField(BigIntegerField):
    """A Decimal stored as an integer count of 10**-places (never a float)."""

    if TYPE_CHECKING:  # peewee's stubs make every BigIntegerField, subclasses too, read an int

        @overload
        def __new__(
            cls, places: int, *, null: Literal[True], **kwargs: Any
        ) -> "BigIntegerField[Decimal | None]": ...
        @overload
        def __new__(
            cls, places: int, *, null: Literal[False] = ..., **kwargs: Any
        ) -> "BigIntegerField[Decimal]": ...
        def __new__(cls, places: int, **kwargs: Any) -> Any: ...

    def __init__(self, places: int, **kwargs: object) -> None:
        self.places = places
        super().__init__(**kwargs)

    def db_value(self, value: Decimal | None) -> int | None:
        return None if value is None else to_minor(Decimal(value), self.places)

    def python_value(self, value: int | None) -> Decimal | None:
        return None if value is None else from_minor(value, self.places)


class UTCDateTimeField(DateTimeField):
    """Timezone-aware datetimes, stored as naive UTC and read back as aware UTC."""

    def db_value(self, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: timestamps must carry a time zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def python_value(self, value: object) -> datetime | None:
        read = super().python_value(value)
        if isinstance(read, datetime):
            return read.replace(tzinfo=UTC) if read.tzinfo is None else read.astimezone(UTC)
        return read
