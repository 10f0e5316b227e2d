from django.db import transaction
from wagtail.signals import page_published

from .services.notifications import source_of


def on_page_published(sender, instance, **kwargs):
    """A republished source makes its translations outdated: tell their translators."""
    if source_of(instance) is None:
        return
    from .tasks import notify_translators_task

    page_id = instance.pk
    transaction.on_commit(lambda: notify_translators_task.enqueue(page_id=page_id))


def connect():
    page_published.connect(on_page_published, dispatch_uid="translations_notify_translators")
