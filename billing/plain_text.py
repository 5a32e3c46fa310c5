"""The one rule for text people type, kept by the desktop before sending and by the service.

A single-line field (a name, a PO number, an e-mail) refuses every character of Unicode's
categories Cc (controls), Cf (format: zero-width spaces, byte-order marks, bidirectional
overrides), Zl and Zp (line and paragraph separators) and Cs (lone surrogates, which no UTF-8
can carry). A multi-line field (a note, instructions, a reason) allows the line feed among them,
and only it (a CR LF or a lone CR becomes a line feed first). NUL and lone surrogates are refused
anywhere, even where the rule is not asked for. Text is normalized to NFC once, where it enters.
"""

import unicodedata

from billing.text import QT_TRANSLATE_NOOP, Refusal

REFUSED_CATEGORIES = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs"))
LINE_FEED = "\n"
SINGLE_LINE = QT_TRANSLATE_NOOP(
    "PlainText",
    "{field} cannot contain {character}: type it on one line, without control or invisible "
    "formatting characters.",
)
MULTI_LINE = QT_TRANSLATE_NOOP(
    "PlainText",
    "{field} cannot contain {character}: line breaks are fine, control and invisible "
    "formatting characters are not.",
)
TOO_LONG = QT_TRANSLATE_NOOP("PlainText", "{field} can have at most {limit} characters.")


class TextRefusal(Refusal):
    """Text that breaks the rule; `field` names the field as the caller called it."""

    context = "PlainText"

    def __init__(self, field: str, template: str, **fields: object) -> None:
        super().__init__("invalid_text", template, field=field, **fields)
        self.field = field


def normalized(text: str, multiline: bool = False) -> str:
    """`text` in NFC; in a multi-line field CR LF and lone CRs become line feeds."""
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def refused_character(text: str, multiline: bool = False) -> str | None:
    """The first character `text` may not contain, or None when it keeps to the rule."""
    for character in text:
        if unicodedata.category(character) in REFUSED_CATEGORIES and not (
            multiline and character == LINE_FEED
        ):
            return character
    return None


def unsafe_character(text: str) -> str | None:
    """NUL or a lone surrogate: refused everywhere, typed text or not (no database or UTF-8
    encoder takes them)."""
    for character in text:
        if character == "\x00" or "\ud800" <= character <= "\udfff":
            return character
    return None


def describe(character: str) -> str:
    """`U+2028 LINE SEPARATOR`: a character named so a person can find it."""
    name = unicodedata.name(character, "") if not "\ud800" <= character <= "\udfff" else ""
    return f"U+{ord(character):04X}" + (f" {name}" if name else "")


def check_text(text: str, field: str, multiline: bool = False, limit: int | None = None) -> str:
    """`text` normalized (NFC, line feeds), or TextRefusal saying what is wrong with it."""
    cleaned = normalized(text, multiline)
    bad = refused_character(cleaned, multiline)
    if bad is not None:
        template = MULTI_LINE if multiline else SINGLE_LINE
        raise TextRefusal(field, template, character=describe(bad))
    if limit is not None and len(cleaned) > limit:
        raise TextRefusal(field, TOO_LONG, limit=limit)
    return cleaned
