"""STORAGES entries for S3-compatible object storage (django-storages).

Built from plain values: `cms/settings/base.py` reads them from the
environment, and the object-storage tests pass a local server's. No Django
import here, so settings can use it.
"""

from __future__ import annotations

S3_BACKEND = "storages.backends.s3.S3Storage"
# The private prefix when public and private files share one bucket.
SHARED_BUCKET_PRIVATE_PREFIX = "private"


def s3_storages(
    *,
    bucket: str,
    private_bucket: str = "",
    endpoint_url: str | None = None,
    region_name: str | None = None,
    access_key: str | None = None,
    secret_key: str | None = None,
    custom_domain: str | None = None,
    signed_url_seconds: int = 60,
) -> dict[str, dict]:
    """{"default": public media, "private": files only a view hands out}.

    Public files get plain URLs (a CDN may cache them, through
    `custom_domain`). Private files go to `private_bucket`, or under
    `private/` in `bucket`; their only URLs are signed and expire after
    `signed_url_seconds`. Keys left None let boto3 find credentials itself
    (instance role, ~/.aws).
    """
    connection = {
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "endpoint_url": endpoint_url or None,
        "region_name": region_name or None,
    }
    return {
        "default": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **connection,
                "bucket_name": bucket,
                "querystring_auth": False,
                "custom_domain": custom_domain or None,
                "file_overwrite": False,
            },
        },
        "private": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **connection,
                "bucket_name": private_bucket or bucket,
                "location": "" if private_bucket else SHARED_BUCKET_PRIVATE_PREFIX,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": signed_url_seconds,
                "custom_domain": None,  # a CDN domain would hand out unsigned URLs
                "file_overwrite": False,
            },
        },
    }
