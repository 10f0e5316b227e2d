"""Publishing translations: the service doors call, and what a publish records.

`publish_page` is the door for code and commands: it publishes the latest
revision as a named user, through Wagtail's permission check and the review
gate (`gate.py`, attached in `choke_points`). Every other door (edit view,
bulk action, admin API, workflow approval, wagtail-localize's views) reaches
the same gate through Wagtail or wagtail-localize.

After a translation page is published, `record_language_version` notes the
source revision the language is up to date with, what in it shows the source
language, and who reviewed it: the per-language "outdated" of the status
report and the public notice is read from that record.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Case, OuterRef, Subquery, When
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringSegment, TranslationSource

from ..models import LanguageVersion, SourceSync
from . import gate


def publish_page(*, page: Page, user) -> Page:
    """Publish the latest revision of `page` as `user`, or raise
    PermissionDenied (PublishRefused for the review gate) and change nothing."""
    with transaction.atomic():
        revision = page.get_latest_revision() or page.specific.save_revision(user=user)
        revision.publish(user=user)
    return Page.objects.get(pk=page.pk).specific


def _is_page_source(source: TranslationSource) -> bool:
    model = source.specific_content_type.model_class()
    return model is not None and issubclass(model, Page)


def record_source_sync(*, source: TranslationSource) -> None:
    """Note which revision of the source page `source` was extracted from:
    the live one (the page row is the live content), or the latest draft of a
    page never published."""
    if not _is_page_source(source):
        return
    row = (
        Page.objects.filter(translation_key=source.object_id, locale_id=source.locale_id)
        .values("live", "live_revision_id", "latest_revision_id")
        .first()
    )
    if row is None:
        return
    revision_id = row["live_revision_id"] if row["live"] else row["latest_revision_id"]
    SourceSync.objects.update_or_create(source=source, defaults={"revision_id": revision_id})


def untranslated_paths(*, source_id: int, locale) -> list[str]:
    """Segments with no usable translation (missing or refused): the page
    shows the source language there."""
    return sorted(
        StringSegment.objects.filter(source_id=source_id)
        .annotate_translation(locale)
        .filter(translation__isnull=True)
        .values_list("context__path", flat=True)
    )


def record_language_version(*, page: Page, revision) -> None:
    """After `page` went live: if it is a wagtail-localize translation, note
    which source revision this language is now up to date with.

    It is the synced revision, unless the publish shows source text where the
    previous one had a translation (a changed or new segment left
    untranslated): then the language is no more up to date than before. A
    first publish with gaps is partial, not outdated. A stopped translation
    is edited by hand, so nothing in it counts as untranslated.
    """
    record = gate.translation_record(page)
    if record is None:
        return
    synced = (
        SourceSync.objects.filter(source_id=record.source_id).values_list("revision_id", flat=True).first()
    )
    untranslated = (
        untranslated_paths(source_id=record.source_id, locale=page.locale) if record.enabled else []
    )
    previous = LanguageVersion.objects.filter(translation=record).first()
    caught_up = previous is None or set(untranslated) <= set(previous.untranslated)
    reviewer = getattr(revision, "_odop_reviewed_by", None)
    source_revision_id = synced if caught_up else previous.source_revision_id
    current = (
        Page.objects.filter(
            translation_key=record.source.object_id, locale_id=record.source.locale_id, live=True
        )
        .values_list("live_revision_id", flat=True)
        .first()
    )
    LanguageVersion.objects.update_or_create(
        translation=record,
        defaults={
            "source_revision_id": source_revision_id,
            "outdated": is_outdated(source_revision_id=source_revision_id, live_revision_id=current),
            "published_revision": revision,
            "complete": not untranslated,
            "untranslated": untranslated,
            "reviewed_by": reviewer if reviewer is not None and reviewer.pk is not None else None,
            "published_at": timezone.now(),
        },
    )


def is_outdated(*, source_revision_id: int | None, live_revision_id: int | None) -> bool:
    """A language version is behind when its source is live at a revision it
    was not made from (never caught up, a NULL source revision, included)."""
    return live_revision_id is not None and source_revision_id != live_revision_id


def versions_of_source(page: Page):
    """The language versions of the translations made from `page`."""
    return LanguageVersion.objects.filter(
        translation__source__object_id=page.translation_key, translation__source__locale_id=page.locale_id
    )


def mark_outdated(*, source: Page) -> int:
    """After a publish or unpublish of a source page: which of its language
    versions no longer match its live revision (`LanguageVersion.outdated`).
    One UPDATE; a page no translation was made from changes nothing."""
    versions = versions_of_source(source)
    if not source.live or source.live_revision_id is None:
        return versions.filter(outdated=True).update(outdated=False)
    return versions.update(
        outdated=Case(When(source_revision_id=source.live_revision_id, then=False), default=True)
    )


def refresh_outdated() -> int:
    """Recompute `LanguageVersion.outdated` for every row from the pages: after
    a bulk change that bypassed publishing (and the backfill migration's
    logic, kept here). Returns the number of rows changed."""
    live_revision = Page.objects.filter(
        translation_key=OuterRef("translation__source__object_id"),
        locale_id=OuterRef("translation__source__locale_id"),
        live=True,
    ).values("live_revision_id")[:1]
    changed = 0
    rows = LanguageVersion.objects.annotate(current=Subquery(live_revision)).values_list(
        "pk", "source_revision_id", "current", "outdated"
    )
    flips = {True: [], False: []}
    for pk, source_revision_id, current, outdated in rows.iterator(chunk_size=2000):
        should = is_outdated(source_revision_id=source_revision_id, live_revision_id=current)
        if should != outdated:
            flips[should].append(pk)
    for value, pks in flips.items():
        for start in range(0, len(pks), 500):
            changed += LanguageVersion.objects.filter(pk__in=pks[start : start + 500]).update(outdated=value)
    return changed


def live_target_page_id(*, source: TranslationSource, locale) -> int | None:
    if not _is_page_source(source):
        return None
    return (
        Page.objects.filter(translation_key=source.object_id, locale_id=locale.pk, live=True)
        .values_list("pk", flat=True)
        .first()
    )


def keep_live_content(*, page: Page) -> None:
    """wagtail-localize saved a draft of a live translation by writing the
    page row; put the live revision's content back, keeping the draft as the
    latest revision (`has_unpublished_changes`)."""
    page = page.specific
    if not page.live or page.live_revision_id is None:
        return
    live = page.live_revision.as_object()
    live.live_revision_id = page.live_revision_id
    live.last_published_at = page.last_published_at
    live.has_unpublished_changes = True
    live.save(clean=False)
