from django.core.files.storage import storages
from django.db import migrations, models

import core.storage
import syndication.models


def to_private(apps, schema_editor):
    rows = apps.get_model("syndication", "PrintRecord").objects.exclude(scan="").only("pk", "scan")
    core.storage.move_files(rows, field_name="scan", source=storages["default"], target=storages["private"])


def to_public(apps, schema_editor):
    rows = apps.get_model("syndication", "PrintRecord").objects.exclude(scan="").only("pk", "scan")
    core.storage.move_files(rows, field_name="scan", source=storages["private"], target=storages["default"])


class Migration(migrations.Migration):
    dependencies = [
        ("syndication", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="printrecord",
            name="scan",
            field=models.FileField(
                blank=True,
                storage=core.storage.private_storage,
                upload_to=syndication.models._scan_path,
                verbose_name="scan",
            ),
        ),
        # Print scans uploaded before this lived in public media.
        migrations.RunPython(to_private, to_public),
    ]
