"""Marking text for translation here, and refusals that carry their text and a stable code.

The core never translates: it marks each text with Qt's `QT_TRANSLATE_NOOP` name, which
`lupdate` collects, and the desktop passes the marked text through `translate`. The service
answers with the English text as written here.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's name, which lupdate knows
    """Marks text for translation where it is defined; `translate` it where it is shown."""
    return text


class Refusal(ValueError):
    """A rule said no. `code` is stable for programs; the text is fit to show a person.

    `template` is the English text with `{name}` fields, marked for translation in `context`
    (with no plural forms: lupdate sees no count in a marked text); `str()` gives it filled in,
    in English.
    """

    context = "Billing"

    def __init__(self, code: str, template: str, **fields: object) -> None:
        self.code, self.template, self.fields = code, template, fields
        super().__init__(self.render(template))

    def render(self, template: str) -> str:
        """`template` (the English text, or its translation) with the fields filled in."""
        return template.format(**self.fields)

    def localizable(self) -> dict:
        """What a client needs to say this in its user's language: the marked text and fields."""
        fields = {name: str(value) for name, value in self.fields.items()}
        return {"context": self.context, "text": self.template, "fields": fields}
