"""The translation workflow's reactions to Wagtail and wagtail-localize."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished
from wagtail_localize.models import Translation, TranslationSource

from . import summary_cache
from .models import LanguageVersion
from .services import publishing, routing

# What the status report's totals are counted from (summary_cache).
SUMMARY_INPUTS = (Page, Translation, TranslationSource, LanguageVersion)


def on_page_published(sender, instance, revision=None, **kwargs):
    """A published translation: note what it was made from; a published
    source: which languages it left behind. (Telling the translators that a
    republished source outdated their work is the workspace app's, which
    reads the roles through core.work.)"""
    publishing.record_language_version(page=instance, revision=revision)
    publishing.mark_outdated(source=instance)


def on_page_unpublished(sender, instance, **kwargs):
    """An unpublished source outdates nothing (nothing live to catch up with)."""
    publishing.mark_outdated(source=instance)


def on_source_saved(sender, instance, **kwargs):
    publishing.record_source_sync(source=instance)


def on_page_created(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page):
        routing.route_source_to_editorial_review(page=instance)


def on_summary_input_changed(sender, instance=None, **kwargs):
    """Forget the report's cached totals now (this process, this transaction)
    and again after the commit (counts taken meanwhile from older rows)."""
    if not isinstance(instance, SUMMARY_INPUTS):
        return
    summary_cache.forget()
    connection = transaction.get_connection()
    pending = getattr(connection, "run_on_commit", ())
    if connection.in_atomic_block and not any(summary_cache.forget in entry for entry in pending):
        transaction.on_commit(summary_cache.forget)  # once per transaction, however many rows


def connect():
    page_published.connect(on_page_published, dispatch_uid="translations_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="translations_page_unpublished")
    post_save.connect(on_source_saved, sender=TranslationSource, dispatch_uid="translations_source_sync")
    post_save.connect(on_page_created, dispatch_uid="translations_route_sources")
    post_save.connect(on_summary_input_changed, dispatch_uid="translations_summary_saved")
    # With senders: a receiver for every model would stop Django's fast deletes everywhere.
    for model in SUMMARY_INPUTS:
        post_delete.connect(
            on_summary_input_changed,
            sender=model,
            dispatch_uid=f"translations_summary_deleted_{model.__name__}",
        )
