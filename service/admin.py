"""The vendor's administrative commands (mark-paid, answer-request, apply-reclaim-policy): each
names the organization it changes, changes nothing when a number is ambiguous, and leaves an
entry in that organization's audit trail with the operator's name.

Exit codes: 0 done; 1 nothing to do (no such open invoice or request, a reclaim policy off or
freeing no seat); 2 the command cannot say
what to change (the database cannot be opened, the organization is unknown, or the number
exists in several organizations and none was named: the candidates are listed).
"""

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from billing.money import amount_from_minor
from db.database import DatabaseOpenError, close_database, open_database, write_transaction
from db.fields import utc_now
from service import audit, invoices, reclaim, renewals
from service.models import Organization, service_db

MIGRATIONS = Path(__file__).with_name("migrations")
DEFAULT_DATABASE = "sqlite:///manage-account-service.db"
INVOICE_PAID = "invoice marked paid"  # audit actions, by the vendor's operator
REQUEST_ANSWERED = "reduction request answered"
PROGRAM = "manage-account-service"


class Stop(Exception):
    """The command ends here with this exit code, having said why."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _parser(command: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"{PROGRAM} {command}", description=description)
    parser.add_argument(
        "--organization",
        metavar="NAME-OR-ID",
        help="the organization to change: its id or its exact name (case does not matter); "
        "required when the number exists in more than one",
    )
    parser.add_argument(
        "--operator",
        default=_system_user(),
        metavar="NAME",
        help="who runs the command, for the organization's audit trail "
        "(default: the system user, %(default)s)",
    )
    parser.add_argument("--database", default=DEFAULT_DATABASE, metavar="URL")
    return parser


def _system_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return "unknown operator"


def mark_paid(argv: list[str]) -> int:
    """manage-account-service mark-paid INVOICE [--organization NAME-OR-ID]: record that an
    invoice was paid."""
    parser = _parser("mark-paid", "Record that an invoice was paid.")
    parser.add_argument("invoice", metavar="INVOICE", help="its number, e.g. INV-2026-000061")
    options = parser.parse_args(argv)

    def change() -> str:
        organization = _organization(options.organization)
        found = invoices.numbered(options.invoice)
        if organization is not None:
            found = [each for each in found if each.organization_id == organization.id]
        if len(found) > 1:
            raise Stop(2, _ambiguous(f"Invoice {options.invoice}", _invoice_lines(found)))
        if not found or not invoices.mark_paid(found[0]):
            where = f" in {organization.name}" if organization else ""
            raise Stop(1, f"no open invoice {options.invoice}{where}")
        invoice = found[0]
        details = {"number": invoice.number, "operator": options.operator}
        audit.record(invoice.organization_id, INVOICE_PAID, options.operator, details, utc_now())
        return f"{invoice.number} of {invoice.organization.name} marked paid"

    return _run(options.database, change)


def answer_request(argv: list[str]) -> int:
    """manage-account-service answer-request ID --text TEXT [--organization NAME-OR-ID]: the
    account manager's reply to a reduction request."""
    parser = _parser("answer-request", "Answer a reduction request as the account manager.")
    parser.add_argument("request", type=int, metavar="ID")
    parser.add_argument("--text", required=True)
    options = parser.parse_args(argv)

    def change() -> str:
        from billing.plain_text import TextRefusal, check_text

        try:
            text = check_text(options.text, "The answer", multiline=True, limit=1000)
        except TextRefusal as refusal:
            raise Stop(2, str(refusal)) from None
        organization = _organization(options.organization)
        owner = renewals.organization_of_request(options.request)
        if owner is None or (organization is not None and owner != organization.id):
            where = f" in {organization.name}" if organization else ""
            raise Stop(1, f"no reduction request {options.request}{where}")
        renewals.answer_request(options.request, text, organization_id=owner)
        details = {"request": options.request, "operator": options.operator}
        audit.record(owner, REQUEST_ANSWERED, options.operator, details, utc_now())
        return f"reduction request {options.request} answered"

    return _run(options.database, change)


def apply_reclaim_policy(argv: list[str]) -> int:
    """manage-account-service apply-reclaim-policy --organization NAME-OR-ID: free now the seats
    the organization's reclaim policy finds, as one release it can undo."""
    parser = _parser("apply-reclaim-policy", "Apply an organization's reclaim policy now.")
    options = parser.parse_args(argv)
    if options.organization is None:
        parser.error("name the organization with --organization")

    def change() -> str:
        organization = _organization(options.organization)
        assert organization is not None  # named: the parser made sure
        release = reclaim.apply_policy(organization.get_id(), utc_now(), options.operator)
        if release is None:
            raise Stop(1, f"the reclaim policy of {organization.name} is off or frees no seat")
        freed = reclaim.freed_count(release)
        return f"freed {freed} seats of {organization.name}: release {release.get_id()}"

    return _run(options.database, change)


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "mark-paid": mark_paid,
    "answer-request": answer_request,
    "apply-reclaim-policy": apply_reclaim_policy,
}


def _organization(named: str | None) -> Organization | None:
    """The organization named by id or exact name (any case); Stop(2) when there is none."""
    if named is None:
        return None
    query = Organization.select()
    if named.strip().isdigit():
        found = list(query.where(Organization.id == int(named)))
    else:
        wanted = named.strip().casefold()
        found = [each for each in query if each.name.casefold() == wanted]
    if len(found) != 1:
        known = "\n".join(f"  {each.id}  {each.name}" for each in query.order_by(Organization.id))
        raise Stop(2, f"no organization {named!r}; the organizations are:\n{known}")
    return found[0]


def _invoice_lines(found: list[invoices.Invoice]) -> list[str]:
    return [
        f"  --organization {each.organization_id}  {each.organization.name}: {each.status}, "
        f"{amount_from_minor(each.amount_minor + each.tax_minor, each.currency)} "
        f"{each.currency}, issued {each.issue_date.isoformat()}"
        for each in found
    ]


def _ambiguous(what: str, lines: list[str]) -> str:
    return (
        f"{what} exists in {len(lines)} organizations; nothing was changed. "
        "Name one with --organization:\n" + "\n".join(lines)
    )


def _run(database_url: str, change: Callable[[], str]) -> int:
    """Run the change in one transaction on the service's database and say what was done; a
    Stop rolls everything back."""
    try:
        open_database(database_url, service_db, MIGRATIONS)
    except DatabaseOpenError as error:
        print(f"{PROGRAM}: {error}", file=sys.stderr)
        return 2
    try:
        with write_transaction(service_db):
            done = change()
    except Stop as stop:
        print(f"{PROGRAM}: {stop}", file=sys.stderr)
        return stop.code
    finally:
        close_database(service_db)
    print(done)
    return 0
