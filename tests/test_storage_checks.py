"""`manage.py check` refuses a private storage that a public URL could reach."""

from django.core.checks import run_checks
from django.test import SimpleTestCase

from core.object_storage import s3_storages
from tests.storage import local_storages


def storage_errors() -> list[str]:
    return [message.id for message in run_checks() if message.id and message.id.startswith("core.")]


class PrivateStorageCheckTests(SimpleTestCase):
    def test_private_folder_outside_media_passes(self):
        self.assertEqual(storage_errors(), [])

    def test_private_folder_inside_media_is_an_error(self):
        from django.conf import settings

        with self.settings(
            STORAGES=local_storages(settings.STORAGES, private_root=settings.MEDIA_ROOT / "pdfs")
        ):
            self.assertEqual(storage_errors(), ["core.E012"])

    def test_private_bucket_without_signed_urls_is_an_error(self):
        from django.conf import settings

        buckets = s3_storages(bucket="media", private_bucket="private", endpoint_url="http://127.0.0.1:9")
        buckets["private"]["OPTIONS"]["querystring_auth"] = False
        with self.settings(STORAGES={**settings.STORAGES, **buckets}):
            self.assertEqual(storage_errors(), ["core.E013"])

    def test_private_files_at_the_root_of_the_media_bucket_is_an_error(self):
        from django.conf import settings

        buckets = s3_storages(bucket="media", endpoint_url="http://127.0.0.1:9")
        buckets["private"]["OPTIONS"]["location"] = ""
        with self.settings(STORAGES={**settings.STORAGES, **buckets}):
            self.assertEqual(storage_errors(), ["core.E014"])
