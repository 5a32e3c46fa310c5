"""Requests for fewer seats next term, sent to the account manager through the account service
and listed with their answers."""

from desktop.renewing import ReductionRequest
from desktop.service_client import ServiceClient


class ReductionRequests:
    """The organization's requests (calls take time: off the GUI thread)."""

    def __init__(self, client: ServiceClient) -> None:
        self._client = client

    def listed(self) -> list[ReductionRequest]:
        """Newest first."""
        return [ReductionRequest.from_answer(each) for each in self._client.reduction_requests()]

    def send(self, seats_wanted: int, reason: str) -> ReductionRequest:
        return ReductionRequest.from_answer(self._client.request_reduction(seats_wanted, reason))
