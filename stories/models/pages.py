from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.cache import depends_on, remember
from core.pages import ViewRestrictionsByPath
from core.seo import social_card

from ..blocks import StoryBodyBlock, SubheadlineBlock
from ..lifecycle import is_withdrawn
from ..limits import story_limit_errors
from ..routes import story_routes
from .release_ids import ReleaseIdSequence


class StoryIndexPage(ViewRestrictionsByPath, RoutablePageMixin, Page):
    """The stories of one language, filterable by state, district, sector and
    product, with a landing page for each (/stories/district/164/)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.SuccessStoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")

    def get_context(self, request, *args, landing=None, **kwargs):
        from ..context import story_index_view  # context imports these models
        from ..invalidation import index_tag, landing_tag

        code = self.locale.language_code
        if landing is None:
            depends_on(index_tag(code), page=True)
        else:
            depends_on(landing_tag(code, landing[0], landing[1].translation_key), page=True)
        context = super().get_context(request, *args, **kwargs)
        context.update(story_index_view(index=self, params=request.GET, request=request, landing=landing))
        landing_title = context["landing"]["title"] if context["landing"] else None
        context["social"] = social_card(description=landing_title or self.search_description or self.intro)
        context["index_url"] = self.get_url(request)
        return context

    def route(self, request, path_components):
        """Find a story and the snippets its page shows in one query, where
        Wagtail's route would take two plus one per foreign key."""
        if len(path_components) == 1:
            from ..selectors import story_for_route

            story = story_for_route(parent=self, slug=path_components[0])
            if story is not None and is_withdrawn(story):
                return RouteResult(self, args=(self.withdrawn_story, (story,), {}))
            if story is not None:
                story._cached_parent_obj = self
                return story.route(request, [])
        return super().route(request, path_components)

    @classmethod
    def route_story_below(
        cls, request, home_url_path: str, index_slug: str, slug: str, *, using: str | None = None
    ) -> RouteResult | None:
        """The route of the live story at /<index_slug>/<slug>/ under the home
        page whose URL path is `home_url_path`, found in one query without
        reading the index page (the story page needs only the index's
        address, which is its own minus the slug); None where the tree must be
        walked instead (no such story, or a withdrawn one, which the index
        answers with 410)."""
        from ..selectors import story_at_path

        story = story_at_path(home_url_path=home_url_path, index_slug=index_slug, slug=slug, using=using)
        return cls.route_to_story(request, story)

    @staticmethod
    def route_to_story(request, story: "SuccessStoryPage | None") -> RouteResult | None:
        """The route of a story found by its URL path (`route_story_below`,
        home.routing), or None for the tree walk."""
        if story is None or is_withdrawn(story):
            return None
        return story.route(request, [])

    def withdrawn_story(self, request, story):
        """410 Gone for a story that was published and then withdrawn: its
        address is not a mistake, and search engines should drop it."""
        response = TemplateResponse(
            request, "stories/withdrawn.html", {"page": self, "self": self}, status=410
        )
        response["Cache-Control"] = "no-cache"
        return response

    @path("<str:kind>/<str:value>/")
    def landing_page(self, request, kind, value):
        from ..selectors import LANDING_KINDS, landing_object

        if kind not in LANDING_KINDS:
            raise Http404(f"no landing pages for {kind!r}")
        try:
            obj = landing_object(kind, value, locale=self.locale)
        except (TypeError, ValueError):
            obj = None
        if obj is None:
            raise Http404(f"no {kind} {value!r}")
        return self.render(request, landing=(kind, obj))

    def landing_url(self, kind: str, obj, request=None) -> str:
        """/en/stories/district/164/: states and districts by LGD code,
        sectors by slug, products by id."""
        return self.landing_url_under(self.get_url(request), kind, obj)

    @classmethod
    def landing_url_under(cls, index_url: str, kind: str, obj) -> str:
        """The same, given the index's own address; no query."""
        value = {"state": "lgd_code", "district": "lgd_code", "sector": "slug", "product": "pk"}[kind]
        return index_url + cls.landing_path(kind, getattr(obj, value))

    @classmethod
    def landing_path(cls, kind: str, value) -> str:
        """A landing page's path under any story index ("district/164/"); no query."""
        return cls.get_resolver().reverse("landing_page", kind, value)


