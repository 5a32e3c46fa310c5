"""What both sides' PDF documents agree on: a document is dated when its event happened (the
purchase, the invoice's issue), never when it was printed, so the same state gives the same
bytes; its line-item table's columns are as wide as their texts need; its title says which
kind of order it confirms."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace

from billing.kinds import OrderKind
from billing.text import QT_TRANSLATE_NOOP

TITLES = {
    OrderKind.PURCHASE: QT_TRANSLATE_NOOP("Receipt", "Order confirmation"),
    OrderKind.RENEWAL: QT_TRANSLATE_NOOP("Receipt", "Renewal confirmation"),
}
PAID_TITLE = QT_TRANSLATE_NOOP("Receipt", "Receipt")


def document_title(kind: OrderKind, paid: bool = False) -> str:
    """The marked title of an order's document: its kind's confirmation until the vendor's
    invoice is paid, then a receipt."""
    return PAID_TITLE if paid else TITLES[OrderKind(kind)]


def pdf_time_stamp(moment: datetime) -> SimpleNamespace:
    """`moment` in the shape of reportlab's TimeStamp (UTC), for `canvas._doc._timeStamp`:
    reportlab has no public setter for the creation date."""
    when = moment.astimezone(UTC)
    local = when.timetuple()
    return SimpleNamespace(
        t=when.timestamp(), lt=local, YMDhms=tuple(local)[:6], dhh=0, dmm=0, tzname="UTC"
    )


@dataclass(frozen=True)
class Column:
    """A right-aligned column of a document's line-item table: its right edge, its width, and
    its header and value as the lines they print on."""

    right: float
    width: float
    header: tuple[str, ...]
    value: tuple[str, ...]


def wrap(
    text: str, measure: Callable[[str], float], width: float, break_words: bool = False
) -> tuple[str, ...]:
    """`text` broken at spaces into lines no wider than `width` where a word allows it; with
    `break_words`, a word wider than that (a long PO number, a name without spaces) is broken
    between its characters as well, so nothing runs past `width`."""
    lines: list[str] = []
    for word in text.split():
        if lines and measure(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        elif break_words and measure(word) > width:
            lines.extend(_pieces(word, measure, width))
        else:
            lines.append(word)
    return tuple(lines) or ("",)


def _pieces(word: str, measure: Callable[[str], float], width: float) -> list[str]:
    pieces = [""]
    for character in word:
        if pieces[-1] and measure(pieces[-1] + character) > width:
            pieces.append("")
        pieces[-1] += character
    return pieces


def item_columns(
    cells: Sequence[tuple[str, str]],
    measure_header: Callable[[str], float],
    measure_value: Callable[[str], float],
    right: float,
    header_width: float = 78,
    gap: float = 12,
) -> list[Column]:
    """The numeric columns (header, value) from the right edge leftwards, as wide as their value
    or their header wrapped to `header_width` (never narrower than its longest word), so no
    header or value reaches into its neighbour, in any language. The value wraps too, at its
    spaces, if it is wider than the page leaves room for (beyond twice `header_width`)."""
    columns: list[Column] = []
    edge = right
    for header, value in reversed(cells):
        longest_word = max(measure_header(word) for word in header.split())
        width = max(
            min(measure_value(value), 2 * header_width),
            min(measure_header(header), header_width),
            longest_word,
        )
        columns.append(
            Column(
                edge, width, wrap(header, measure_header, width), wrap(value, measure_value, width)
            )
            if measure_value(value) > width
            else Column(edge, width, wrap(header, measure_header, width), (value,))
        )
        edge -= width + gap
    return columns[::-1]
