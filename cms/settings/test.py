from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Login throttling stays on; only the test client's login(), which has no
# request to throttle, passes through it (tests/auth.py).
AUTHENTICATION_BACKENDS = ["tests.auth.ClientLoginAxesBackend", "django.contrib.auth.backends.ModelBackend"]
# CACHES from base.py: local memory, or Redis when REDIS_URL is set (the third run of .ci/run).
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
# The Wagtail Site the migrations make (localhost, port 80): URLs read the same either way.
SITE_URL = "http://localhost"
WAGTAILADMIN_BASE_URL = SITE_URL
# Local disk in tests, whatever the environment says; the object-storage tests
# switch to a local S3 server themselves. Each test gets its own folders (conftest.py).
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "test-private"},  # noqa: F405
    },
}
PRINT_PHOTO_CACHE_DIR = VAR_DIR / "test-cache" / "print-photos"  # noqa: F405
# Publishing renders three PDFs; only the printing tests need that (they turn it on).
PRINT_RENDER_ON_PUBLISH = False
# The anonymous page cache is off in tests; publiccache's own tests turn it on.
PUBLIC_PAGE_CACHE_SECONDS = 0
PUBLIC_DATA_CACHE_SECONDS = 0
# SQLite tests use a file (WAL, busy timeout) rather than shared-cache memory,
# so tests that write from many threads (visitors) behave as in production.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"]["NAME"] = str(VAR_DIR / "test-db.sqlite3")  # noqa: F405
