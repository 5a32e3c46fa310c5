"""Hostile text at the service's boundary, on SQLite and PostgreSQL: deep JSON, lone surrogates,
NUL, invalid UTF-8, over-long fields, %00 in paths and queries, format and separator
characters. Never a 5xx, and a refused request leaves the database as it was."""

import hashlib
import json
from datetime import timedelta

import pytest

from billing.orders import check_invoice_note, check_purchase_order, has_hidden_characters
from billing.plain_text import TextRefusal, check_text, describe, refused_character
from billing.text import Refusal
from service import demo_data
from service.contract import DOCUMENT
from service.models import MODELS, BillingProfile, service_db
from service.seed import end_current_contract
from tests.service_helpers import call, start_demo_service

DEEP = 1500


@pytest.fixture
def service(any_db_url):
    running = start_demo_service(any_db_url, delay=(3600, 3600))
    with service_db.connection_context():  # the renewal window is open for both organizations
        for plan in demo_data.ORGANIZATIONS:
            end_current_contract(plan.name, plan.today() + timedelta(days=42))
    yield running
    running.stop()


def token_of(service, plan: demo_data.DemoOrganization) -> str:
    body = {"email": plan.administrators[0][1], "password": plan.password}
    status, answer = call(service, "POST", "/v1/sessions", body)
    assert status == 201, answer
    return answer["token"]


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def snapshot() -> dict:
    """Every table's row count, and the billing profiles' contents."""
    with service_db.connection_context():
        counts = {model.__name__: model.select().count() for model in MODELS}
        profiles = [
            json.dumps(row, sort_keys=True, default=str)
            for row in BillingProfile.select().order_by(BillingProfile.id).dicts()
        ]
    counts["profiles"] = hashlib.sha256("\n".join(profiles).encode()).hexdigest()
    return counts


def order_body(**changes) -> dict:
    return {
        "seats": 1,
        "quoted_amount": "1.00",
        "acknowledged": True,
        "acknowledgement_text": "I acknowledge",
        **changes,
    }


def renewal_body(**changes) -> dict:
    return order_body(quoted_amount="1.00", **changes) | {"seats": 10**6}


def raw_call(service, method, path, raw: bytes, token=None, headers=None):
    return call(service, method, path, token=token, headers=headers, raw=raw)


