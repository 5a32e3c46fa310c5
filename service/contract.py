"""The OpenAPI document as the enforced contract: every request is checked against it before
a handler runs, and in the test suite every response is checked too (openapi-core)."""

import json
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from jsonschema_path import SchemaPath
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.templating.paths.exceptions import PathError
from openapi_core.validation.request.exceptions import (
    InvalidRequestBody,
    MissingRequiredRequestBody,
    ParameterValidationError,
)
from openapi_core.validation.request.validators import (
    V31RequestBodyValidator,
    V31RequestParametersValidator,
)
from openapi_core.validation.response.validators import V31ResponseValidator
from werkzeug.wrappers import Request as WerkzeugRequest
from werkzeug.wrappers import Response as WerkzeugResponse

OPENAPI = Path(__file__).with_name("openapi.json")
DOCUMENT = json.loads(OPENAPI.read_text())
OWN_CODE = "x-error-code"  # a property whose violation the handler answers, with this code
_SPEC = SchemaPath.from_dict(DOCUMENT)
_PARAMETERS = V31RequestParametersValidator(_SPEC)
_BODY = V31RequestBodyValidator(_SPEC)
_RESPONSES = V31ResponseValidator(_SPEC)


@dataclass(frozen=True)
class Breach:
    """How a request breaks the contract, as the answer says it."""

    status: int
    code: str
    message: str
    extra: dict


def request_breach(environ: dict, body: bytes) -> Breach | None:
    """The first way the request breaks the document, or None when it keeps to it.

    Violations of properties marked `x-error-code` are left to the handler, which refuses them
    with that code and a message of the business rules (422).
    """
    request = _openapi_request(environ, body)
    for error in _PARAMETERS.iter_errors(request):
        if isinstance(error, ParameterValidationError):
            reason = _reasons(error) or str(error)
            return Breach(
                400,
                "invalid_parameter",
                f"The {error.location} parameter {error.name} is not valid: {reason}",
                {"parameter": error.name},
            )
    for error in _BODY.iter_errors(request):
        return _body_breach(error, environ)
    return None


def response_breach(
    environ: dict, body: bytes, status: int, headers: list, payload: bytes
) -> str | None:
    """Why an answer does not match the document, or None: for the test suite."""
    if status == 500:  # a failure already, never documented: nothing to compare
        return None
    response = WerkzeugOpenAPIResponse(WerkzeugResponse(payload, status, headers))
    errors = [
        error
        for error in _RESPONSES.iter_errors(_openapi_request(environ, body), response)
        if not isinstance(error, PathError)  # not in the document: the router said 404 or 405
    ]
    return "; ".join(f"{e}: {_reasons(e)}" for e in errors) or None


def _body_breach(error: Exception, environ: dict) -> Breach | None:
    if isinstance(error, MissingRequiredRequestBody):
        return Breach(400, "invalid_request", "This request needs a JSON body.", {})
    if not isinstance(error, InvalidRequestBody):
        media = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if media != "application/json":
            return Breach(
                415,
                "unsupported_media_type",
                f"Send the body as application/json, not {media or 'without a Content-Type'}.",
                {},
            )
        return Breach(400, "malformed_json", "The body is not valid JSON.", {})
    unowned = [e for e in _schema_errors(error) if _own_code(e) is None]
    if not unowned:
        return None
    first = unowned[0]
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
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        return min(set(error.instance) - set(known), default="body")
    return _missing(error) or "body"


def _own_code(error: object) -> str | None:
    """The code a violated property names for itself (a missing one: its declaration)."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "required":
        schema = schema.get("properties", {}).get(_missing(error), {})
    return schema.get(OWN_CODE)


def _missing(error: object) -> str | None:
    if error.validator != "required":
        return None
    return error.message.split("'")[1]  # "'seats' is a required property"


def _schema_errors(error: Exception) -> list:
    return list(getattr(error.__cause__, "schema_errors", None) or [])


def _reasons(error: Exception) -> str:
    found = [e.message for e in _schema_errors(error)]
    return "; ".join(found) or (str(error.__cause__) if error.__cause__ else "")


def _openapi_request(environ: dict, body: bytes) -> WerkzeugOpenAPIRequest:
    return WerkzeugOpenAPIRequest(WerkzeugRequest({**environ, "wsgi.input": BytesIO(body)}))
