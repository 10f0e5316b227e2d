from django.core.checks import Tags, Warning, register
from django.db import connections

from .fts import INDIC_TOKENIZE, fts_table_sql, has_indic_tokenizer


@register(Tags.database)
def check_indic_tokenizer(app_configs, **kwargs):
    """Warn if SQLite's FTS5 table splits Indic words (run `migrate` to fix)."""
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
            "SQLite's search table uses a tokenizer that splits Indic words.",
            hint=f"Run `python manage.py migrate`: it recreates it with tokenize={INDIC_TOKENIZE}.",
            id="search.W001",
        )
    ]
