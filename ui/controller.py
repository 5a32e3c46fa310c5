"""What a feature of the main window starts from: the window its dialogs open over, the running
application, and the status bar to report to."""

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.application import Application
from desktop.models import Administrator, Organization


class Controller(QObject):
    """A feature's dialogs and slots; the window creates it and wires its signals to it."""

    def __init__(self, host: QWidget, application: Application, say: Callable[[str], None]):
        super().__init__(host)
        self.host, self.app, self.say = host, application, say
        self.locale = application.locale

    @property
    def administrator(self) -> Administrator:
        administrator = self.app.administrator
        assert administrator is not None  # a window opens only for someone signed in
        return administrator

    @property
    def organization(self) -> Organization:
        return self.administrator.organization

    @property
    def timezone(self) -> str:
        return self.organization.timezone
