"""The OpenAPI document as the enforced contract: every request is checked against it before
a handler runs (jsonschema on the document's own schemas, compiled once per operation), and in
the test suite every answer is checked too (openapi-core).

Checking requests with openapi-core cost about 3 ms an order, more than the order itself; the
compiled schemas cost a tenth of that.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from urllib.parse import parse_qsl

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

OPENAPI = Path(__file__).with_name("openapi.json")
DOCUMENT = json.loads(OPENAPI.read_text())
OWN_CODE = "x-error-code"  # a property whose violation the handler answers, with this code
JSON = "application/json"
_BASE = "urn:manage-account:openapi"
_REGISTRY = Registry().with_resource(
    _BASE, Resource.from_contents(DOCUMENT, default_specification=DRAFT202012)
)


@dataclass(frozen=True)
class Breach:
    """How a request breaks the contract, as the answer says it."""

    status: int
    code: str
    message: str
    extra: dict


@dataclass(frozen=True)
class _Parameter:
    name: str
    location: str  # query, header or path
    required: bool
    whole_number: bool  # an integer, sent as text
    validator: Draft202012Validator


@dataclass(frozen=True)
class _Operation:
    parameters: tuple[_Parameter, ...]
    body: Draft202012Validator | None


def request_breach(environ: dict, body: bytes) -> Breach | None:
    """The first way the request breaks the document, or None when it keeps to it.

    Violations of properties marked `x-error-code` are left to the handler, which refuses them
    with that code and a message of the business rules (422).
    """
    found = _operation(environ["REQUEST_METHOD"].lower(), environ.get("PATH_INFO") or "/")
    if found is None:  # not in the document: the router answers 404 or 405
        return None
    operation, path_values = found
    query = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
    for parameter in operation.parameters:
        breach = _parameter_breach(parameter, environ, query, path_values)
        if breach is not None:
            return breach
    return None if operation.body is None else _body_breach(operation.body, environ, body)


def response_breach(
    environ: dict, body: bytes, status: int, headers: list, payload: bytes
) -> str | None:
    """Why an answer does not match the document, or None: for the test suite."""
    from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
    from openapi_core.templating.paths.exceptions import PathError
    from werkzeug.wrappers import Request, Response

    if status == 500:  # a failure already, never documented: nothing to compare
        return None
    request = WerkzeugOpenAPIRequest(Request({**environ, "wsgi.input": BytesIO(body)}))
    response = WerkzeugOpenAPIResponse(Response(payload, status, headers))
    errors = [
        error
        for error in _response_validator().iter_errors(request, response)
        if not isinstance(error, PathError)  # not in the document: the router said 404 or 405
    ]
    return "; ".join(f"{error}: {error.__cause__ or ''}" for error in errors) or None


def _parameter_breach(
    parameter: _Parameter, environ: dict, query: dict, path_values: dict
) -> Breach | None:
    if parameter.location == "header":
        text = environ.get("HTTP_" + parameter.name.upper().replace("-", "_"))
    else:
        text = (query if parameter.location == "query" else path_values).get(parameter.name)
    reason = None
    if text is None:
        reason = "it is required" if parameter.required else None
    elif parameter.whole_number and not re.fullmatch(r"-?[0-9]{1,30}", text):
        reason = "it must be a whole number"
    else:
        value = int(text) if parameter.whole_number else text
        reason = next((e.message for e in parameter.validator.iter_errors(value)), None)
    if reason is None:
        return None
    return Breach(
        400,
        "invalid_parameter",
        f"The {parameter.location} parameter {parameter.name} is not valid: {reason}.",
        {"parameter": parameter.name},
    )


def _body_breach(validator: Draft202012Validator, environ: dict, body: bytes) -> Breach | None:
    if not body:
        return Breach(400, "invalid_request", "This request needs a JSON body.", {})
    media = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if media != JSON:
        return Breach(
            415,
            "unsupported_media_type",
            f"Send the body as {JSON}, not {media or 'without a Content-Type'}.",
            {},
        )
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return Breach(400, "malformed_json", "The body is not valid JSON.", {})
    unowned = [e for e in validator.iter_errors(value) if _own_code(e) is None]
    if not unowned:
        return None
    first = min(unowned, key=lambda error: list(error.absolute_path))
    field = _field(first)
    return Breach(
        400,
        "invalid_request",
        f"The body's {field} is not valid: {first.message}",
        {"field": field},
    )


def _field(error: object) -> str:
    """The field a schema error is about: its path, or the property missing or unexpected."""
    if error.absolute_path:
        return ".".join(str(part) for part in error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        return min(set(error.instance) - set(error.schema.get("properties", {})), default="body")
    return _missing(error) or "body"


def _own_code(error: object) -> str | None:
    """The code a violated property names for itself (a missing one: its declaration)."""
    schema = _resolved(error.schema)
    if error.validator == "required":
        schema = _resolved(schema.get("properties", {}).get(_missing(error), {}))
    return schema.get(OWN_CODE)


def _missing(error: object) -> str | None:
    if error.validator != "required":
        return None
    return error.message.split("'")[1]  # "'seats' is a required property"


def _resolved(schema: object) -> dict:
    if not isinstance(schema, dict):
        return {}
    if "$ref" in schema:
        return _REGISTRY.resolver(_BASE).lookup(schema["$ref"]).contents
    return schema


def _operation(method: str, path: str) -> tuple[_Operation, dict] | None:
    for pattern, operations in _operations():
        found = pattern.fullmatch(path)
        if found is not None:
            operation = operations.get(method)
            return None if operation is None else (operation, found.groupdict())
    return None


@cache
def _operations() -> list[tuple[re.Pattern, dict[str, _Operation]]]:
    """Each path of the document as a pattern, with its operations compiled."""
    compiled = []
    for template, item in DOCUMENT["paths"].items():
        pattern = re.compile(re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(template)))
        operations = {
            method: _compile(f"/paths/{_escape(template)}/{method}", spec)
            for method, spec in item.items()
        }
        compiled.append((pattern, operations))
    return compiled


def _compile(pointer: str, spec: dict) -> _Operation:
    parameters = tuple(
        _Parameter(
            each["name"],
            each["in"],
            each.get("required", False),
            each["schema"].get("type") == "integer",
            _validator(f"{pointer}/parameters/{index}/schema"),
        )
        for index, each in enumerate(spec.get("parameters", []))
    )
    body = spec.get("requestBody", {}).get("content", {}).get(JSON)
    media = f"{pointer}/requestBody/content/{_escape(JSON)}/schema"
    return _Operation(parameters, _validator(media) if body else None)


def _validator(pointer: str) -> Draft202012Validator:
    return Draft202012Validator(
        {"$ref": f"{_BASE}#{pointer}"},
        registry=_REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def _escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


@cache
def _response_validator() -> object:
    from jsonschema_path import SchemaPath
    from openapi_core.validation.response.validators import V31ResponseValidator

    return V31ResponseValidator(SchemaPath.from_dict(DOCUMENT))
