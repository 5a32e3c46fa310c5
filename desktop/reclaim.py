"""The organization's reclaim policy through the account service, as plain values: which seats
the service frees by itself once a day, and whom it would free now."""

from dataclasses import dataclass
from datetime import date, datetime

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.service_client import ServiceClient, ServiceRefused

# The service's bounds (its OpenAPI document refuses others).
DISABLED_DAYS = (0, 365)
INACTIVE_DAYS = (30, 730)
REASONS = {
    "disabled": QT_TRANSLATE_NOOP("Reclaim", "Disabled"),
    "inactive": QT_TRANSLATE_NOOP("Reclaim", "Inactive"),
}


class PolicyRefused(Exception):
    """The service refused the policy; the message says why, in the user's language."""


@dataclass(frozen=True)
class ReclaimPolicy:
    enabled: bool
    disabled_for_days: int
    inactive_for_days: int
    notify_users: bool
    exempt_user_ids: frozenset[int]
    warning_days: int = 7
    updated_by: str | None = None
    last_run_on: date | None = None

    def body(self) -> dict:
        """The policy as the service takes it."""
        return {
            "enabled": self.enabled,
            "disabled_for_days": self.disabled_for_days,
            "inactive_for_days": self.inactive_for_days,
            "notify_users": self.notify_users,
            "exempt_user_ids": sorted(self.exempt_user_ids),
        }


@dataclass(frozen=True)
class Candidate:
    """A seat holder the policy frees: why, since when (None: not known), whether exempt."""

    id: int
    name: str
    email: str
    reason: str  # a key of REASONS
    since: datetime | None
    exempt: bool


@dataclass(frozen=True)
class Preview:
    users: tuple[Candidate, ...]
    total: int  # found, exempt ones included (users lists the first 1,000)


class Reclaiming:
    """The organization's reclaim policy on the account service (calls take time: off the GUI
    thread)."""

    def __init__(self, client: ServiceClient) -> None:
        self._client = client

    def read(self) -> ReclaimPolicy:
        return _policy(self._client.reclaim_policy())

    def save(self, policy: ReclaimPolicy) -> ReclaimPolicy:
        try:
            return _policy(self._client.change_reclaim_policy(policy.body()))
        except ServiceRefused as refusal:
            if refusal.code != "unknown_users":
                raise
            raise PolicyRefused(
                translate(
                    "Reclaim",
                    "An exempt user is no longer in this organization. Read the preview again "
                    "and choose again.",
                )
            ) from refusal

    def preview(self, disabled_for_days: int, inactive_for_days: int) -> Preview:
        """Whom a policy with these days would free now."""
        answer = self._client.reclaim_preview(disabled_for_days, inactive_for_days)
        users = tuple(
            Candidate(
                each["id"],
                each["name"],
                each["email"],
                each["reason"],
                datetime.fromisoformat(each["since"]) if each["since"] else None,
                each["exempt"],
            )
            for each in answer["users"]
        )
        return Preview(users, answer["total"])


def _policy(answer: dict) -> ReclaimPolicy:
    by, ran = answer["updated_by"], answer["last_run_on"]
    return ReclaimPolicy(
        answer["enabled"],
        answer["disabled_for_days"],
        answer["inactive_for_days"],
        answer["notify_users"],
        frozenset(answer["exempt_user_ids"]),
        answer["warning_days"],
        None if by is None else by["name"],
        None if ran is None else date.fromisoformat(ran),
    )
