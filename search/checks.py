from importlib import import_module

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import connections

from .fts import INDIC_TOKENIZE, PREFIX, fts_table_sql, has_indic_tokenizer


@register(Tags.database)
def check_indic_tokenizer(app_configs, **kwargs):
    """Warn if SQLite's FTS5 table splits Indic words or lacks its prefix
    indexes (run `migrate` to fix)."""
    connection = connections["default"]
    if connection.vendor != "sqlite":
        return []
    try:
        if fts_table_sql(connection) is None or has_indic_tokenizer(connection):
            return []
    except Exception:  # noqa: BLE001 - database not reachable yet: nothing to check
        return []
    return [
        Warning(
            "SQLite's search table splits Indic words or lacks its prefix indexes.",
            hint=f"Run `python manage.py migrate`: it recreates it with tokenize={INDIC_TOKENIZE} "
            f"and prefix='{PREFIX}'.",
            id="search.W001",
        )
    ]


@register()
def check_backend_imports(app_configs, **kwargs):
    """Each WAGTAILSEARCH_BACKENDS entry must import: SEARCH_URL names a cluster
    whose client (elasticsearch, opensearch-py) may not be installed."""
    errors = []
    for name, config in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).items():
        try:
            import_module(config["BACKEND"])
        except ImportError as error:
            errors.append(
                Error(
                    f"Search backend {name!r} ({config['BACKEND']}) cannot be imported: {error}.",
                    hint="Install the cluster's client (pip install '.[elasticsearch]' or '.[opensearch]'), "
                    "or unset SEARCH_URL to search the database. Until then search answers 503.",
                    id="search.E002",
                )
            )
    return errors
