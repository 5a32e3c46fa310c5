"""Text in the user's language: the marker for translatable text, and loading translations.

Services call `translate(context, text)`, which the app routes through Qt's translators once
`install_translations` has run; without it (the reference service, scripts) the English source
text is used, so the service never needs Qt.
"""

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from billing.text import QT_TRANSLATE_NOOP, Refusal
from resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS = resource_path("translations")
CATALOG = "manage_account"
LANGUAGES = {"en": "English", "de": "Deutsch"}  # shipped translations, by ISO 639 code
DEFAULT_LANGUAGE = "en"

logger = logging.getLogger(__name__)
_qt_translate: Callable[[str, str, str | None, int], str] | None = None
_installed: list["QTranslator"] = []  # the QTranslators in use, so a switch can remove them


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The text in the user's language; `%n` in a plural text stands for `n`."""
    if _qt_translate is None:
        return text.replace("%Ln", str(n)).replace("%n", str(n)) if n >= 0 else text
    return _qt_translate(context, text, disambiguation, n)


def localized(refusal: Refusal) -> str:
    """A refusal of the billing core in the user's language, its fields filled in."""
    return refusal.render(translate(refusal.context, refusal.template))


def localized_answer(error: dict, fallback: str) -> str:
    """An error answer of the service in the user's language, when it carries its marked text
    (see `Refusal.localizable`) and we know the text; else `fallback`, as the service said it."""
    text = error.get("localizable")
    if not isinstance(text, dict) or not isinstance(text.get("fields"), dict):
        return fallback
    try:
        return translate(str(text["context"]), str(text["text"])).format(**text["fields"])
    except (KeyError, IndexError, ValueError):  # a text or fields this version does not know
        return fallback


__all__ = [
    "QT_TRANSLATE_NOOP",
    "install_translations",
    "localized",
    "localized_answer",
    "translate",
]


def install_translations(app: "QCoreApplication", language: str | None = None) -> str:
    """Load our and Qt's translations for `language` (None: the system's); returns the locale.

    The locale (e.g. "de_AT") names the formats for dates, numbers and money; it keeps the
    system's country when the system already speaks the chosen language. English is the
    fallback for a language we do not ship; its catalog carries the English plural forms.
    """
    global _qt_translate
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    system = QLocale.system()
    if system.language() == QLocale.Language.C:  # LANG=C or unset: formats as en_US
        system = QLocale("en_US")
    locale = _locale_for(language, system) if language else system
    ours = QTranslator(app)
    if not ours.load(locale, CATALOG, "_", str(TRANSLATIONS)):
        ours.load(f"{CATALOG}_{DEFAULT_LANGUAGE}", str(TRANSLATIONS))
    qt_own = QTranslator(app)  # the buttons and dialogs that Qt itself provides
    qt_own.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for translator in (ours, qt_own):
        if not translator.isEmpty():
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(locale)
    _qt_translate = QCoreApplication.translate
    loaded = ", ".join(Path(t.filePath()).name for t in _installed) or "none"
    logger.info("Locale %s; translations: %s", locale.name(), loaded)
    return locale.name()


def _locale_for(language: str, system: "QLocale") -> "QLocale":
    from PySide6.QtCore import QLocale

    if QLocale(language).language() == system.language():
        return system
    return QLocale(language)
