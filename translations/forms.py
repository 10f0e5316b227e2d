from django import forms
from django.utils.translation import gettext_lazy as _

from languages import registry

from .services.roles import enabled_codes


def locale_choices(exclude: str | None = None) -> list[tuple[str, str]]:
    return [
        (code, f"{registry.get(code).native_name} ({registry.get(code).name})")
        for code in enabled_codes()
        if code != exclude
    ]


class LocalesForm(forms.Form):
    """Which languages to submit to; none ticked means all enabled ones."""

    locales = forms.MultipleChoiceField(
        label=_("Languages"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to submit to every enabled language."),
    )

    def __init__(self, *args, exclude_code: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locales"].choices = locale_choices(exclude_code)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".po,.zip"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)]


class POImportForm(forms.Form):
    files = MultipleFileField(label=_("PO files or a zip of them"))