class StoryTag(TaggedItemBase):
    content_object = ParentalKey(
        "stories.SuccessStoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class SuccessStoryPage(ViewRestrictionsByPath, RoutablePageMixin, Page):
    """An ODOP success story: one PIB release, in one language.

    The page title is the headline. Translations share the release ID, the
    posting time and the taxonomy; text is translated.
    """

    subheadlines = StreamField(SubheadlineBlock(), blank=True, verbose_name=_("subheadlines"))
    summary = models.TextField(_("summary"), blank=True)
    posted_at = models.DateTimeField(_("posted at"), default=timezone.now)
    embargo_until = models.DateTimeField(
        _("embargoed until"),
        null=True,
        blank=True,
        help_text=_("Hidden from the public site and public feeds until this time."),
    )
    release_id = models.PositiveBigIntegerField(
        _("release ID"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("PIB Release ID. Leave blank to assign the next one."),
    )
    issuing_office = models.ForeignKey(
        "taxonomy.IssuingOffice", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ministry = models.ForeignKey(
        "taxonomy.Ministry", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sector = models.ForeignKey(
        "taxonomy.Sector", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    districts = ParentalManyToManyField("taxonomy.District", blank=True, related_name="stories")
    products = ParentalManyToManyField("taxonomy.Product", blank=True, related_name="stories")
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(_("hero caption"), max_length=500, blank=True)
    hero_credit = models.CharField(_("hero credit"), max_length=255, blank=True)
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("body"))
    footer_initials = models.CharField(
        _("reference initials"), max_length=100, blank=True, help_text=_("e.g. MG/AR/PK")
    )
    tags = ClusterTaggableManager(through=StoryTag, blank=True)

    content_panels = [
        FieldPanel("title", heading=_("Headline")),
        FieldPanel("subheadlines"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("posted_at"), FieldPanel("release_id")]),
                FieldRowPanel([FieldPanel("issuing_office"), FieldPanel("ministry")]),
                FieldPanel("embargo_until"),
            ],
            heading=_("Release"),
        ),
        MultiFieldPanel(
            [FieldPanel("sector"), FieldPanel("districts"), FieldPanel("products")],
            heading=_("ODOP"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit")],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        InlinePanel("sellers", label=_("Sellers")),
        FieldPanel("footer_initials"),
        FieldPanel("tags"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("subheadlines"),
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("hero_caption"),
        # Credits name a person or agency, which translators may transliterate.
        TranslatableField("hero_credit"),
        # Initials are written in the release's own script (एमजी/एआर/पीके).
        TranslatableField("footer_initials"),
        TranslatableField("sellers"),
        # Foreign keys to translatable snippets: the translation points at the
        # translated snippet, so a Hindi story shows the Hindi sector name.
        TranslatableField("issuing_office"),
        TranslatableField("ministry"),
        TranslatableField("sector"),
        SynchronizedField("posted_at"),
        SynchronizedField("embargo_until"),
        SynchronizedField("release_id"),
        SynchronizedField("hero_image"),
        # Many-to-many links are copied as they are (wagtail-localize cannot
        # translate them); selectors.localize_taxonomy shows them in the
        # reader's language through their translation_key.
        SynchronizedField("districts"),
        SynchronizedField("products"),
        SynchronizedField("tags"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("subheadlines"),
        index.AutocompleteField("title"),
        index.FilterField("release_id"),
        index.FilterField("posted_at"),
        index.FilterField("sector"),
        index.FilterField("locale"),
        index.FilterField("embargo_until"),
        # Taxonomy as translation keys (the same in every language) and the
        # posting year, for the search engines' filters and aggregations.
        index.FilterField("state_keys", type="CharField"),
        index.FilterField("district_keys", type="CharField"),
        index.FilterField("sector_key", type="CharField"),
        index.FilterField("product_keys", type="CharField"),
        index.FilterField("posted_year", type="IntegerField"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")
        indexes = [
            # Every listing orders by (-posted_at, -pk) and shows its first page:
            # read in index order, it stops after a page of stories however many exist.
            models.Index(fields=["posted_at", "page_ptr"], name="story_posted_at_idx"),
            # The stories under embargo now (the editors' dashboard, the lifts):
            # a few rows of a column that is NULL for almost every story.
            models.Index(fields=["embargo_until"], name="story_embargo_until_idx"),
        ]

    def clean(self):
        super().clean()
        # Size limits first (core.limits): every save and publish path runs them.
        errors = story_limit_errors(self)
        if self.release_id and self._release_id_taken_by_other_story():
            errors["release_id"] = [
                _("Release ID %(id)s belongs to another story.") % {"id": self.release_id}
            ]
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.release_id:
            self.release_id = self._shared_release_id() or ReleaseIdSequence.next_value()
        else:
            ReleaseIdSequence.observe(self.release_id)
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..context import story_page_view  # context imports these models
        from ..invalidation import links_tag, story_tag

        depends_on(story_tag(self.translation_key), page=True)
        context = super().get_context(request, *args, **kwargs)
        context.update(
            remember(
                name="story",
                parts=(request.get_host(), self.pk),
                compute=lambda: story_page_view(self, request=request),
                tags=(story_tag(self.translation_key),),
                # A withdrawn related story leaves this page (stories.invalidation).
                tags_of=lambda view: {links_tag(card.page.translation_key) for card in view["related"]},
            )
        )
        return context

    def serve(self, request, *args, **kwargs):
        if self.is_embargoed():
            raise Http404("embargoed")
        return super().serve(request, *args, **kwargs)

    @classmethod
    def get_subpage_urls(cls):
        """The story itself, plus the sub-paths features register (stories.routes)."""
        return [*super().get_subpage_urls(), *story_routes()]

    @classmethod
    def get_indexed_objects(cls):
        return (
            super()
            .get_indexed_objects()
            .select_related("sector")
            .prefetch_related("districts__state", "products")
        )

    def state_keys(self) -> list[str]:
        return sorted({str(district.state.translation_key) for district in self.districts.all()})

    def district_keys(self) -> list[str]:
        return [str(district.translation_key) for district in self.districts.all()]

    def sector_key(self) -> str | None:
        return str(self.sector.translation_key) if self.sector else None

    def product_keys(self) -> list[str]:
        return [str(product.translation_key) for product in self.products.all()]

    def posted_year(self) -> int:
        return timezone.localtime(self.posted_at).year

    def is_embargoed(self, now=None) -> bool:
        return bool(self.embargo_until and self.embargo_until > (now or timezone.now()))

    @property
    def headline(self) -> str:
        return self.title

    def _release_id_taken_by_other_story(self) -> bool:
        return (
            SuccessStoryPage.objects.filter(release_id=self.release_id)
            .exclude(translation_key=self.translation_key)
            .exists()
        )

    def _shared_release_id(self) -> int | None:
        """Translations share their source's release ID."""
        return (
            SuccessStoryPage.objects.filter(translation_key=self.translation_key, release_id__isnull=False)
            .values_list("release_id", flat=True)
            .first()
        )
