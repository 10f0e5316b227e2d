"""An index on Wagtail's page table for the dashboards' "recently published"
list (workspace.selectors.recently_published): without it the database reads
every page to find the week's publishes (20 ms at 80,000 pages on SQLite).
Wagtail's own migrations do not make one; raw SQL because the model is
Wagtail's, so it is not part of any model state."""

from django.db import migrations

INDEX = "workspace_page_last_published_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("workspace", "0001_notification"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (last_published_at)",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
