"""The ODOP taxonomy: where a product comes from and what kind it is.

Every snippet is translatable with wagtail-localize: names are translated;
codes and flags are synchronised from the source (a district's LGD code is
the same in every language). Foreign keys to other snippets are translated,
so a Hindi district points at the Hindi state.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TaxonomyBase(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=255)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class State(TaxonomyBase):
    """A State or Union Territory, with its Local Government Directory code."""

    lgd_code = models.PositiveIntegerField(_("LGD code"))

    panels = [FieldPanel("name"), FieldPanel("lgd_code")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("lgd_code")]

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("State/UT")
        verbose_name_plural = _("States/UTs")
        constraints = [
            models.UniqueConstraint(fields=["lgd_code", "locale"], name="unique_state_lgd_per_locale"),
        ]


class District(TaxonomyBase):
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="districts")
    lgd_code = models.PositiveIntegerField(_("LGD code"))

    panels = [FieldPanel("name"), FieldPanel("state"), FieldPanel("lgd_code")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("state"),
        SynchronizedField("lgd_code"),
    ]

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("district")
        constraints = [
            models.UniqueConstraint(fields=["lgd_code", "locale"], name="unique_district_lgd_per_locale"),
        ]


class Sector(TaxonomyBase):
    """One of the seven ODOP sectors (agriculture, handloom and textiles, ...)."""

    slug = models.SlugField(_("slug"), max_length=64)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    # The slug keys URLs and filters in every language, so it is synchronised.
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("sector")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_sector_slug_per_locale"),
        ]


class Product(TaxonomyBase):
    class Rank(models.TextChoices):
        PRIMARY = "primary", _("Primary")
        SECONDARY = "secondary", _("Secondary")
        TERTIARY = "tertiary", _("Tertiary")

    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="products")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="products")
    rank = models.CharField(_("rank"), max_length=16, choices=Rank.choices, default=Rank.PRIMARY)
    has_gi_tag = models.BooleanField(_("has a GI tag"), default=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("sector"),
        FieldPanel("district"),
        FieldPanel("rank"),
        FieldPanel("has_gi_tag"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("sector"),
        TranslatableField("district"),
        SynchronizedField("rank"),
        SynchronizedField("has_gi_tag"),
    ]

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("product")


class Ministry(TaxonomyBase):
    """A ministry or department, e.g. the Ministry of Commerce and Industry."""

    panels = [FieldPanel("name")]
    translatable_fields = [TranslatableField("name")]

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("ministry/department")
        verbose_name_plural = _("ministries/departments")


class IssuingOffice(TaxonomyBase):
    """PIB Delhi or one of PIB's regional branches."""

    city = models.CharField(_("city"), max_length=100, blank=True)

    panels = [FieldPanel("name"), FieldPanel("city")]
    translatable_fields = [TranslatableField("name"), TranslatableField("city")]

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("issuing office")
