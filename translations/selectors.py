"""Reads about the state of translations. The public site, the status report
and the API all ask these questions here."""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Page
from wagtail_localize.models import Translation


@dataclass(frozen=True)
class Freshness:
    source_page: Page
    outdated: bool


def translation_freshness(page: Page) -> Freshness | None:
    """How a translated page stands against its source.

    None for a source page, or a page not made through wagtail-localize. A
    translation is outdated when its source was published after the
    translation last synced (TranslationSource.last_updated_at). Two queries.
    """
    translation = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .select_related("source")
        .first()
    )
    if translation is None:
        return None
    source = translation.source
    source_page = (
        Page.objects.filter(translation_key=page.translation_key, locale_id=source.locale_id)
        .select_related("locale")
        .first()
    )
    if source_page is None or source_page.pk == page.pk:
        return None
    published = source_page.last_published_at
    return Freshness(source_page=source_page, outdated=bool(published and published > source.last_updated_at))
