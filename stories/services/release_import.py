"""Write a parsed PIB `Release` as a SuccessStoryPage in one locale.

Entry points (the command, the admin view and the zip task all use them):
`parse_release_text(text, locale)` reads a release against the taxonomy's
ministry and office names (no writes); `import_release_text(text=, locale=,
user=, publish=)` parses and writes. `import_release(release=...)` writes an
already parsed release. Importing is idempotent on the Release ID: the same
release again saves a new revision of the same page. It runs in one
transaction, so a failure leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from core.limits import LimitExceeded
from languages import registry
from taxonomy.models import IssuingOffice, Ministry

from ..limits import check_release, check_release_bytes
from ..models import ReleaseIdSequence, StoryIndexPage, SuccessStoryPage
from ..selectors import release_header_anchors
from .release_parser import Release, ReleaseFormatError, parse_release

SLUG_MAX_WORDS_LENGTH = 60


class ReleaseImportError(Exception):
    """The release cannot be written where it was asked to go."""


@dataclass(frozen=True)
class ImportPlan:
    """Where a release would go, worked out without writing anything."""

    locale: Locale
    existing: SuccessStoryPage | None  # the page in this locale to update
    counterpart: SuccessStoryPage | None  # the same release in another locale
    parent: StoryIndexPage | None  # None: the locale's index will be created

    @property
    def action(self) -> str:
        return "update" if self.existing else "create"


@dataclass(frozen=True)
class ImportResult:
    page: SuccessStoryPage
    created: bool
    published: bool
    warnings: tuple = ()  # the parser's ReleaseNotes


def resolve_locale(language_code: str) -> Locale:
    try:
        language = registry.get(language_code)
    except KeyError:
        raise ReleaseImportError(
            f"unknown locale '{language_code}'; known: {', '.join(registry.ALL_CODES)}"
        ) from None
    locale = Locale.objects.filter(language_code=language.code).first()
    if locale is None:
        raise ReleaseImportError(
            f"locale '{language.code}' is not enabled on this site (see ENABLED_LANGUAGES); "
            "run migrate after enabling it"
        )
    return locale


def plan_import(*, release: Release, locale: Locale, parent_id: int | None = None) -> ImportPlan:
    """Read-only: find the page to update, or the index to create it under."""
    _within_limits(release)
    same_release = SuccessStoryPage.objects.filter(release_id=release.release_id).select_related("locale")
    existing = same_release.filter(locale=locale).first()
    counterpart = same_release.exclude(locale=locale).order_by("pk").first()
    parent = existing.get_parent().specific if existing else _story_index(locale=locale, parent_id=parent_id)
    return ImportPlan(locale=locale, existing=existing, counterpart=counterpart, parent=parent)


def parse_release_text(text: str, locale: Locale) -> Release:
    """The release in `text`, its header placed by the known ministries and
    offices; raises ReleaseFormatError naming the line. Writes nothing."""
    try:
        check_release_bytes(len(text.encode("utf-8")))  # pasted text has the file's limit
    except LimitExceeded as error:
        raise ReleaseFormatError(str(error)) from error
    return parse_release(text, anchors=release_header_anchors(locale=locale))


def import_release_text(
    *, text: str, locale: Locale, user=None, publish: bool = False, parent_id: int | None = None
) -> ImportResult:
    """Parse and write; ReleaseFormatError or ReleaseImportError before anything is written."""
    release = parse_release_text(text, locale)
    return import_release(release=release, locale=locale, publish=publish, parent_id=parent_id, user=user)


@transaction.atomic
def import_release(
    *, release: Release, locale: Locale, publish: bool = False, parent_id: int | None = None, user=None
) -> ImportResult:
    _within_limits(release)  # before anything is written
    _wait_for_other_imports()
    plan = plan_import(release=release, locale=locale, parent_id=parent_id)
    ministry = _snippet_named(Ministry, name=release.ministry, locale=locale) if release.ministry else None
    office = (
        _snippet_named(
            IssuingOffice, name=release.issuing_office, locale=locale, city=release.issuing_office_city
        )
        if release.issuing_office
        else None
    )
    if plan.existing:
        page = plan.existing.get_latest_revision_as_object()
    else:
        parent = plan.parent or _create_story_index(locale=locale, publish=publish)
        page = _new_story_page(release=release, parent=parent, counterpart=plan.counterpart, user=user)
    _apply_release(page, release=release, ministry=ministry, office=office)
    try:
        revision = page.save_revision(user=user, log_action=True)
    except ValidationError as error:  # the story's own clean(): rolled back with the rest
        raise ReleaseImportError("; ".join(error.messages)) from error
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()
    return ImportResult(
        page=page, created=plan.existing is None, published=publish, warnings=release.warnings
    )


def _within_limits(release: Release) -> None:
    """The input limits (core.limits) for a story, checked on the parsed release."""
    try:
        check_release(release)
    except ValidationError as error:
        raise ReleaseImportError("; ".join(error.messages)) from error


def _wait_for_other_imports() -> None:
    """Two imports of one release at once must not both create a page: the
    page's locale lives in another table, so no unique constraint can say
    so. Imports queue on the release ID counter's row instead (PostgreSQL
    row lock; SQLite's write transactions are serialised already)."""
    ReleaseIdSequence.objects.get_or_create(pk=1)
    ReleaseIdSequence.objects.select_for_update().filter(pk=1).first()


