"""The status report's filters (Wagtail's filter drawer). They only clean the
values; the view passes them to the selectors."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from taxonomy.models import Sector, State

from .forms import locale_choices
from .selectors import Status, source_language_taxonomy


class StatusReportFilterSet(WagtailFilterSet):
    state = django_filters.ModelChoiceFilter(
        label=_("State/UT"), queryset=lambda request: source_language_taxonomy(State), empty_label=_("Any")
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"), queryset=lambda request: source_language_taxonomy(Sector), empty_label=_("Any")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=lambda: locale_choices(), empty_label=_("All languages")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("Any status")
    )
    q = django_filters.CharFilter(label=_("Headline contains"))
    story = django_filters.NumberFilter(widget=forms.HiddenInput)

    def filter_queryset(self, queryset):
        return queryset  # see TranslationStatusReportView.get_queryset

    def values(self) -> dict:
        return self.form.cleaned_data if self.is_valid() else {}
