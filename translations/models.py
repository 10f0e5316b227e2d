"""The glossary applied to machine translation output."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from languages import registry


def _language_choices():
    return [(language.code, f"{language.name} ({language.native_name})") for language in registry.LANGUAGES]


class GlossaryTerm(ClusterableModel):
    """A term that machine translation must leave alone, or render one fixed way.

    "ODOP", product names, GI names and office names. With `do_not_translate`
    the term is kept as written in every language; otherwise each rendering
    fixes its translation in one language (languages without a rendering
    leave it to the machine).
    """

    term = models.CharField(_("term"), max_length=255, unique=True)
    do_not_translate = models.BooleanField(
        _("do not translate"), default=False, help_text=_("Keep the term exactly as written in every language.")
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [FieldPanel("term"), FieldPanel("do_not_translate"), FieldPanel("note"), InlinePanel("renderings")]

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")

    def __str__(self):
        return self.term


class GlossaryRendering(Orderable):
    term = ParentalKey(GlossaryTerm, on_delete=models.CASCADE, related_name="renderings")
    language_code = models.CharField(_("language"), max_length=8, choices=_language_choices)
    rendering = models.CharField(_("rendering"), max_length=255)

    panels = [FieldPanel("language_code"), FieldPanel("rendering")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["term", "language_code"], name="unique_glossary_rendering_per_language")
        ]
        verbose_name = _("rendering")

    def __str__(self):
        return f"{self.term} → {self.rendering} ({self.language_code})"
