from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Marketplace(models.TextChoices):
    # The stored value is a code; pages show the label, in the page's language.
    # Brand names stay as their owners write them.
    GEM = "gem", "GeM"
    ONDC = "ondc", "ONDC"
    AMAZON = "amazon", "Amazon"
    FLIPKART = "flipkart", "Flipkart"
    OWN = "own", _("Own store")
    OTHER = "other", _("Other")


MARKETPLACES = Marketplace.choices


class MarketplaceLinkValue(blocks.StructValue):
    @property
    def marketplace_label(self) -> str:
        """The marketplace as readers see it ("Own store" in their language), never the code."""
        code = self.get("marketplace")
        return Marketplace(code).label if code in Marketplace.values else str(code or "")


class MarketplaceLinkBlock(blocks.StructBlock):
    marketplace = blocks.ChoiceBlock(choices=MARKETPLACES)
    url = blocks.URLBlock(max_length=500)

    class Meta:
        icon = "link-external"
        value_class = MarketplaceLinkValue


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
