"""The e-mails the service sends, in English and German: each names the organization, the
figure and what to do. The service has no Qt, so its two languages' texts are kept here."""

from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency

LOCALES = {"en": "en_US", "de": "de_DE"}

TEXTS = {
    "en": {
        "seats_available_below": (
            "{organization}: {available} seats available",
            "{organization} has {available} seats available, fewer than the {threshold} your "
            "alert watches for.\n\nFree the seats of users who no longer need them (Seats in "
            "Manage Account) or add seats before new users need them.",
        ),
        "invoice_due": (
            "{organization}: invoice {number} is due on {due}",
            "Invoice {number} of {organization} for {amount} is due on {due}.\n\nPlease pay it "
            "by then; the invoice says where to pay and the reference to give.",
        ),
        "invoice_overdue": (
            "{organization}: invoice {number} is overdue",
            "Invoice {number} of {organization} for {amount} was due on {due} and is not paid."
            "\n\nPlease pay it now, or tell your account manager if it was paid already.",
        ),
        "renewal_window": (
            "{organization}: the contract can be renewed until {end}",
            "The contract of {organization} ends on {end}. It can be renewed now (Renew in "
            "Manage Account); a reduction of seats goes through your account manager.",
        ),
        "reclaim_warning": (
            "Your seat at {organization} will be freed on {due}",
            "Hello {name},\n\n{organization} frees the seats of users who are inactive or "
            "disabled for a while. Yours will be freed on {due}.\n\nIf you still need it, sign "
            "in before then, or ask your administrator to keep it for you.",
        ),
        "approval_requested": (
            "{organization}: {requester} asks you to approve {amount}",
            "{requester} wants to buy {seats} seats for {organization} for {amount}, above "
            "their spending limit of {limit}. The price holds until {valid_until}.\n\n"
            "Approve or deny {number} under Administration > Approvals in Manage Account.",
        ),
        "approval_approved": (
            "{organization}: {number} for {amount} is approved",
            "{approver} approved your purchase of {seats} seats for {amount} ({number}); it is "
            "ordered at the price you were quoted.",
        ),
        "approval_denied": (
            "{organization}: {number} for {amount} is denied",
            "{approver} did not approve your purchase of {seats} seats for {amount} "
            "({number}), so nothing was ordered. The reason given:\n\n{reason}",
        ),
    },
    "de": {
        "seats_available_below": (
            "{organization}: {available} Lizenzen verfügbar",
            "{organization} hat noch {available} verfügbare Lizenzen, weniger als die "
            "{threshold}, bei denen Ihre Benachrichtigung auslöst.\n\nGeben Sie Lizenzen von "
            "Benutzern frei, die sie nicht mehr brauchen (Lizenzen in Manage Account), oder "
            "kaufen Sie Lizenzen hinzu, bevor neue Benutzer sie brauchen.",
        ),
        "invoice_due": (
            "{organization}: Rechnung {number} ist am {due} fällig",
            "Die Rechnung {number} von {organization} über {amount} ist am {due} fällig.\n\n"
            "Bitte bezahlen Sie sie bis dahin; auf der Rechnung stehen die Bankverbindung und "
            "der Verwendungszweck.",
        ),
        "invoice_overdue": (
            "{organization}: Rechnung {number} ist überfällig",
            "Die Rechnung {number} von {organization} über {amount} war am {due} fällig und "
            "ist nicht bezahlt.\n\nBitte bezahlen Sie sie jetzt oder sagen Sie Ihrem "
            "Ansprechpartner Bescheid, falls sie schon bezahlt ist.",
        ),
        "renewal_window": (
            "{organization}: Der Vertrag kann bis zum {end} verlängert werden",
            "Der Vertrag von {organization} endet am {end}. Er kann jetzt verlängert werden "
            "(Verlängern in Manage Account); weniger Lizenzen vereinbaren Sie mit Ihrem "
            "Ansprechpartner.",
        ),
        "reclaim_warning": (
            "Ihre Lizenz bei {organization} wird am {due} freigegeben",
            "Hallo {name},\n\n{organization} gibt die Lizenzen von Benutzern frei, die eine "
            "Zeit lang inaktiv oder deaktiviert sind. Ihre wird am {due} freigegeben.\n\n"
            "Wenn Sie sie noch brauchen, melden Sie sich vorher an oder bitten Sie Ihren "
            "Administrator, sie Ihnen zu lassen.",
        ),
        "approval_requested": (
            "{organization}: {requester} bittet Sie, {amount} zu genehmigen",
            "{requester} möchte für {organization} {seats} Lizenzen für {amount} kaufen, mehr "
            "als das Ausgabenlimit von {limit}. Der Preis gilt bis zum {valid_until}.\n\n"
            "Genehmigen Sie {number} unter Verwaltung > Genehmigungen in Manage Account, oder "
            "lehnen Sie ab.",
        ),
        "approval_approved": (
            "{organization}: {number} über {amount} ist genehmigt",
            "{approver} hat Ihren Kauf von {seats} Lizenzen für {amount} ({number}) "
            "genehmigt; er ist zum angebotenen Preis bestellt.",
        ),
        "approval_denied": (
            "{organization}: {number} über {amount} ist abgelehnt",
            "{approver} hat Ihren Kauf von {seats} Lizenzen für {amount} ({number}) nicht "
            "genehmigt; es wurde nichts bestellt. Die Begründung:\n\n{reason}",
        ),
    },
}


def message(kind: str, language: str, **values: object) -> tuple[str, str]:
    """The subject and body of a message of `kind` in `language` (English if not known), the
    values put in: dates and (amount, currency) pairs written as the language writes them."""
    language = language if language in TEXTS else "en"
    locale = LOCALES[language]
    filled = {name: _written(value, locale) for name, value in values.items()}
    subject, body = TEXTS[language][kind]
    return subject.format(**filled), body.format(**filled)


def _written(value: object, locale: str) -> object:
    if isinstance(value, date):
        return format_date(value, "long", locale=locale)
    if isinstance(value, tuple):  # (Decimal amount, ISO 4217 currency)
        return format_currency(*value, locale=locale)
    return value
