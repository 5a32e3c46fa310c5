"""The OpenAPI document as the enforced contract: every request is checked against it before
a handler runs (jsonschema on the document's own schemas, compiled once per operation), and in
the test suite every answer is checked too (openapi-core).

Checking requests with openapi-core cost about 3 ms an order, more than the order itself; the
compiled schemas cost a tenth of that.
"""

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from billing.plain_text import describe, normalized, refused_character, unsafe_character

if TYPE_CHECKING:  # imported where it is used: the suite's answer checks only
    from openapi_core.validation.response.validators import V31ResponseValidator

OPENAPI = Path(__file__).with_name("openapi.json")
DOCUMENT = json.loads(OPENAPI.read_text())
OWN_CODE = "x-error-code"  # a property whose violation the handler answers, with this code
TEXT = "x-text"  # "line" or "lines": billing.plain_text's rule for one line or several
MAX_DEPTH = 64  # arrays and objects within each other; json.loads fails near 1,500
MAX_URL = 4096  # characters of path and query together
JSON = "application/json"
_BASE = "urn:manage-account:openapi"
type Json = bool | int | float | str | list[Json] | dict[str, Json] | None  # what json.loads gives
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


class Refused(Exception):
    """A request refused at the boundary, before its operation is known."""

    def __init__(self, breach: Breach) -> None:
        super().__init__(breach.message)
        self.breach = breach


def _refuse(status: int, code: str, message: str, **extra: object) -> Refused:
    return Refused(Breach(status, code, message, extra))


def check_url(environ: dict) -> str:
    """The path as UTF-8 text; Refused for a path or query that is not UTF-8 or holds a
    control character or a surrogate (NUL among them): nothing behind the boundary sees one."""
    raw_path = environ.get("PATH_INFO") or "/"
    query = environ.get("QUERY_STRING", "")
    if len(raw_path) + len(query) > MAX_URL:
        raise _refuse(400, "invalid_request", f"The path and query are over {MAX_URL} characters.")
    try:  # WSGI gives the path's bytes as Latin-1
        path = raw_path.encode("latin-1").decode("utf-8")
        pairs = parse_qsl(query, keep_blank_values=True, errors="strict")
    except UnicodeError:
        raise _refuse(400, "invalid_text", "The path or query is not valid UTF-8.") from None
    for where, text in (("path", path), *(("query", f"{n}={v}") for n, v in pairs)):
        bad = unsafe_character(text) or _control(text)
        if bad is not None:
            raise _refuse(
                400, "invalid_text", f"The {where} cannot contain {describe(bad)}.", where=where
            )
    return path


def _utf8_path(environ: dict) -> str:
    """The path as text: WSGI gives its bytes as Latin-1 (check_url refused any not UTF-8)."""
    raw = environ.get("PATH_INFO") or "/"
    try:
        return raw.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return raw


def _control(text: str) -> str | None:
    return next((c for c in text if c < "\x20" or "\x7f" <= c <= "\x9f"), None)