def test_hostile_text_is_refused_without_a_5xx_and_changes_nothing(service):
    northwind, contoso = (
        token_of(service, demo_data.NORTHWIND),
        token_of(service, demo_data.CONTOSO),
    )
    before = snapshot()
    key = {"Idempotency-Key": "MA-HOSTILE-1"}
    cases = [
        # (method, path, body or raw bytes, token, headers, status, code)
        ("POST", "/v1/sessions", f'{{"email": {deep(DEEP)}, "password": "x"}}', None, {}),
        ("POST", "/v1/sessions", f'{{"email": "a", "password": {deep(65)}}}', None, {}),
        ("POST", "/v1/sessions", {"email": "\ud800", "password": "x"}, None, {}),
        ("POST", "/v1/sessions", {"email": "admin@example.com", "password": "\udfff"}, None, {}),
        ("POST", "/v1/sessions", {"email": "admin@example.com\x00", "password": "x"}, None, {}),
        ("POST", "/v1/sessions", {"email": "admin@example.com", "password": "a\x00"}, None, {}),
        ("POST", "/v1/sessions", {"email": "a" * 60_000, "password": "x"}, None, {}),
        ("POST", "/v1/sessions", {"email": "admin@example.com\u2028", "password": "x"}, None, {}),
        ("POST", "/v1/sessions", b'{"email": "\xff", "password": "x"}', None, {}),
        ("POST", "/v1/sessions", b'{"email": "\xed\xa0\x80", "password": "x"}', None, {}),
        ("POST", "/v1/sessions", {"email": "a", "password": "x" * 70_000}, None, {}),
        ("POST", "/v1/seat-orders", deep(DEEP), northwind, key),
        ("POST", "/v1/renewals", deep(DEEP), northwind, key),
        ("POST", "/v1/renewal/reduction-requests", deep(DEEP), northwind, {}),
        ("PATCH", "/v1/billing-profile", deep(DEEP), northwind, {}),
        ("PATCH", "/v1/permission-sets/1", deep(DEEP), northwind, {}),
        ("POST", "/v1/audit-events", deep(DEEP), northwind, {}),
        ("POST", "/v1/seat-orders", order_body(acknowledgement_text="I \ud800"), northwind, key),
        ("POST", "/v1/seat-orders", order_body(acknowledgement_text="I \x00"), contoso, key),
        ("POST", "/v1/seat-orders", order_body(**{"\x00": 1}), contoso, key),
        ("POST", "/v1/renewals", renewal_body(instructions="\ud800"), northwind, key),
        ("POST", "/v1/renewals", renewal_body(instructions="a\x00b"), contoso, key),
        (
            "POST",
            "/v1/renewal/reduction-requests",
            {"seats_wanted": 1, "reason": "fewer\ud800"},
            northwind,
            {},
        ),
        (
            "POST",
            "/v1/renewal/reduction-requests",
            {"seats_wanted": 1, "reason": "fewer\x00"},
            contoso,
            {},
        ),
        ("PATCH", "/v1/billing-profile", {"legal_name": "N\x00"}, northwind, {}),
        ("GET", "/v1/seat-orders/MA-XXXX%00", None, northwind, {}),
        ("GET", "/v1/invoices/INV-2026-000001%00/pdf", None, northwind, {}),
        ("GET", "/v1/invoices/INV-2026-000001%00", None, contoso, {}),
        ("GET", "/v1/audit-events?actor=%00", None, northwind, {}),
        ("GET", "/v1/audit-events?actor=%ED%A0%80", None, northwind, {}),
        ("GET", "/v1/audit-events?actor=a%E2%80%A8b", None, northwind, {}),
        ("GET", "/v1/seat-orders/MA-%FF", None, northwind, {}),
        ("GET", "/v1/invoices?issued_from=%00", None, contoso, {}),
        ("GET", "/v1/seat-orders/" + "M" * 300, None, northwind, {}),
        ("GET", "/v1/quote?seats=1&x=" + "y" * 5000, None, northwind, {}),
    ]
    for method, path, body, token, headers in cases:
        raw = body if isinstance(body, bytes) else body.encode() if isinstance(body, str) else None
        status, answer = call(service, method, path, None if raw else body, token, headers, raw)
        assert status in (400, 413), (method, path, status, answer)
        assert len(json.dumps(answer)) < 600, answer  # never the hostile text echoed back
        assert answer["error"]["code"] in (
            "invalid_json",
            "invalid_text",
            "invalid_request",
            "invalid_parameter",
            "body_too_large",
        ), (path, answer)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("method", "path", "body", "code"),
    [
        (
            "POST",
            "/v1/seat-orders",
            order_body(purchase_order="PO\u20281"),
            "invalid_purchase_order",
        ),
        (
            "POST",
            "/v1/seat-orders",
            order_body(purchase_order="PO\u200b1"),
            "invalid_purchase_order",
        ),
        ("POST", "/v1/seat-orders", order_body(invoice_note="a\u2029b"), "invalid_invoice_note"),
        ("POST", "/v1/seat-orders", order_body(acknowledgement_text="I\u202e"), "not_acknowledged"),
        ("POST", "/v1/seat-orders", order_body(acknowledgement_text="I" * 501), "not_acknowledged"),
        ("POST", "/v1/renewals", renewal_body(instructions="a\u200fb"), "invalid_renewal"),
        ("POST", "/v1/renewals", renewal_body(instructions="a\tb"), "invalid_renewal"),
        ("POST", "/v1/renewals", renewal_body(instructions="a" * 1001), "invalid_renewal"),
        ("POST", "/v1/renewals", renewal_body(purchase_order="\ufeffPO"), "invalid_purchase_order"),
        (
            "POST",
            "/v1/renewal/reduction-requests",
            {"seats_wanted": 1, "reason": "r" * 1001},
            "invalid_reduction",
        ),
        (
            "POST",
            "/v1/renewal/reduction-requests",
            {"seats_wanted": 1, "reason": "two\u2028lines"},
            "invalid_reduction",
        ),
        (
            "PATCH",
            "/v1/billing-profile",
            {"legal_name": "North\u2028wind"},
            "invalid_billing_profile",
        ),
        ("PATCH", "/v1/billing-profile", {"legal_name": "N" * 201}, "invalid_billing_profile"),
        ("PATCH", "/v1/billing-profile", {"address": "a\x0bb"}, "invalid_billing_profile"),
        (
            "PATCH",
            "/v1/billing-profile",
            {"default_purchase_order": "PO\u200b"},
            "invalid_billing_profile",
        ),
        (
            "PATCH",
            "/v1/billing-profile",
            {"default_purchase_order": "\ufeffPO"},
            "invalid_billing_profile",
        ),
        ("PATCH", "/v1/billing-profile", {"billing_emails": ["a\u2028@x.example"]}, None),
        ("GET", "/v1/quote?seats=" + "9" * 36, None, "invalid_order"),
    ],
)
def test_format_and_separator_characters_are_refused_by_the_rules(
    service, method, path, body, code
):
    token = token_of(service, demo_data.CONTOSO)
    before = snapshot()
    headers = {"Idempotency-Key": "MA-HOSTILE-2"} if body and "acknowledged" in body else {}
    if path == "/v1/renewals":  # the seats on offer: only the text is wrong
        body = {**body, "seats": call(service, "GET", "/v1/renewal", token=token)[1]["seats"]}
    status, answer = call(service, method, path, body, token, headers)
    assert status == 422, answer
    assert answer["error"]["code"] == (code or "invalid_billing_profile")
    assert snapshot() == before


