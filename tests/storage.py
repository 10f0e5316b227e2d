"""Storage settings for tests: local folders per test."""

from __future__ import annotations

from pathlib import Path

PRIVATE_ON_DISK = "core.storage.PrivateFileSystemStorage"


def local_storages(current: dict, *, private_root: Path) -> dict:
    """`current` STORAGES with the private files on disk under `private_root`."""
    return {**current, "private": {"BACKEND": PRIVATE_ON_DISK, "OPTIONS": {"location": private_root}}}
