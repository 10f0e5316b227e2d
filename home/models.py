from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.cache import depends_on
from core.pages import ViewRestrictionsByPath
from core.seo import social_card


class HomePage(ViewRestrictionsByPath, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["stories.StoryIndexPage", "workshops.WorkshopIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Most requests are for a story: find it by its URL path in one
        query (stories.StoryIndexPage.route_story_below). Else go to the
        story index, found (already specific) in one query instead of
        Wagtail's two."""
        if len(path_components) == 2:
            from stories.models import StoryIndexPage

            route = StoryIndexPage.route_story_below(
                request, self.url_path, *path_components, using=self._state.db
            )
            if route is not None:
                return route
        if path_components:
            from .selectors import story_index_child  # selectors import this module

            index = story_index_child(self, slug=path_components[0])
            if index is not None:
                index._cached_parent_obj = self
                return index.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from stories.invalidation import HOME

        from .context import home_page_view  # context imports this module's models

        depends_on(HOME, page=True)
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_view(self, request=request))
        context["social"] = social_card(description=self.search_description or self.intro)
        return context
