"""Recreate SQLite's FTS5 search table with a tokenizer that keeps Indic
vowel signs and viramas inside words (see search/fts.py). No-op elsewhere."""

from django.db import migrations


def forwards(apps, schema_editor):
    from search.fts import ensure_indic_tokenizer

    ensure_indic_tokenizer(schema_editor.connection)


def backwards(apps, schema_editor):
    from search.fts import DEFAULT_TOKENIZE, recreate_if_present

    recreate_if_present(schema_editor.connection, tokenize=DEFAULT_TOKENIZE, prefix=None)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
