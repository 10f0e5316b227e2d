"""Storage settings for tests: local folders per test, and a local
S3-compatible server (moto) for the object-storage tests."""

from __future__ import annotations

import threading
from pathlib import Path

from core.object_storage import s3_storages

PRIVATE_ON_DISK = "core.storage.PrivateFileSystemStorage"

S3_REGION = "us-east-1"
S3_KEYS = {"access_key": "testing", "secret_key": "testing"}
PUBLIC_BUCKET = "odop-media"
PRIVATE_BUCKET = "odop-private"
START_TIMEOUT_SECONDS = 15


def local_storages(current: dict, *, private_root: Path) -> dict:
    """`current` STORAGES with the private files on disk under `private_root`."""
    return {**current, "private": {"BACKEND": PRIVATE_ON_DISK, "OPTIONS": {"location": private_root}}}


class S3Server:
    """moto's standalone S3 server on 127.0.0.1 and a free port, with a public
    and a private bucket. `start()` raises RuntimeError saying why if it cannot."""

    def __init__(self):
        self._server = None
        self.endpoint_url = ""

    def start(self) -> S3Server:
        try:
            from moto.server import ThreadedMotoServer
        except ImportError as error:
            raise RuntimeError(
                f"moto's server is not installed ({error}); pip install -r requirements-dev.txt"
            ) from None
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        # start() waits forever if the server thread fails to bind: wait in a thread, with a limit.
        starter = threading.Thread(target=server.start, daemon=True)
        starter.start()
        starter.join(timeout=START_TIMEOUT_SECONDS)
        if starter.is_alive():
            raise RuntimeError(
                f"moto's S3 server did not start on 127.0.0.1 within {START_TIMEOUT_SECONDS} s"
            )
        host, port = server.get_host_and_port()
        self._server, self.endpoint_url = server, f"http://{host}:{port}"
        for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
            self.client().create_bucket(Bucket=bucket)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=S3_REGION,
            aws_access_key_id=S3_KEYS["access_key"],
            aws_secret_access_key=S3_KEYS["secret_key"],
        )

    def storages(self, current: dict, *, shared_bucket: bool = False) -> dict:
        """`current` STORAGES with media and private files on this server, as
        cms/settings/base.py configures them from the environment."""
        return {
            **current,
            **s3_storages(
                bucket=PUBLIC_BUCKET,
                private_bucket="" if shared_bucket else PRIVATE_BUCKET,
                endpoint_url=self.endpoint_url,
                region_name=S3_REGION,
                **S3_KEYS,
            ),
        }

    def keys(self, bucket: str, prefix: str = "") -> list[str]:
        listing = self.client().list_objects_v2(Bucket=bucket, Prefix=prefix)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def empty(self) -> None:
        client = self.client()
        for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
            for key in self.keys(bucket):
                client.delete_object(Bucket=bucket, Key=key)
