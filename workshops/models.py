from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.cache import depends_on
from core.seo import social_card


class WorkshopIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["workshops.WorkshopPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("workshop index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import workshops_under  # selectors import this module's models

        depends_on(page=True)  # shows no story: only the content generation
        context = super().get_context(request, *args, **kwargs)
        context["workshops"] = workshops_under(self)
        return context


class WorkshopPage(Page):
    """An ODOP Sampark workshop held in a state, and the stories shown there."""

    state = models.ForeignKey("taxonomy.State", on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("date"))
    venue = models.CharField(_("venue"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    stories = ParentalManyToManyField("stories.SuccessStoryPage", blank=True, related_name="workshops")

    content_panels = [
        *Page.content_panels,
        FieldPanel("state"),
        FieldPanel("date"),
        FieldPanel("venue"),
        FieldPanel("summary"),
        FieldPanel("stories"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("venue"),
        TranslatableField("summary"),
        TranslatableField("state"),
        SynchronizedField("date"),
        # Links to the source-language stories; templates show the reader's
        # translation of each through selectors.localize_pages.
        SynchronizedField("stories"),
    ]

    parent_page_types = ["workshops.WorkshopIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("ODOP Sampark workshop")

    def get_context(self, request, *args, **kwargs):
        from stories.invalidation import story_tag

        from .context import workshop_page_view  # context imports this module's models

        # The stories it shows (stories.invalidation purges the workshops linking a story).
        depends_on(
            *(story_tag(key) for key in self.stories.values_list("translation_key", flat=True)), page=True
        )
        context = super().get_context(request, *args, **kwargs)
        context.update(workshop_page_view(self, request=request))
        context["social"] = social_card(description=self.search_description or self.summary)
        return context
