"""Real PIB releases: imported in the language PIB issued them in, through
``import_release`` as an editor's import would be, then translated from that
page through wagtail-localize (into English too: the source is the release)."""

from __future__ import annotations

from wagtail.models import Locale

from demo.content import ContentError, DemoContent, SeedRelease, load_content
from stories.models import SuccessStoryPage
from stories.services.release_import import import_release, parse_release_text

from .localize import SegmentTranslator, locales_for, translate_object
from .result import DemoResult


def load_releases(*, user, result: DemoResult, content: DemoContent | None = None) -> list[SuccessStoryPage]:
    """The page of each release in its own language, imported and published if missing."""
    pages = []
    for release in (content or load_content()).releases:
        locale = Locale.objects.get(language_code=release.source)
        page = SuccessStoryPage.objects.filter(release_id=release.release_id, locale=locale).first()
        if page is None:
            page = _import(release, locale=locale, user=user)
            result.add("imported release")
        pages.append(page)
    return pages


def _import(release: SeedRelease, *, locale: Locale, user) -> SuccessStoryPage:
    parsed = parse_release_text(release.release_file.read_text(encoding="utf-8"), locale)
    read = (parsed.headline, tuple(parsed.subheadlines), tuple(parsed.paragraphs))
    original = release.original
    if read != (original.headline, original.subheadlines, original.paragraphs):
        raise ContentError(f"{release.release_file.name}: read differently against the database's names")
    page = import_release(release=parsed, locale=locale, user=user).page  # a draft
    # The same short slug in every language, as the demo's other stories have.
    page.slug = release.slug
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def translate_release(
    *,
    page: SuccessStoryPage,
    locales: list[Locale],
    user,
    result: DemoResult,
    content: DemoContent | None = None,
) -> None:
    content = content or load_content()
    release = next(release for release in content.releases if release.release_id == page.release_id)
    for locale in locales_for(locales, release.languages):
        translator = release_translator(release=release, code=locale.language_code)
        if translate_object(instance=page, locale=locale, translate_text=translator, user=user):
            result.add("release translation")


def release_translator(*, release: SeedRelease, code: str) -> SegmentTranslator:
    """Segment text of the release to its translation in `code`, matched by position."""
    original, translated = release.original, release.text[code]
    known = {
        original.headline: translated.headline,
        original.initials: translated.initials,
        **dict(zip(original.subheadlines, translated.subheadlines, strict=True)),
        **dict(zip(original.paragraphs, translated.paragraphs, strict=True)),
    }

    def translate(text: str, path: str) -> str | None:
        return known.get(text)  # the slug stays as it is

    return translate
