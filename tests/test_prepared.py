"""Prepared queries and inserts: SQL written once per kind of database, peewee's own rows."""

from datetime import date

import peewee
import pytest

from db.prepared import Prepared, PreparedInsert
from desktop.demo import seed_demo
from desktop.ledger import open_ledger
from desktop.models import Administrator, Contract, Organization, PermissionSet, database

pytestmark = pytest.mark.dates  # about today: CI runs it on other days too

CONTRACT_ON = Prepared(
    lambda organization, first, last: (
        Contract.select(Contract, Organization)
        .join(Organization)
        .where(
            (Contract.organization == organization)
            & (Contract.start_date <= first)
            & (Contract.end_date >= last)
        )
        .order_by(Contract.start_date.desc())
        .limit(1)
    ),  # a constant of the query's own, kept among the values
    Contract.organization,
    Contract.start_date,
    Contract.end_date,
)


def peewees_own(organization: int, day: date) -> list[Contract]:
    return list(
        Contract.select(Contract, Organization)
        .join(Organization)
        .where(
            (Contract.organization == organization)
            & (Contract.start_date <= day)
            & (Contract.end_date >= day)
        )
        .order_by(Contract.start_date.desc())
        .limit(1)
    )


def test_prepared_rows_are_peewees_own_on_each_engine_and_day(any_db_url, tmp_path):
    open_ledger(any_db_url)
    seed_demo(date(2026, 11, 26))
    organization = Organization.get().id
    contracts = list(Contract.select().order_by(Contract.start_date))
    days = [c.start_date for c in contracts] + [contracts[-1].end_date, date(2000, 1, 1)]
    written = None
    for day in days:
        prepared = CONTRACT_ON.rows(database.obj, organization, day, day)
        expected = peewees_own(organization, day)
        assert [(c.id, c.start_date, c.organization.name) for c in prepared] == [
            (c.id, c.start_date, c.organization.name) for c in expected
        ], day
        written = written or CONTRACT_ON._written[type(database.obj)]
        assert CONTRACT_ON._written[type(database.obj)] is written  # written once
    assert prepared == []  # before any contract


INSERT_ADMINISTRATOR = PreparedInsert(Administrator)


def test_a_prepared_insert_makes_the_row_create_would_and_keeps_unique_keys(any_db_url):
    open_ledger(any_db_url)
    seed_demo(date(2026, 11, 26))
    billing = PermissionSet.get(PermissionSet.name == "Billing")
    org = billing.organization_id
    made = INSERT_ADMINISTRATOR.create(
        database.obj,
        organization=org,
        name="Ada Quartz",
        email="ada@example.com",
        permission_set=billing,
    )
    second = INSERT_ADMINISTRATOR.create(
        database.obj,
        organization=org,
        name="Bo Quartz",
        email="bo@example.com",
        permission_set=billing.id,
    )
    stored = Administrator.get_by_id(made.id)
    assert (stored.name, stored.email, stored.permission_set_id, stored.active) == (
        "Ada Quartz", "ada@example.com", billing.id, True  # the default, per row
    )  # fmt: skip
    assert second.id == made.id + 1 and Administrator.get_by_id(second.id).name == "Bo Quartz"
    with pytest.raises(peewee.IntegrityError):
        INSERT_ADMINISTRATOR.create(
            database.obj,
            organization=org,
            name="Again",
            email="ada@example.com",
            permission_set=billing,
        )
