from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _keep_indic_tokenizer(sender, using="default", **kwargs):
    """After any migrate, put the Indic FTS5 tokenizer back if a migration of
    another app (a modelsearch upgrade) recreated the table without it."""
    from django.db import connections

    from .fts import ensure_indic_tokenizer

    ensure_indic_tokenizer(connections[using])


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        from . import checks  # noqa: F401 - registers system checks

        post_migrate.connect(_keep_indic_tokenizer, dispatch_uid="search.keep_indic_tokenizer")
