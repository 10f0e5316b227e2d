"""SQLite: FTS5 prefix indexes for two- and three-letter prefixes (see
search/fts.py); the table is recreated and its rows copied back. No-op
elsewhere, and where the table already has them."""

from django.db import migrations


def forwards(apps, schema_editor):
    from search.fts import ensure_indic_tokenizer

    ensure_indic_tokenizer(schema_editor.connection)


def backwards(apps, schema_editor):
    from search.fts import INDIC_TOKENIZE, recreate_if_present

    recreate_if_present(schema_editor.connection, tokenize=INDIC_TOKENIZE, prefix=None)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_title_body_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
