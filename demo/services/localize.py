"""Translating one object through wagtail-localize, segment by segment."""

from __future__ import annotations

import html
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

# A segment translator gets (source text, segment context path) and returns
# the translated text, or None to let wagtail-localize fall back to the source.
SegmentTranslator = Callable[[str, str], "str | None"]


@transaction.atomic
def translate_object(*, instance, locale: Locale, translate_text: SegmentTranslator, user=None) -> bool:
    """Translate `instance` into `locale` through wagtail-localize.

    Returns False, touching nothing, if a translation already exists.
    """
    if instance.get_translation_or_none(locale) is not None:
        return False
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = translate_text(html.unescape(segment.string.data), segment.context.path)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": html.escape(text, quote=False),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    translation.save_target(user=user, publish=True)
    return True


def enabled_locales(*, exclude: Locale) -> list[Locale]:
    """Every enabled locale but `exclude`, in settings order, created if missing."""
    codes = [code for code, _name in settings.LANGUAGES if code != exclude.language_code]
    existing = {loc.language_code: loc for loc in Locale.objects.filter(language_code__in=codes)}
    missing = [Locale(language_code=code) for code in codes if code not in existing]
    for locale in Locale.objects.bulk_create(missing):
        existing[locale.language_code] = locale
    return [existing[code] for code in codes]


def locales_for(locales: list[Locale], codes) -> list[Locale]:
    """Those of `locales` whose language is in `codes`, in the order of `locales`."""
    return [locale for locale in locales if locale.language_code in codes]
