"""The organization's users as a table, read from the service a page at a time."""

from collections.abc import Callable
from datetime import datetime

from desktop import formatting
from desktop.i18n import translate
from desktop.seat_holders import STATUSES, USERS_CSV_HEADER
from desktop.service_client import ServiceClient
from ui.service_pages_model import ServicePagesModel

PAGE_SIZE = 200


class UsersModel(ServicePagesModel[dict, dict]):
    def __init__(
        self, client: ServiceClient, filters: dict, timezone: str = "UTC", locale: str = "en_US"
    ) -> None:
        headers = [translate("SeatHolders", text) for text in USERS_CSV_HEADER]
        headers[-1] = translate("SeatHolders", "Last active")  # shown in local time
        super().__init__(tuple(headers))
        self._client, self.filters = client, filters
        self._timezone, self._locale = timezone, locale

    def _page_call(self, after: dict | None) -> Callable[[], dict]:
        client, filters = self._client, self.filters
        after_id = after["id"] if after else None
        return lambda: client.users(filters, after_id, PAGE_SIZE)

    def _items(self, page: dict) -> list[dict]:
        return page["users"]

    def _has_more_in(self, page: dict) -> bool:
        return bool(page["has_more"])

    def _shown(self, item: dict) -> tuple[str, ...]:
        user = item
        seen = user["last_active_at"]
        return (
            user["name"],
            user["email"],
            translate("SeatHolders", STATUSES[user["status"]]),
            formatting.moment(datetime.fromisoformat(seen), self._timezone, self._locale)
            if seen
            else translate("SeatHolders", "Never"),
        )
