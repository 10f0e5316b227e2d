from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

MARKETPLACES = [
    ("gem", "GeM"),
    ("ondc", "ONDC"),
    ("amazon", "Amazon"),
    ("flipkart", "Flipkart"),
    ("own", _("Own store")),
    ("other", _("Other")),
]


class MarketplaceLinkBlock(blocks.StructBlock):
    marketplace = blocks.ChoiceBlock(choices=MARKETPLACES)
    url = blocks.URLBlock(max_length=500)

    class Meta:
        icon = "link-external"


class Seller(TranslatableMixin, Orderable):
    """An artisan, farmer, FPO, SHG or enterprise behind a story.

    Stories exist to grow local e-commerce, so each seller carries where to buy.
    """

    class Kind(models.TextChoices):
        ARTISAN = "artisan", _("Artisan")
        FARMER = "farmer", _("Farmer")
        FPO = "fpo", _("Farmer Producer Organisation")
        SHG = "shg", _("Self-Help Group")
        ENTERPRISE = "enterprise", _("Enterprise")

    page = ParentalKey("stories.SuccessStoryPage", on_delete=models.CASCADE, related_name="sellers")
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    where_to_buy = StreamField([("link", MarketplaceLinkBlock())], blank=True, verbose_name=_("where to buy"))

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("where_to_buy")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("kind"),
        # Store links are the same in every language.
        SynchronizedField("where_to_buy"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("seller")

    def __str__(self):
        return self.name
