"""The first start with nothing to show yet: no account service is set and no contract is here
(as after installing the package and starting it from the menu)."""

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import translate
from ui.named import named

SETTINGS, DEMO, QUIT = "settings", "demo", "quit"


def ask_first_run(parent: QWidget | None = None) -> QMessageBox:
    """The question, with its answers as buttons named firstRunSettingsButton,
    firstRunDemoButton and firstRunQuitButton; `answer(box)` says which was pressed."""
    box = named(QMessageBox(parent), "firstRunDialog")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("FirstRunDialog", "Welcome to Manage Account"))
    box.setText(
        translate(
            "FirstRunDialog", "Connect Manage Account to your organization's account service."
        )
    )
    box.setInformativeText(
        translate(
            "FirstRunDialog",
            "Enter its address in Settings: your IT department or your account manager knows "
            "it. Or look around first with the demo organization, Northwind Traders.",
        )
    )
    for text, name, role in (
        (
            translate("FirstRunDialog", "Open &Settings…"),
            "firstRunSettingsButton",
            QMessageBox.ButtonRole.AcceptRole,
        ),
        (
            translate("FirstRunDialog", "Try the &Demo"),
            "firstRunDemoButton",
            QMessageBox.ButtonRole.ActionRole,
        ),
        (
            translate("FirstRunDialog", "&Quit"),
            "firstRunQuitButton",
            QMessageBox.ButtonRole.RejectRole,
        ),
    ):
        box.addButton(text, role).setObjectName(name)
    quit_button = box.findChild(type(box.buttons()[0]), "firstRunQuitButton")
    if quit_button is not None:
        box.setEscapeButton(quit_button)
    return box


def answer(box: QMessageBox) -> str:
    pressed = box.clickedButton()
    name = pressed.objectName() if pressed is not None else ""
    return {"firstRunSettingsButton": SETTINGS, "firstRunDemoButton": DEMO}.get(name, QUIT)