def test_a_path_is_read_as_utf_8(service):
    """U+4D82 is E4 B6 82 in UTF-8: its \x82 is a control character only when read as Latin-1."""
    token = token_of(service, demo_data.NORTHWIND)
    status, answer = call(service, "GET", "/v1/invoices/%E4%B6%82%C3%80/pdf", token=token)
    assert (status, answer["error"]["code"]) == (404, "not_found")
    assert "\u4d82\u00c0" in answer["error"]["message"]


def test_text_is_stored_in_nfc_with_its_line_feeds(service):
    token = token_of(service, demo_data.NORTHWIND)
    change = {"legal_name": "Northwind Cafe\u0301", "address": "1 Rue\r\nParis\rFrance"}
    status, profile = call(service, "PATCH", "/v1/billing-profile", change, token)
    assert status == 200, profile
    assert profile["legal_name"] == "Northwind Caf\u00e9"
    assert profile["address"] == "1 Rue\nParis\nFrance"
    status, profile = call(service, "GET", "/v1/billing-profile", token=token)
    assert (profile["legal_name"], profile["address"]) == (
        "Northwind Caf\u00e9",
        "1 Rue\nParis\nFrance",
    )
    body = {"seats_wanted": 40, "reason": "Two teams merge.\nOne leaves."}
    status, made = call(service, "POST", "/v1/renewal/reduction-requests", body, token)
    assert (status, made["request"]["reason"]) == (201, "Two teams merge.\nOne leaves.")


def test_the_rule_is_one_function_in_billing():
    assert check_text("Cafe\u0301", "name") == "Caf\u00e9"
    assert check_text("a\r\nb\rc", "note", multiline=True) == "a\nb\nc"
    for single in ("a\u2028b", "a\u2029b", "\u200bx", "\ufeffx", "a\nb", "a\tb", "\u202eabc"):
        assert refused_character(single) is not None, single
        with pytest.raises(TextRefusal) as refused:
            check_text(single, "name")
        assert refused.value.code == "invalid_text"
        assert "U+" in str(refused.value)
    assert refused_character("a\nb", multiline=True) is None
    assert refused_character("a\u2028b", multiline=True) == "\u2028"
    assert refused_character("Friedrichstra\u00dfe 100 \U0001f600") is None
    assert describe("\u2028") == "U+2028 LINE SEPARATOR"
    assert describe("\ud800") == "U+D800"
    with pytest.raises(TextRefusal, match="at most 3"):
        check_text("abcd", "code", limit=3)
    assert has_hidden_characters("PO\u200b1", allowed="")
    with pytest.raises(Refusal):
        check_purchase_order("PO\u20281")
    with pytest.raises(Refusal):
        check_invoice_note("a\ufeffb")
    assert check_invoice_note("a\r\nb") == "a\nb"


def request_strings(node: object, where: str) -> list[tuple[str, dict]]:
    """Every string schema a request can carry: parameters and bodies, $refs followed."""
    found = []
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            return request_strings(DOCUMENT["components"]["schemas"][name], f"{where}>{name}")
        kinds = node.get("type")
        if kinds == "string" or (isinstance(kinds, list) and "string" in kinds):
            found.append((where, node))
        for key, value in node.items():
            if key not in ("description", "example", "examples", "enum", "const"):
                found += request_strings(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += request_strings(value, f"{where}[{index}]")
    return found


def test_every_string_a_request_carries_has_a_max_length():
    strings = []
    for path, item in DOCUMENT["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                strings += request_strings(
                    parameter["schema"], f"{method} {path} {parameter['name']}"
                )
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                strings += request_strings(body["schema"], f"{method} {path} body")
    assert len(strings) > 30
    assert [where for where, schema in strings if "maxLength" not in schema] == []
    typed = {where for where, schema in strings if schema.get("x-text")}
    for field in ("email", "acknowledgement_text", "purchase_order", "instructions", "reason"):
        assert any(where.endswith(f"/{field}") for where in typed), field
    assert {schema["x-text"] for _, schema in strings if "x-text" in schema} == {"line", "lines"}


def test_every_string_in_the_document_has_a_max_length():
    """Answers too: the test suite checks every answer against the document."""
    unbounded = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            kinds = node.get("type")
            text = kinds == "string" or (isinstance(kinds, list) and "string" in kinds)
            if text and "maxLength" not in node and "enum" not in node:
                unbounded.append(where)
            for key, value in node.items():
                if key != "description":
                    walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")

    walk(DOCUMENT, "")
    assert unbounded == []
