"""The organization's users as a table, read from the service a page at a time."""

from collections.abc import Callable

from desktop import formatting
from desktop.i18n import translate
from desktop.seat_holders import (
    STATUSES,
    USERS_CSV_HEADER,
    SeatUser,
    SeatUsers,
    UserFilter,
    UsersPage,
)
from ui.service_pages_model import ServicePagesModel

PAGE_SIZE = 200


class UsersModel(ServicePagesModel[SeatUser, UsersPage]):
    def __init__(
        self, users: SeatUsers, filters: UserFilter, timezone: str = "UTC", locale: str = "en_US"
    ) -> None:
        headers = [translate("SeatHolders", text) for text in USERS_CSV_HEADER]
        headers[-1] = translate("SeatHolders", "Last active")  # shown in local time
        super().__init__(tuple(headers))
        self._users, self.filters = users, filters
        self._timezone, self._locale = timezone, locale

    def _page_call(self, after: SeatUser | None) -> Callable[[], UsersPage]:
        users, filters = self._users, self.filters
        after_id = after.id if after else None
        return lambda: users.page(filters, after_id, PAGE_SIZE)

    def _items(self, page: UsersPage) -> tuple[SeatUser, ...]:
        return page.users

    def _has_more_in(self, page: UsersPage) -> bool:
        return page.has_more

    def _shown(self, item: SeatUser) -> tuple[str, ...]:
        seen = item.last_active_at
        return (
            item.name,
            item.email,
            translate("SeatHolders", STATUSES[item.status]),
            formatting.moment(seen, self._timezone, self._locale)
            if seen
            else translate("SeatHolders", "Never"),
        )
