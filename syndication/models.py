"""Syndication to newspapers: who may take stories, and what they took.

- ``Partner`` and ``ApiKey``: a newspaper, its grant (languages, states,
  embargo) and its keys. Only a salted hash of each key is stored.
- ``ItemVersion``: how many times a story page (one language) was published.
- ``FeedPosition``: a live story's place in the partner feed (its sort keys,
  stored and indexed per language).
- ``CanceledItem``: a tombstone for a story that was unpublished or deleted, so
  partners who took it learn it is withdrawn.
- ``FetchRecord`` and ``PrintRecord``: the pickup log (API fetches) and what
  partners report they printed.

Story pages belong to the ``stories`` app; everything per story here is keyed
by the page id, its translation_key and language, and survives the page.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from core.storage import private_storage
from languages import registry


def _language_choices() -> list[tuple[str, str]]:
    return [(language.code, f"{language.name} ({language.native_name})") for language in registry.LANGUAGES]


class LanguageCodesField(models.JSONField):
    """A list of language codes from the registry, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=_language_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )


def _output_profile_choices() -> list[tuple[str, str]]:
    # The press profiles printing offers (PRINT_OUTPUT_PROFILES, a setting both apps read).
    return [("", _("House profile"))] + [
        (name, name) for name in settings.PRINT_OUTPUT_PROFILES if name != "house"
    ]


def _default_locale_states() -> Q:
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class Partner(ClusterableModel):
    """A newspaper (or agency) that takes stories through the API."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    contact = models.TextField(_("contact"), blank=True, help_text=_("Editor's name, email and phone."))
    languages = LanguageCodesField(_("languages"), default=list, help_text=_("Languages the partner takes."))
    # Matched by translation_key, so the English State stands for all its translations.
    states = ParentalManyToManyField(
        "taxonomy.State",
        blank=True,
        related_name="+",
        limit_choices_to=_default_locale_states,
        verbose_name=_("states"),
        help_text=_("States/UTs the partner takes. None selected: every state."),
    )
    may_see_embargoed = models.BooleanField(
        _("may see embargoed stories"),
        default=False,
        help_text=_("Embargoed stories are delivered early, with their embargo time."),
    )
    print_profile = models.CharField(
        _("print profile"),
        max_length=64,
        blank=True,
        choices=_output_profile_choices,
        help_text=_(
            "The press profile named in the greyscale news box's OutputIntent. Empty: the house profile."
        ),
    )
    # Portal logins (/partners/): each user belongs to at most one partner (portal.partner_for_user).
    users = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="syndication_partners",
        verbose_name=_("portal users"),
        help_text=_("People who sign in to the newspaper portal for this partner."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("contact"),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldPanel("states"), FieldPanel("may_see_embargoed")],
            heading=_("Grant"),
        ),
        FieldPanel("print_profile"),
        FieldPanel("users"),
    ]

    class Meta:
        verbose_name = _("syndication partner")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ApiKey(models.Model):
    """One API key of a partner. The secret is shown once and stored hashed.

    A key reads ``<prefix>.<secret>``. The prefix is stored in clear and
    indexed, so a request finds its key with one lookup; the secret is checked
    against a salted SHA-256 hash (keys carry 256 random bits, so a slow
    password hash would only add latency).
    """

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="api_keys")
    label = models.CharField(_("label"), max_length=100, blank=True)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    salt = models.CharField(max_length=32, editable=False)
    hashed_secret = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)

    panels = [FieldPanel("partner"), FieldPanel("label"), FieldPanel("expires_at"), FieldPanel("revoked_at")]

    class Meta:
        verbose_name = _("API key")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.partner} · {self.prefix}"

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        if self.revoked_at and self.revoked_at <= now:
            return False
        return not (self.expires_at and self.expires_at <= now)


class ItemVersion(models.Model):
    """Publish count of one story page, i.e. its ninjs ``version``.

    Every language is its own news item with its own count: publishing the
    Hindi translation bumps the Hindi item only.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="syndication_version"
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("item version")

    def __str__(self):
        return f"page {self.page_id} v{self.version}"


