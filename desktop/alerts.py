"""The organization's alert settings through the account service, as plain values, and the
desktop's own notice when a sync finds fewer seats available than the alert's threshold (once
each time the count drops below it)."""

from dataclasses import dataclass

from db.database import write_transaction
from desktop.i18n import translate
from desktop.models import Organization, SyncState, database
from desktop.service_client import ServiceClient, ServiceRefused

SEATS_BELOW_KEY = "seat_alert_below"  # SyncState: the threshold while the count is below it
MAX_RECIPIENTS = 10
LANGUAGES = ("en", "de")  # a recipient's language; None: not known


class AlertSettingsRefused(Exception):
    """The service refused the settings; the message says why, in the user's language."""


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str | None = None


@dataclass(frozen=True)
class AlertSettings:
    seats_available_below: int | None = None
    invoice_due_within_days: int | None = None
    notify_overdue: bool = False
    notify_renewal_window: bool = False
    recipients: tuple[Recipient, ...] = ()

    def body(self) -> dict:
        """The settings as the service takes them."""
        return {
            "seats_available_below": self.seats_available_below,
            "invoice_due_within_days": self.invoice_due_within_days,
            "notify_overdue": self.notify_overdue,
            "notify_renewal_window": self.notify_renewal_window,
            "recipients": [
                {"email": each.email, "language": each.language} for each in self.recipients
            ],
        }


@dataclass(frozen=True)
class SeatAlert:
    """Fewer seats available than the alert watches for; `crossed` at the first check that
    found it so, which is the one to say."""

    available: int
    threshold: int
    crossed: bool


class Alerts:
    """The organization's alert settings on the account service (calls take time: off the GUI
    thread)."""

    def __init__(self, client: ServiceClient, organization: Organization) -> None:
        self._client, self._organization = client, organization

    def read(self) -> AlertSettings:
        return _settings(self._client.alert_settings())

    def save(self, settings: AlertSettings) -> AlertSettings:
        try:
            return _settings(self._client.change_alert_settings(settings.body()))
        except ServiceRefused as refusal:
            if refusal.code != "invalid_recipient":
                raise
            address = str(refusal.details.get("address", ""))
            raise AlertSettingsRefused(
                translate("Alerts", "{address} is not an e-mail address.").format(address=address)
            ) from refusal

    def seat_alert(self) -> SeatAlert | None:
        """A SeatAlert while the seats available are below the alert's threshold, else None.
        The last check is kept in the ledger, so a crossing is said once, across restarts."""
        threshold: int | None = self._client.alert_settings()["seats_available_below"]
        available = int(self._client.license_summary()["available"])
        below = threshold is not None and available < threshold
        with write_transaction(database):
            was_below = bool(SyncState.read(self._organization, SEATS_BELOW_KEY))
            SyncState.write(self._organization, SEATS_BELOW_KEY, str(threshold) if below else "")
        if threshold is None or not below:
            return None
        return SeatAlert(available, threshold, crossed=not was_below)


def _settings(answer: dict) -> AlertSettings:
    return AlertSettings(
        answer["seats_available_below"],
        answer["invoice_due_within_days"],
        answer["notify_overdue"],
        answer["notify_renewal_window"],
        tuple(Recipient(each["email"], each["language"]) for each in answer["recipients"]),
    )