def read_body(body: bytes) -> Json:
    """The JSON body as handlers see it, every string in NFC (the password as sent), or
    Refused: not UTF-8, not JSON, nested deeper than MAX_DEPTH, NUL or a lone surrogate."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _refuse(
            400, "invalid_text", f"The body is not valid UTF-8 (at byte {error.start})."
        ) from None
    try:
        value = json.loads(text)
    except RecursionError:
        value = None  # deeper than any limit: refused below
        depth = MAX_DEPTH + 1
    except ValueError:
        raise _refuse(400, "malformed_json", "The body is not valid JSON.") from None
    else:
        depth = _depth(value)
    if depth > MAX_DEPTH:
        raise _refuse(
            400, "invalid_json", f"The body nests arrays and objects over {MAX_DEPTH} deep."
        )
    bad = _unsafe_in(value)
    if bad is not None:
        raise _refuse(400, "invalid_text", f"The body cannot contain {describe(bad)}.")
    return _normalized(value)


def _depth(value: object) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            if level <= MAX_DEPTH:  # deeper is refused anyway
                children = node.values() if isinstance(node, dict) else node
                stack.extend((child, level + 1) for child in children)
    return deepest


def _unsafe_in(value: object) -> str | None:
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if (bad := unsafe_character(node)) is not None:
                return bad
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


def _normalized(value: Json, key: str | None = None) -> Json:
    if isinstance(value, str):
        return value if key == "password" else normalized(value)
    if isinstance(value, dict):
        return {normalized(k): _normalized(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalized(each) for each in value]
    return value


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


def check_request(environ: dict, body: bytes) -> Json:
    """The request's JSON body (normalized, see read_body; None when the operation takes
    none) if the request keeps to the document, else Refused saying the first way it breaks it.

    Violations of properties marked `x-error-code` are left to the handler, which refuses them
    with that code and a message of the business rules (422).
    """
    found = _operation(environ["REQUEST_METHOD"].lower(), _utf8_path(environ))
    if found is None:  # not in the document: the router answers 404 or 405
        return None
    operation, path_values = found
    query = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
    for parameter in operation.parameters:
        breach = _parameter_breach(parameter, environ, query, path_values)
        if breach is not None:
            raise Refused(breach)
    return None if operation.body is None else _checked_body(operation.body, environ, body)


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
    elif parameter.whole_number and not re.fullmatch(r"-?[0-9]{1,1000}", text):
        reason = "it must be a whole number"
    else:
        value = int(text) if parameter.whole_number else text
        errors = (e for e in parameter.validator.iter_errors(value) if not _said_better(e))
        reason = next((_said(e) for e in errors), None)
    if reason is None:
        return None
    return Breach(
        400,
        "invalid_parameter",
        f"The {parameter.location} parameter {parameter.name} is not valid: {reason}.",
        {"parameter": parameter.name},
    )


def _checked_body(validator: Draft202012Validator, environ: dict, body: bytes) -> Json:
    if not body:
        raise _refuse(400, "invalid_request", "This request needs a JSON body.")
    media = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if media != JSON:
        raise _refuse(
            415,
            "unsupported_media_type",
            f"Send the body as {JSON}, not {media or 'without a Content-Type'}.",
        )
    value = read_body(body)
    unowned = [
        e for e in validator.iter_errors(value) if _own_code(e) is None and not _said_better(e)
    ]
    if not unowned:
        return value
    first = min(unowned, key=lambda error: list(error.absolute_path))
    field = _field(first)
    code = "invalid_text" if first.validator == TEXT else "invalid_request"
    raise _refuse(400, code, f"The body's {field} is not valid: {_said(first)}", field=field)


def _said_better(error: ValidationError) -> bool:
    """A typed text's pattern: its x-text says the same, naming the character."""
    return error.validator == "pattern" and TEXT in _schema(error)


def _schema(error: ValidationError) -> Mapping[str, Any]:
    """The schema an error is about; a boolean schema (true or false) has no keywords."""
    return error.schema if isinstance(error.schema, Mapping) else {}


def _said(error: ValidationError) -> str:
    """What is wrong, without echoing a long value back."""
    if error.validator == "maxLength":
        return f"it is longer than {error.validator_value} characters"
    if error.validator == "pattern":
        return "it does not have the form the document gives"
    message = error.message
    return message if len(message) <= 300 else message[:299] + "…"


def _text_rule(validator: object, kind: str, instance: object, schema: dict) -> Iterable:
    """The `x-text` keyword: billing.plain_text's rule for one line ("line") or several."""
    if isinstance(instance, str):
        bad = refused_character(instance, multiline=kind == "lines")
        if bad is not None:
            where = "in this text" if kind == "lines" else "on one line"
            yield ValidationError(f"{describe(bad)} is not allowed {where}")


_Validator = validators.extend(Draft202012Validator, {TEXT: _text_rule})


def _field(error: ValidationError) -> str:
    """The field a schema error is about: its path, or the property missing or unexpected."""
    if error.absolute_path:
        return ".".join(str(part) for part in error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        return min(set(error.instance) - set(_schema(error).get("properties", {})), default="body")
    return _missing(error) or "body"


def _own_code(error: ValidationError) -> str | None:
    """The code a violated property names for itself (a missing one: its declaration)."""
    schema = _resolved(error.schema)
    if error.validator == "required":
        schema = _resolved(schema.get("properties", {}).get(_missing(error), {}))
    return schema.get(OWN_CODE)


def _missing(error: ValidationError) -> str | None:
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
    return _Validator(
        {"$ref": f"{_BASE}#{pointer}"},
        registry=_REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def _escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


@cache
def _response_validator() -> "V31ResponseValidator":
    from jsonschema_path import SchemaPath
    from openapi_core.validation.response.validators import V31ResponseValidator

    return V31ResponseValidator(SchemaPath.from_dict(DOCUMENT))
