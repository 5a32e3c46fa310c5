"""The reclaim policy: seats the service frees by itself once a day, from users disabled or
inactive for a while (never the exempt ones), as one release with the reason "policy", made
like any other and undoable like any other; users about to lose theirs can be warned first."""

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from db.database import write_transaction
from service import audit, mail, messages, seats
from service.models import (
    AccountUser,
    Administrator,
    Organization,
    ReclaimPolicy,
    SeatRelease,
    SeatReleaseUser,
    service_db,
)
from service.orders import local_today
from service.users import inactive_condition, user_json

logger = logging.getLogger(__name__)
POLICY_REASON = "policy"
WARNING_DAYS = 7  # users are warned this many days before their seat is freed
DEFAULTS = {
    "enabled": False,
    "disabled_for_days": 7,
    "inactive_for_days": 90,
    "notify_users": False,
    "exempt_user_ids": [],
}
POLICY_CHANGED = "reclaim policy changed"  # audit actions
POLICY_APPLIED = "reclaim policy applied"
DAILY_RUN = "the daily run"


@dataclass(frozen=True)
class Candidate:
    """A seat holder the policy frees: why (disabled or inactive), since when (None: not
    known), and whether the policy exempts them."""

    user: AccountUser
    reason: str
    since: datetime | None
    exempt: bool


def policy_of(organization_id: int) -> ReclaimPolicy:
    """The organization's policy; the defaults (off) when it never set one."""
    found = ReclaimPolicy.get_or_none(ReclaimPolicy.organization == organization_id)
    if found is None:
        fields = {**DEFAULTS, "exempt_user_ids": "[]"}
        found = ReclaimPolicy(organization=organization_id, updated_at=None, **fields)
    return found


def exempt_ids(policy: ReclaimPolicy) -> list[int]:
    return json.loads(policy.exempt_user_ids)


def policy_json(policy: ReclaimPolicy) -> dict:
    by = policy.changed_by
    return {
        "enabled": policy.enabled,
        "disabled_for_days": policy.disabled_for_days,
        "inactive_for_days": policy.inactive_for_days,
        "notify_users": policy.notify_users,
        "exempt_user_ids": exempt_ids(policy),
        "warning_days": WARNING_DAYS,
        "updated_at": None if policy.updated_at is None else policy.updated_at.isoformat(),
        "updated_by": None if by is None else {"name": by.name, "email": by.email},
        "last_run_on": None if policy.last_run_on is None else policy.last_run_on.isoformat(),
    }


def change_policy(administrator: Administrator, body: dict, now: datetime) -> ReclaimPolicy:
    """Replace the organization's policy (the document checked the ranges); 422 unknown_users
    when an exempt id is not a user of the organization. Its releases are made in the name of
    whoever changed it last."""
    organization = administrator.organization_id
    exempt = list(dict.fromkeys(body["exempt_user_ids"]))
    with write_transaction(service_db):
        users = AccountUser.select().where(
            (AccountUser.organization == organization) & AccountUser.id.in_(exempt)  # pyright: ignore[reportAttributeAccessIssue]
        )
        known = {user.get_id() for user in users}
        unknown = [each for each in exempt if each not in known]
        if unknown:
            raise seats.SeatProblem(
                422,
                "unknown_users",
                "No user of this organization has these ids; the policy was not changed.",
                {"user_ids": unknown},
            )
        fields = {name: body[name] for name in DEFAULTS if name != "exempt_user_ids"}
        fields |= {
            "exempt_user_ids": json.dumps(exempt),
            "changed_by": administrator.get_id(),
            "updated_at": now,
        }
        ReclaimPolicy.insert(organization=organization, **fields).on_conflict(
            conflict_target=[ReclaimPolicy.organization], update=fields
        ).execute()
        audit.record(
            organization,
            POLICY_CHANGED,
            administrator.email,
            {**body, "exempt_user_ids": exempt},
            now,
        )
    return policy_of(organization)


