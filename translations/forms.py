from django import forms
from django.utils.translation import gettext_lazy as _

from languages import registry
from taxonomy.models import Sector, State

from .selectors import Status
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


class ReportFilterForm(forms.Form):
    state = forms.ModelChoiceField(label=_("State/UT"), queryset=State.objects.none(), required=False)
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.none(), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    q = forms.CharField(label=_("Headline contains"), required=False)
    story = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = {"locale__language_code": "en"}
        self.fields["state"].queryset = State.objects.filter(**default)
        self.fields["sector"].queryset = Sector.objects.filter(**default)
        self.fields["language"].choices = [("", _("All languages")), *locale_choices()]
        self.fields["status"].choices = [("", _("Any status")), *Status.choices]


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
