"""What the migrations put in a fresh database, made again after a flush."""

from django.contrib.contenttypes.models import ContentType
from django.core.management.sql import emit_post_migrate_signal
from wagtail.models import Collection


def restore_baseline() -> None:
    from tests.factories import home_page

    if not ContentType.objects.exists():
        # The flush skipped post_migrate (serialized rollback): content types,
        # permissions and Locales come back through it.
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    else:
        from languages.apps import ensure_locales

        ensure_locales(using="default")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home_page()
