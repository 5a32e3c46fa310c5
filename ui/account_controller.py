"""The session from the window: sign out (here, everywhere, or to switch account), sign in
again when the session ends, Settings and the restart they may need, and what a lost
permission leaves behind on this computer."""

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QMessageBox

from desktop.access import forget_contract_data
from desktop.config import relaunch_command
from desktop.i18n import translate
from ui.controller import Controller
from ui.tasks import run_in_background

if TYPE_CHECKING:  # opened on demand: loaded when first opened, not at start
    from ui.settings_dialog import SettingsDialog
    from ui.sign_in_dialog import SignInDialog


class AccountController(Controller):
    _signing_in_again = False

    def sign_out(self, then: Callable[[], object] | None = None) -> None:
        """End the session on the service, forget the stored token, and close the window
        (or do `then`)."""
        session, after = self.app.session, then or self.host.close
        from desktop.session import sign_out

        run_in_background(lambda: sign_out(session), lambda _: after(), lambda _: after())

    def sign_out_everywhere(self) -> None:
        """End every session of this administrator, on every computer, then close the window;
        when the service cannot be reached, say so and stay signed in."""
        session = self.app.session
        if session is None:  # working offline: no session to end yet
            self.say(
                translate(
                    "MainWindow",
                    "Sign Out Everywhere needs the account service: this computer is working "
                    "offline. Try again once the service answers.",
                )
            )
            return
        from desktop.session import sign_out_everywhere

        run_in_background(
            lambda: sign_out_everywhere(session),
            lambda _: self.host.close(),
            self._not_signed_out_everywhere,
        )

    def _not_signed_out_everywhere(self, error: Exception) -> None:
        QMessageBox.warning(
            self.host,
            translate("MainWindow", "Sign Out Everywhere"),
            translate(
                "MainWindow", "The sessions on other computers could not be ended: {error}"
            ).format(error=error),
        )

    def switch_account(self) -> None:
        """Sign out and start again at the sign-in dialog."""
        self.sign_out(then=self.restart)

    def restart(self) -> None:
        """Close the window (saving what it keeps) and start the app again."""
        command = relaunch_command()
        if self.host.close():
            QProcess.startDetached(command[0], command[1:])

    def show_settings(self) -> "SettingsDialog":
        from ui.settings_dialog import SettingsDialog  # loaded when first opened

        dialog = SettingsDialog(self.app.connection, self.host)
        dialog.accepted.connect(lambda: dialog.restart_needed and self._offer_restart())
        dialog.open()
        return dialog

    def _offer_restart(self) -> QMessageBox:
        """Language and service apply at start: offer to start again now."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("MainWindow", "Restart Manage Account?"),
            translate(
                "MainWindow",
                "The new language and account service apply when Manage Account starts again.",
            ),
            QMessageBox.StandardButton.NoButton,
            self.host,
        )
        box.setObjectName("restartQuestion")
        now = box.addButton(
            translate("MainWindow", "Restart &Now"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(translate("MainWindow", "&Later"), QMessageBox.ButtonRole.RejectRole)
        now.setObjectName("restartNowButton")
        now.clicked.connect(self.restart)
        box.open()
        return box

    def ask_to_sign_in_again(self) -> "SignInDialog | None":
        """The session ended (idle too long, too old, or signed out everywhere): ask for the
        password once, and go on syncing with the new session; Cancel keeps working offline."""
        if self._signing_in_again or not self.app.syncing:
            return None
        from ui.sign_in_dialog import SignInDialog  # loaded when first needed

        self._signing_in_again = True
        url = self.app.service_url or ""  # syncing: there is one
        dialog = SignInDialog(url, self.administrator.email, parent=self.host)
        dialog.email.setReadOnly(True)  # the same administrator: the window and ledger are theirs
        dialog.message.setText(
            translate("MainWindow", "Your session has ended. Sign in again to go on syncing.")
        )
        dialog.finished.connect(lambda _: self._signed_in_again(dialog))
        dialog.open()
        return dialog

    def _signed_in_again(self, dialog: "SignInDialog") -> None:
        self._signing_in_again = False
        email = self.administrator.email.casefold()
        if dialog.session is not None and dialog.session.administrator["email"].casefold() == email:
            self.app.resume(dialog.session)
        elif dialog.offline is not None:  # Work Offline: sync signs in when the service answers
            self.app.resume_offline(dialog.offline)

    def forget_contract_data(self) -> None:
        """Manage Account was taken away: keep no contract data here."""
        run_in_background(
            partial(forget_contract_data, self.organization), lambda _: None, self._forget_failed
        )

    def _forget_failed(self, error: Exception) -> None:
        self.say(
            translate(
                "MainWindow",
                "The contract data could not be removed from this computer ({error}); it is "
                "tried again when Manage Account starts.",
            ).format(error=error)
        )
