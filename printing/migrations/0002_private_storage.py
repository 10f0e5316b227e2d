from django.core.files.storage import storages
from django.db import migrations, models

import core.storage
import printing.models


def to_private(apps, schema_editor):
    rows = apps.get_model("printing", "StoryPdf").objects.exclude(file="").only("pk", "file")
    core.storage.move_files(rows, field_name="file", source=storages["default"], target=storages["private"])


def to_public(apps, schema_editor):
    rows = apps.get_model("printing", "StoryPdf").objects.exclude(file="").only("pk", "file")
    core.storage.move_files(rows, field_name="file", source=storages["private"], target=storages["default"])


class Migration(migrations.Migration):
    dependencies = [
        ("printing", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="storypdf",
            name="file",
            field=models.FileField(
                blank=True,
                max_length=255,
                storage=core.storage.private_storage,
                upload_to=printing.models.pdf_upload_path,
                verbose_name="file",
            ),
        ),
        # Story PDFs rendered before this lived in public media at guessable paths.
        migrations.RunPython(to_private, to_public),
    ]
