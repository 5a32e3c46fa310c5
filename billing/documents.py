"""What both sides' PDF documents agree on: a document is dated when its event happened (the
purchase, the invoice's issue), never when it was printed, so the same state gives the same
bytes."""

from datetime import UTC, datetime
from types import SimpleNamespace


def pdf_time_stamp(moment: datetime) -> SimpleNamespace:
    """`moment` in the shape of reportlab's TimeStamp (UTC), for `canvas._doc._timeStamp`:
    reportlab has no public setter for the creation date."""
    when = moment.astimezone(UTC)
    local = when.timetuple()
    return SimpleNamespace(
        t=when.timestamp(), lt=local, YMDhms=tuple(local)[:6], dhh=0, dmm=0, tzname="UTC"
    )
