from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

# The same bar as Django's own deploy check (security.W009): 50 characters,
# at least 5 different ones, not one of our dev/test placeholders.
if (
    not SECRET_KEY  # noqa: F405
    or SECRET_KEY.startswith(("dev-only", "test-only", "django-insecure"))  # noqa: F405
    or len(SECRET_KEY) < 50  # noqa: F405
    or len(set(SECRET_KEY)) < 5  # noqa: F405
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment to a random string of at least 50 characters "
        "for production settings, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}
