"""Queries whose SQL is written once per kind of database, then run with new values.

On the service's order path peewee spent as long writing SQL (walking the query, quoting
every column of every joined model) as the database spent running it; a query asked for on
every request is worth writing only once.
"""

from collections.abc import Callable
from typing import Any

import peewee


class Prepared:
    """`build(*markers)` makes the query, with a marker where each value goes; `fields` say how
    each value is stored (their db_value converts it, as peewee would)."""

    def __init__(self, build: Callable[..., peewee.Query], *fields: peewee.Field) -> None:
        self._build, self._fields = build, fields
        self._written: dict[type, tuple[Any, str, list]] = {}
        self._columns: dict[type, dict] = {}

    def rows(self, db: peewee.Database, *values: object) -> list[Any]:
        """The query's rows for `values`, as the models peewee would make of them."""
        written = self._written.get(type(db))
        if written is None:
            written = self._written[type(db)] = self._write()
        query, sql, order = written
        stored = [field.db_value(value) for field, value in zip(self._fields, values, strict=True)]
        params = [stored[n] if isinstance(n, int) else n[0] for n in order]
        wrapper = query._get_cursor_wrapper(db.execute_sql(sql, params))
        columns = self._columns.get(type(db))
        if columns is not None:  # peewee matches columns to fields for every cursor: once here
            wrapper.__dict__.update(columns)
            wrapper.initialize = _resolved
        found = list(wrapper)
        if columns is None and wrapper.initialized:
            self._columns[type(db)] = {
                name: value for name, value in vars(wrapper).items() if name not in _PER_CURSOR
            }
        return found

    def run(self, db: peewee.Database, *values: object) -> int:
        """Run a prepared UPDATE or DELETE for `values`; how many rows it changed."""
        written = self._written.get(type(db))
        if written is None:
            written = self._written[type(db)] = self._write()
        _, sql, order = written
        stored = [field.db_value(value) for field, value in zip(self._fields, values, strict=True)]
        return db.execute_sql(
            sql, [stored[n] if isinstance(n, int) else n[0] for n in order]
        ).rowcount

    def _write(self) -> tuple[Any, str, list]:
        """The query, its SQL, and for each parameter the value's place (or, in a 1-tuple, a
        constant of the query's own, such as a LIMIT)."""
        markers = [object() for _ in self._fields]
        query = self._build(*(peewee.Value(m, converter=False) for m in markers))
        sql, params = query.sql()
        places = {id(marker): n for n, marker in enumerate(markers)}
        return query, sql, [places.get(id(p), (p,)) for p in params]


# What a cursor wrapper keeps of its own cursor; the rest is how columns become fields.
_PER_CURSOR = frozenset({"cursor", "count", "index", "initialized", "populated", "row_cache"})


def _resolved() -> None:
    """A wrapper's initialize() when its column state is given already."""


class PreparedInsert:
    """`Model.create` with its INSERT written once per kind of database. Every column but the
    key is a value (the defaults are the instance's, worked out per row as peewee does), so
    nothing of one row is written into the SQL of the next."""

    def __init__(self, model: type[peewee.Model]) -> None:
        self._model = model
        key = model._meta.primary_key
        assert key is not False  # a model without a key of its own is never written this way
        self._key_name: str = key.name
        self._fields = [field for field in model._meta.sorted_fields if field is not key]
        self._written: dict[type, tuple[str, list]] = {}

    def create(self, db: peewee.Database, **values: object) -> Any:
        row = self._model(**values)
        written = self._written.get(type(db))
        if written is None:
            written = self._written[type(db)] = self._write(db)
        sql, order = written
        stored = [field.db_value(row.__data__.get(field.name)) for field in self._fields]
        cursor = db.execute_sql(sql, [stored[n] if isinstance(n, int) else n[0] for n in order])
        key = cursor.fetchone()[0] if db.returning_clause else cursor.lastrowid
        setattr(row, self._key_name, key)
        # Saved, as after Model.save(); peewee's stubs leave out Model._dirty.
        row._dirty.clear()  # pyright: ignore[reportAttributeAccessIssue]
        return row

    def _write(self, db: peewee.Database) -> tuple[str, list]:
        markers = [object() for _ in self._fields]
        insert = self._model.insert(
            {
                field: peewee.Value(m, converter=False)
                for field, m in zip(self._fields, markers, strict=True)
            }
        )
        if db.returning_clause:  # PostgreSQL: the new key comes back with the insert
            insert = insert.returning(self._model._meta.primary_key)
        sql, params = insert.sql()
        places = {id(marker): n for n, marker in enumerate(markers)}
        return sql, [places.get(id(p), (p,)) for p in params]