def candidates(
    organization_id: int,
    disabled_for_days: int,
    inactive_for_days: int,
    exempt: list[int],
    now: datetime,
) -> list[Candidate]:
    """The seat holders the policy would free at `now`, by name: disabled for at least
    `disabled_for_days` (since an unknown day counts), or active but not seen for more than
    `inactive_for_days`."""
    disabled_before = now - timedelta(days=disabled_for_days)
    disabled = ~AccountUser.active & (
        AccountUser.disabled_at.is_null() | (AccountUser.disabled_at <= disabled_before)
    )
    found = (
        AccountUser.select()
        .where(
            (AccountUser.organization == organization_id)
            & AccountUser.holds_seat
            & (disabled | inactive_condition(inactive_for_days, now))
        )
        .order_by(AccountUser.name, AccountUser.email)  # one e-mail each: a stable order
    )
    return [
        Candidate(
            user,
            "inactive" if user.active else "disabled",
            user.last_active_at if user.active else user.disabled_at,
            user.get_id() in exempt,
        )
        for user in found
    ]


def candidate_json(candidate: Candidate) -> dict:
    since = candidate.since
    return {
        **user_json(candidate.user),
        "reason": candidate.reason,
        "since": None if since is None else since.astimezone(UTC).isoformat(),
        "exempt": candidate.exempt,
    }


def apply_policy(
    organization_id: int, now: datetime, operator: str = DAILY_RUN
) -> SeatRelease | None:
    """Free the seats the enabled policy finds now, as one release with the reason "policy"
    (at most seats.MAX_USERS; the next run frees the rest); None when it is off or finds none."""
    policy = policy_of(organization_id)
    if not policy.enabled or policy.changed_by is None:
        return None
    with write_transaction(service_db):
        found = candidates(
            organization_id,
            policy.disabled_for_days,
            policy.inactive_for_days,
            exempt_ids(policy),
            now,
        )
        ids = [each.user.get_id() for each in found if not each.exempt][: seats.MAX_USERS]
        if not ids:
            return None
        release = seats.release_seats(policy.changed_by, ids, POLICY_REASON, now)
        details = {"release": release.get_id(), "users": ids, "operator": operator}
        audit.record(organization_id, POLICY_APPLIED, operator, details, now)
    return release


def warn_users(organization_id: int, now: datetime) -> int:
    """Queue a warning for each user whose seat the policy frees within WARNING_DAYS (once for
    each day it is due); returns how many were queued."""
    policy = policy_of(organization_id)
    if not (policy.enabled and policy.notify_users):
        return 0
    settings = (policy.disabled_for_days, policy.inactive_for_days, exempt_ids(policy))
    now_ids = {each.user.get_id() for each in candidates(organization_id, *settings, now)}
    soon = candidates(organization_id, *settings, now + timedelta(days=WARNING_DAYS))
    organization = Organization.get_by_id(organization_id)
    language = mail.organization_language(organization_id)
    queued = 0
    for each in soon:
        if each.exempt or each.user.get_id() in now_ids or each.since is None:
            continue
        days = policy.inactive_for_days if each.reason == "inactive" else policy.disabled_for_days
        due = local_today(organization, each.since + timedelta(days=days))
        subject, body = messages.message(
            "reclaim_warning",
            language,
            organization=organization.name,
            name=each.user.name,
            due=due,
        )
        key = f"reclaim_warning:{each.user.get_id()}:{due.isoformat()}"
        queued += mail.enqueue(
            organization_id, key, "reclaim_warning", each.user.email, subject, body, now
        )
    return queued


def run_daily(now: datetime) -> int:
    """Apply each enabled policy once on each of its organization's days, and warn; returns
    how many seats were freed."""
    freed = 0
    enabled = ReclaimPolicy.select(ReclaimPolicy.last_run_on, Organization).join(Organization)
    for policy in list(enabled.where(ReclaimPolicy.enabled)):
        organization: Organization = policy.organization
        today = local_today(organization, now)
        if policy.last_run_on == today:
            continue
        try:
            release = apply_policy(organization.get_id(), now)
            warn_users(organization.get_id(), now)
        except seats.SeatProblem as problem:  # a seat changed meanwhile: the next round
            logger.warning("reclaim policy of %s: %s", organization.name, problem)
            continue
        freed += 0 if release is None else freed_count(release)
        ReclaimPolicy.update(last_run_on=today).where(
            ReclaimPolicy.organization == organization
        ).execute()
    return freed


def freed_count(release: SeatRelease) -> int:
    return SeatReleaseUser.select().where(SeatReleaseUser.release == release).count()
