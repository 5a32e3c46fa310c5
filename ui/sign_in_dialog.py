"""The sign-in dialog: e-mail and password against the account service, off the GUI thread."""

from itertools import pairwise

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.access import holds_account_data
from desktop.session import (
    SignedIn,
    SignInRefused,
    WorkingOffline,
    remember,
    secure_storage_problem,
    sign_in,
)
from ui.focus_order import chain_buttons
from ui.named import named
from ui.tasks import run_in_background


class SignInDialog(QDialog):
    def __init__(
        self,
        service_url: str,
        email: str = "",
        password: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to Manage Account"))
        self.session: SignedIn | None = None
        self.offline: WorkingOffline | None = None  # chosen "Work offline"
        self.restart_needed = False  # Settings changed what applies when the app starts
        self.settings_dialog: QDialog | None = None
        self._service_url = service_url
        self.email = named(QLineEdit(email), "signInEmailEdit")
        self.email.setAccessibleName(self.tr("E-mail"))
        self.password = named(QLineEdit(password), "signInPasswordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.keep = named(QCheckBox(self.tr("&Keep me signed in")), "keepSignedInCheckBox")
        self.keep.setEnabled(False)  # until the credential store has answered
        self.message = named(QLabel(), "signInMessageLabel")
        self.message.setWordWrap(True)
        # Asking keyring for its backend may mean a D-Bus round trip: not on the GUI thread.
        run_in_background(secure_storage_problem, self._show_storage, self._show_storage)
        self.button = named(QPushButton(self.tr("&Sign In")), "signInButton")
        self.button.clicked.connect(self._sign_in)
        # Without a session the app cannot start: the button that leaves says so.
        quit_button = named(QPushButton(self.tr("&Quit")), "signInQuitButton")
        quit_button.setToolTip(self.tr("Close Manage Account without signing in (Esc)"))
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        # The service's address and the proxy are fixed in Settings, reachable from here.
        settings_button = named(QPushButton(self.tr("Se&ttings…")), "signInSettingsButton")
        settings_button.setToolTip(self.tr("The account service's address, the proxy, language"))
        settings_button.setAutoDefault(False)
        settings_button.clicked.connect(self.show_settings)
        # Shown when the service cannot be reached and this computer keeps the account's data.
        self.offline_button = named(QPushButton(self.tr("Work &Offline")), "workOfflineButton")
        self.offline_button.setToolTip(
            self.tr(
                "Opens this computer's copy of your account; sync starts when the service is back"
            )
        )
        self.offline_button.setAutoDefault(False)
        self.offline_button.clicked.connect(self._work_offline)
        buttons = QDialogButtonBox()
        buttons.addButton(settings_button, QDialogButtonBox.ButtonRole.HelpRole)
        buttons.addButton(self.button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.offline_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.offline_button.hide()  # after addButton, which shows it
        self._offline_email: str | None = None  # the e-mail whose local data was found
        for field in (self.email, self.password):
            field.returnPressed.connect(self._sign_in)
        self.email.textChanged.connect(self._forget_offline)
        form = QFormLayout(self)
        email_label, password_label = QLabel(self.tr("&E-mail:")), QLabel(self.tr("&Password:"))
        email_label.setBuddy(self.email)
        password_label.setBuddy(self.password)
        form.addRow(email_label, self.email)
        form.addRow(password_label, self.password)
        form.addRow("", self.keep)
        form.addRow(self.message)
        form.addRow(buttons)
        self.setMinimumWidth(420)
        # Enter in either field signs in; set once laid out in the dialog, or Tab over the
        # buttons takes the default away and Enter presses nothing.
        self.button.setDefault(True)
        self._buttons = buttons
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Fields top to bottom, then the buttons as they stand, left to right."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        for first, second in pairwise([self.email, self.password, self.keep]):
            self.setTabOrder(first, second)
        chain_buttons(self.keep, self._buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._order_tabs()

    def show_settings(self) -> QDialog:
        """Settings, over this dialog; what applies at start makes the app start again."""
        from ui.settings_dialog import SettingsDialog  # loaded when first opened

        dialog = self.settings_dialog = SettingsDialog(None, self)
        dialog.accepted.connect(lambda: self._settings_saved(dialog))
        dialog.open()
        return dialog

    def _settings_saved(self, dialog: QDialog) -> None:
        if getattr(dialog, "restart_needed", False):
            self.restart_needed = True  # the caller starts Manage Account again with them
            self.reject()

    def _work_offline(self) -> None:
        email = self._offline_email
        if email is None or email != self.email.text():
            return  # offered for another e-mail: sign in again to be offered it for this one
        self.offline = WorkingOffline(self._service_url, email, self.password.text())
        self.accept()

    def _forget_offline(self) -> None:
        """Work Offline was offered for the e-mail as it was; another one is not checked."""
        self._offline_email = None
        self.offline_button.hide()

    def _show_storage(self, problem: object) -> None:
        problem = str(problem) if problem else None
        self.keep.setEnabled(problem is None)
        self.keep.setToolTip(
            problem or self.tr("Stored in your operating system's credential store.")
        )
        if problem and not self.message.text():
            self.message.setText(problem)
            self.adjustSize()  # room for every line of it

    def _sign_in(self) -> None:
        if not self.button.isEnabled():
            return
        self.button.setEnabled(False)
        self.message.setText(self.tr("Signing in…"))
        url, email, password = self._service_url, self.email.text(), self.password.text()
        keep = self.keep.isChecked()

        def call() -> SignedIn:
            try:
                session = sign_in(url, email, password)
            except SignInRefused as error:
                error.offline_possible = error.unreachable and holds_account_data(email)
                raise
            if keep:
                remember(session)
            return session

        self._offline_email = email
        run_in_background(call, self._signed_in, self._refused)

    def _signed_in(self, session: SignedIn) -> None:
        self.session = session
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.button.setEnabled(True)
        message = str(error)
        possible = isinstance(error, SignInRefused) and error.offline_possible
        possible = possible and self._offline_email is not None  # not edited since
        self.offline_button.setVisible(possible)
        self._order_tabs()
        if possible:
            message += " " + self.tr(
                "This computer keeps your account's data: Work Offline opens it, and sync "
                "starts by itself when the service answers."
            )
        if isinstance(error, SignInRefused) and error.retry_at is not None:
            local = QDateTime.fromSecsSinceEpoch(int(error.retry_at.timestamp())).toLocalTime()
            at = QLocale().toString(local.time(), QLocale.FormatType.ShortFormat)
            message = self.tr(
                "Too many failed sign-ins for this e-mail. Try again after {time}."
            ).format(time=at)
        self.message.setText(message)
        self.adjustSize()  # room for a message of several lines
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.password.selectAll()
