"""Feed positions for the stories live before they existed (FeedPosition).

The same values as services.feed_times, written out here so that this
migration does not change when the service does.
"""

from django.db import migrations

CHUNK = 1000


def backfill(apps, schema_editor):
    SuccessStoryPage = apps.get_model("stories", "SuccessStoryPage")
    FeedPosition = apps.get_model("syndication", "FeedPosition")
    alias = schema_editor.connection.alias
    rows = (
        SuccessStoryPage.objects.using(alias)
        .filter(live=True)
        .values_list(
            "pk", "locale__language_code", "last_published_at", "first_published_at", "posted_at", "embargo_until"
        )
        .order_by("pk")
    )
    batch = []
    for pk, language, last, first, posted, embargo in rows.iterator(chunk_size=CHUNK):
        published_at = last or first or posted
        visible_at = max(published_at, embargo) if embargo else published_at
        batch.append(FeedPosition(page_id=pk, language=language, published_at=published_at, visible_at=visible_at))
        if len(batch) == CHUNK:
            FeedPosition.objects.using(alias).bulk_create(batch)
            batch = []
    FeedPosition.objects.using(alias).bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("syndication", "0004_feed_positions")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
