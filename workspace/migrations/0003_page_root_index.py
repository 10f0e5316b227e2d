"""An index on Wagtail's page table for the root page: every admin screen's
menu asks for it (the Pages explorer item: `Page.get_first_root_node()`,
`WHERE depth = 1 ORDER BY path`), and without an index on `depth` the
database reads every page to find the one root (15-24 ms at 80,000 pages on
PostgreSQL, on each request of every admin user). Wagtail's own migrations
do not make one; raw SQL because the model is Wagtail's, as in 0002. Built
CONCURRENTLY on PostgreSQL, so a deploy does not lock the page table."""

from django.db import migrations

INDEX = "workspace_page_depth_path_idx"


def forwards(apps, schema_editor):
    concurrently = " CONCURRENTLY" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"CREATE INDEX{concurrently} IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)")


def backwards(apps, schema_editor):
    concurrently = " CONCURRENTLY" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"DROP INDEX{concurrently} IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [
        ("workspace", "0002_page_last_published_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
