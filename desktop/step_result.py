"""What one sync step reports: the one shape every step returns, whatever it keeps in step."""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Requote:
    """A purchase the service refused because its total is out of date, with today's total."""

    transaction_id: str
    seats: int
    old_amount: Decimal
    new_amount: Decimal
    currency: str


@dataclass
class StepResult:
    """Whether anything shown changed (accepted or refused alike: the window reloads), what to
    tell the user went wrong, the seats that went live, purchases refused at an old total."""

    changed: bool = False
    problem: str | None = None
    provisioned: list[tuple[str, int]] = field(default_factory=list)  # (transaction ID, seats)
    requoted: list[Requote] = field(default_factory=list)
