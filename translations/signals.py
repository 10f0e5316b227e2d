"""The translation workflow's reactions to Wagtail and wagtail-localize."""

from django.db.models.signals import post_save
from wagtail.models import Page
from wagtail.signals import page_published
from wagtail_localize.models import TranslationSource

from .services import publishing, routing


def on_page_published(sender, instance, revision=None, **kwargs):
    """A published translation: note what it was made from. (Telling the
    translators that a republished source outdated their work is the
    workspace app's, which reads the roles through core.work.)"""
    publishing.record_language_version(page=instance, revision=revision)


def on_source_saved(sender, instance, **kwargs):
    publishing.record_source_sync(source=instance)


def on_page_created(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page):
        routing.route_source_to_editorial_review(page=instance)


def connect():
    page_published.connect(on_page_published, dispatch_uid="translations_page_published")
    post_save.connect(on_source_saved, sender=TranslationSource, dispatch_uid="translations_source_sync")
    post_save.connect(on_page_created, dispatch_uid="translations_route_sources")
