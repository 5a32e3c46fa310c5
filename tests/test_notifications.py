"""The notification area: one notice at a time, the most urgent; the rest a click away, most
urgent first; Dismiss or its owner takes a notice back and the next one shows."""

from ui.notifications import LATE_SEATS, OFFLINE, RENEWAL, SEATS_LIVE, NotificationArea
from ui.sync_status import Banner


def area_with_notices(qtbot):
    area = NotificationArea()
    qtbot.addWidget(area)
    notices = {
        rank: Banner(name, kind)
        for rank, name, kind in (
            (SEATS_LIVE, "live", "live"),
            (OFFLINE, "offline", "delay"),
            (RENEWAL, "renewal", "delay"),
            (LATE_SEATS, "late", "delay"),
        )
    }
    for rank, notice in notices.items():
        area.add(notice, rank)
    # not shown by hand: the area shows itself once something is posted
    return area, notices


def test_nothing_posted_takes_no_room(qtbot):
    area, _ = area_with_notices(qtbot)
    assert not area.isVisible()


def test_the_most_urgent_shows_and_the_others_wait_in_order(qtbot):
    area, notices = area_with_notices(qtbot)
    notices[SEATS_LIVE].show_text("4 new seats are live.")
    assert area.isVisible() and notices[SEATS_LIVE].isVisible() and not area.more.isVisible()
    notices[RENEWAL].show_text("Your contract ends soon.")  # more urgent: it takes the place
    notices[OFFLINE].show_text("Working offline.")  # the most urgent: it explains the rest
    shown = [notices[OFFLINE], notices[RENEWAL], notices[SEATS_LIVE]]
    assert [n.isVisible() for n in shown] == [True, False, False]
    assert area.posted() == shown
    assert area.more.isVisible() and "2" in area.more.text()
    area.more.click()  # all of them, most urgent on top
    assert all(n.isVisible() for n in shown)
    assert [n.y() for n in shown] == sorted(n.y() for n in shown)
    area.more.click()
    assert [n.isVisible() for n in shown] == [True, False, False]


def test_dismiss_and_withdraw_show_the_next(qtbot):
    area, notices = area_with_notices(qtbot)
    for rank in (SEATS_LIVE, LATE_SEATS, OFFLINE):
        notices[rank].show_text(f"notice {rank}")
    notices[OFFLINE].hide()  # its owner takes it back: the service answers again
    assert not area.is_posted(notices[OFFLINE]) and notices[LATE_SEATS].isVisible()
    notices[LATE_SEATS].linkActivated.emit("#dismiss")  # the reader has seen it
    assert notices[SEATS_LIVE].isVisible() and not area.more.isVisible()
    notices[SEATS_LIVE].linkActivated.emit("#dismiss")
    assert area.posted() == [] and not area.isVisible()
    notices[OFFLINE].show_text("Working offline again.")  # posted anew
    assert area.isVisible() and notices[OFFLINE].isVisible()
