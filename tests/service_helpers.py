"""A running reference service on 127.0.0.1 for tests, and raw HTTP calls to it."""

import json
import urllib.error
import urllib.request

from service.orders import ProvisioningDelay
from service.server import RunningService, start_service

PASSWORD = "northwind-demo"


def start_demo_service(url: str, delay: tuple[float, float] = (0, 0)) -> RunningService:
    """The demo service, with every answer checked against the OpenAPI document."""
    return start_service(url, delay=ProvisioningDelay(*delay), demo=True, check_responses=True)


def call(
    service: RunningService,
    method: str,
    path: str,
    body: object = None,
    token: str | None = None,
    headers: dict | None = None,
    raw: bytes | None = None,
) -> tuple[int, dict | None]:
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    request = urllib.request.Request(service.url + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, payload = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, payload = error.code, error.read()
    return status, json.loads(payload) if payload else None


def sign_in(service: RunningService, email: str) -> str:
    status, body = call(service, "POST", "/v1/sessions", {"email": email, "password": PASSWORD})
    assert status == 201, body
    return body["token"]