class FeedPosition(models.Model):
    """Where a live story (one language) sits in the partner feed.

    The feed is ordered by (visible_at, page id), or by (published_at, page id)
    for partners who may see embargoed stories (selectors.py). Both keys are
    computed from the story's own row; stored here, indexed per language, a
    list reads along an index and stops after one page however many stories
    exist. One row per live story page, kept by
    ``services.refresh_feed_positions`` (signals.py); check syndication.W001
    reports rows missing or stale, ``manage.py rebuild_feed_positions`` mends them.
    """

    page = models.OneToOneField(
        "stories.SuccessStoryPage", on_delete=models.CASCADE, primary_key=True, related_name="feed_position"
    )
    language = models.CharField(max_length=16)
    # Coalesce(last_published_at, first_published_at, posted_at).
    published_at = models.DateTimeField()
    # The later of published_at and embargo_until: when the story became a partner's without embargo access.
    visible_at = models.DateTimeField()

    class Meta:
        # Not shown in the admin: no verbose_name to translate.
        indexes = [
            models.Index(fields=["language", "visible_at", "page"], name="synd_feed_visible"),
            models.Index(fields=["language", "published_at", "page"], name="synd_feed_published"),
        ]

    def __str__(self):
        return f"page {self.page_id} ({self.language}) at {self.visible_at:%Y-%m-%d %H:%M:%S}"


class CanceledItem(models.Model):
    """A story (one language) that was unpublished or deleted.

    Shown with pubStatus "canceled" to the partners who fetched it.
    """

    page_id = models.PositiveBigIntegerField(unique=True)
    translation_key = models.UUIDField(db_index=True)
    language = models.CharField(max_length=16)
    release_id = models.PositiveBigIntegerField(null=True)
    headline = models.CharField(max_length=500)
    version = models.PositiveIntegerField(default=1)
    first_created = models.DateTimeField(null=True)
    canceled_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("canceled item")

    def __str__(self):
        return f"{self.headline} ({self.language}, canceled)"


class FetchRecord(models.Model):
    """One authenticated fetch of one item (the pickup log)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="fetches")
    # No foreign key to the page: the record outlives a deleted story.
    page_id = models.PositiveBigIntegerField()
    release_id = models.PositiveBigIntegerField(null=True)
    language = models.CharField(max_length=16)
    version = models.PositiveIntegerField()
    fetched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("fetch record")
        indexes = [
            models.Index(fields=["partner", "page_id"], name="synd_fetch_partner_page"),
            models.Index(fields=["release_id", "language"], name="synd_fetch_release_lang"),
        ]

    def __str__(self):
        return f"{self.partner} fetched {self.release_id}/{self.language} v{self.version}"


def _scan_path(instance, filename: str) -> str:
    return f"syndication/scans/{timezone.now():%Y/%m}/{filename}"


class PrintRecord(models.Model):
    """A partner's report that it printed a story."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="prints")
    page_id = models.PositiveBigIntegerField()
    release_id = models.PositiveBigIntegerField(null=True)
    language = models.CharField(max_length=16)
    paper_name = models.CharField(_("paper name"), max_length=255)
    edition = models.CharField(_("edition"), max_length=255, blank=True)
    printed_on = models.DateField(_("printed on"))
    page_number = models.CharField(_("page"), max_length=32, blank=True)
    # A scan of a printed page carries the story's text: private, like the PDFs.
    scan = models.FileField(_("scan"), upload_to=_scan_path, storage=private_storage, blank=True)
    reported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("print record")
        indexes = [models.Index(fields=["release_id", "language"], name="synd_print_release_lang")]

    def __str__(self):
        return f"{self.paper_name} printed {self.release_id}/{self.language} on {self.printed_on}"
