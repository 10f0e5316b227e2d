"""Translations for tests, made through wagtail-localize's own API.

One function per job:

- ``translate(instance, to="hi", strings=...)``: the whole job, for test data.
  A TranslationSource for the page or snippet, a Translation into `to`, a
  StringTranslation for each segment `strings` answers, then
  ``Translation.save_target()``: the translated copy, published by default.
  The snippets it points at (a story's sector, a district's state) are
  translated first where they are not yet in `to`.
- ``start_translation(instance, to="hi")``: only the editor's "Translate this
  page" action (wagtail-localize's TranslationCreator). With
  WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE off, a page becomes a *draft*
  copy in `to` that still holds the source text; its snippets come along.
  Returns the Translation, for a test of what a translator does next.
- ``fill_strings(translation, strings)``: only the translator's part, what
  wagtail-localize's editor saves: StringTranslations. The target is not saved.
- ``sync(instance)``: wagtail-localize's "Sync translated pages": read the
  source again and save every translation of it.
- ``translation_into(instance, to)``: find the Translation a test made.
- ``locale(code)``: the Locale, made if missing (tests.factories uses it too).

A draft translation is ``translate(..., publish=False)`` (translated strings,
not live) or ``start_translation()`` (the admin's untranslated draft copy).

`strings` says what each segment becomes: None (every segment keeps the
source text, as save_target falls back to it), a dict {source text:
translation} (anything not listed keeps the source text), or a function
``(text, path) -> str | None`` given each segment's text and its field path
("title", "body.<block id>", "slug").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.test import TestCase
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

Strings = Mapping[str, str] | Callable[[str, str], str | None] | None


def locale(code: str = "en") -> Locale:
    """The Locale for a language code, made if the database lacks it."""
    return Locale.objects.get_or_create(language_code=code)[0]


def translate(
    instance,
    to: str = "hi",
    *,
    strings: Strings = None,
    publish: bool = True,
    user=None,
    run_on_commit: bool = True,
):
    """Translate a page or snippet into `to` through wagtail-localize; return
    the translation (the page's specific class).

    Calling it again for the same `to` saves the existing translation again
    with the strings given (the source as it was first extracted; see sync()).

    publish: pages only; False leaves a draft revision. Snippets here have no
    drafts and are always saved.
    run_on_commit: save_target queues the page's publish for after the commit,
    which a test transaction never reaches, so translate() runs it now. The
    work that publishing queues in turn (PDF rendering, cache purges) runs too,
    as after a committed request, unless run_on_commit is False.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    target = locale(to)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    for segment in source.relatedobjectsegment_set.select_related("object"):
        related = segment.object.get_instance(instance.locale)
        if not related.has_translation(target):
            translate(related, to, strings=strings, user=user, run_on_commit=run_on_commit)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=target, defaults={"enabled": True}
    )
    fill_strings(translation, strings, user=user)
    _save_target(
        translation,
        publish=publish or not isinstance(instance, DraftStateMixin),
        user=user,
        run_on_commit=run_on_commit,
    )
    return instance.get_translation(target)


def start_translation(instance, to: str = "hi", *, user=None) -> Translation:
    """What the admin's "Translate this page" action does: a draft copy of the
    page in `to` (the source's text, not yet translated) and copies of the
    snippets it points at. Returns the page's Translation."""
    target = locale(to)
    TranslationCreator(user=user, target_locales=[target]).create_translations(instance)
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(instance), target_locale=target
    )


def translation_into(instance, to: str) -> Translation:
    """The wagtail-localize Translation of `instance` (as a source) into `to`."""
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=to
    )


def fill_strings(translation: Translation, strings: Strings, *, user=None, machine: bool = False) -> None:
    """StringTranslations for the segments of `translation` that `strings`
    answers, as typed in wagtail-localize's editor by `user` (or, with
    machine, filled by a machine translator). Nothing is saved to the target."""
    if not strings:
        return
    answer = strings if callable(strings) else (lambda text, _path: strings.get(text))
    kind = (
        StringTranslation.TRANSLATION_TYPE_MACHINE if machine else StringTranslation.TRANSLATION_TYPE_MANUAL
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    for segment in segments:
        text = answer(segment.string.data, segment.context.path)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": text, "translation_type": kind, "last_translated_by": user},
            )


def sync(instance) -> None:
    """What wagtail-localize's "Sync translated pages" does after the source
    changed: extract the source again and save (and publish) every
    translation of it, keeping the strings already translated."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    for translation in Translation.objects.filter(source=source):
        _save_target(translation, publish=True, user=None, run_on_commit=True)


def _save_target(translation: Translation, *, publish: bool, user, run_on_commit: bool) -> None:
    """Translation.save_target(), with the publish it queues for after the
    commit run now (and, with run_on_commit, the work publishing queues)."""
    with TestCase.captureOnCommitCallbacks() as queued:
        translation.save_target(user=user, publish=publish)
    with TestCase.captureOnCommitCallbacks(execute=run_on_commit):
        for callback in queued:
            callback()