def _story_index(*, locale: Locale, parent_id: int | None) -> StoryIndexPage | None:
    if parent_id is not None:
        parent = StoryIndexPage.objects.filter(pk=parent_id).select_related("locale").first()
        if parent is None:
            raise ReleaseImportError(f"--parent {parent_id} is not a story index page")
        if parent.locale_id != locale.pk:
            raise ReleaseImportError(
                f"--parent {parent_id} is in locale '{parent.locale.language_code}', "
                f"not '{locale.language_code}'"
            )
        return parent
    indexes = list(StoryIndexPage.objects.filter(locale=locale).order_by("path"))
    if len(indexes) > 1:
        ids = ", ".join(str(index.pk) for index in indexes)
        raise ReleaseImportError(
            f"there are {len(indexes)} story index pages in '{locale.language_code}' (ids {ids}); "
            "choose one with --parent"
        )
    return indexes[0] if indexes else None


def _create_story_index(*, locale: Locale, publish: bool) -> StoryIndexPage:
    """The locale's StoryIndexPage, made the way an editor would: as a
    wagtail-localize translation of the default language's index (its
    HomePage parent is copied as an alias on the way). The index of the
    default language is created under its home page if the site has none."""
    default_locale = Locale.get_default()
    source = StoryIndexPage.objects.filter(locale=default_locale).order_by("path").first()
    if source is None:
        source = _create_default_story_index(locale=default_locale, publish=publish)
    if locale.pk == default_locale.pk:
        return source
    home = source.get_parent().specific
    if not home.is_root() and not home.has_translation(locale):
        # A real translation, not the alias Wagtail would copy on the way:
        # translators can then translate the home page's own text.
        _translate_page(home, locale=locale, publish=publish)
    return _translate_page(source, locale=locale, publish=publish)


def _translate_page(page, *, locale: Locale, publish: bool):
    translation_source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=translation_source, target_locale=locale)
    # Saved as a draft and published here rather than through save_target's
    # on-commit hook, so that the whole import stays one visible transaction.
    translation.save_target(publish=False)
    translated = page.get_translation(locale)
    if publish:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated


def _create_default_story_index(*, locale: Locale, publish: bool) -> StoryIndexPage:
    # The site's home page: whatever page type may hold a story index.
    parent_models = StoryIndexPage.allowed_parent_page_models()
    home = Page.objects.type(*parent_models).filter(locale=locale).order_by("path").first()
    if home is None:
        raise ReleaseImportError(
            f"there is no home page in the default locale '{locale.language_code}' to hold a story index"
        )
    index = StoryIndexPage(title="Stories", slug="stories", live=False)
    home.add_child(instance=index)
    revision = index.save_revision(log_action=True)
    if publish:
        revision.publish()
    return index


def _new_story_page(
    *, release: Release, parent: StoryIndexPage, counterpart: SuccessStoryPage | None, user=None
) -> SuccessStoryPage:
    page = SuccessStoryPage(
        title=release.headline,
        slug=_available_slug(parent, release),
        release_id=release.release_id,
        live=False,
        owner=user,
    )
    if counterpart is not None:
        # The same release in another language: this page is its translation.
        page.translation_key = counterpart.translation_key
    parent.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    return page


def _available_slug(parent: StoryIndexPage, release: Release) -> str:
    """An ASCII slug from the headline (transliterated: Wagtail's slug
    validator refuses Indic vowel signs) ending in the Release ID."""
    words = slugify(anyascii(release.headline))[:SLUG_MAX_WORDS_LENGTH].rsplit("-", 1)[0].strip("-")
    base = f"{words}-{release.release_id}" if words else str(release.release_id)
    slug, suffix = base, 1
    while parent.get_children().filter(slug=slug).exists():
        suffix += 1
        slug = f"{base}-{suffix}"
    return slug


def _apply_release(
    page: SuccessStoryPage,
    *,
    release: Release,
    ministry: Ministry | None,
    office: IssuingOffice | None,
) -> None:
    """Copy what the release says onto the page. Fields the release does not
    carry (summary, sector, districts, products, images, sellers, tags) are
    left as editors set them."""
    page.title = release.headline
    page.draft_title = release.headline
    page.release_id = release.release_id
    page.posted_at = release.posted_at
    page.ministry = ministry
    page.issuing_office = office
    page.footer_initials = release.initials
    page.subheadlines = [("subheadline", text) for text in release.subheadlines]
    # The release is plain text: escape it, never trust it as HTML.
    page.body = [("paragraph", f"<p>{escape(text)}</p>") for text in release.paragraphs]


def _snippet_named(model, *, name: str, locale: Locale, **defaults):
    """The snippet called `name` in `locale`. Failing that, the translation
    into `locale` of a snippet of that name in another locale (made through
    wagtail-localize if missing, so translators can translate it later).
    Failing that, a new snippet."""
    found = model.objects.filter(locale=locale, name=name).first()
    if found:
        return found
    elsewhere = model.objects.filter(name=name).exclude(locale=locale).order_by("pk").first()
    if elsewhere is None:
        return model.objects.create(locale=locale, name=name, **defaults)
    translated = model.objects.filter(translation_key=elsewhere.translation_key, locale=locale).first()
    if translated:
        return translated
    source, _ = TranslationSource.get_or_create_from_instance(elsewhere)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(publish=True)
    return elsewhere.get_translation(locale)
