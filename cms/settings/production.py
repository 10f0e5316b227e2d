"""Production settings: one or more machines behind a TLS proxy, several web
workers, a task worker and a scheduler (README, "Production")."""

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

# --- One site URL ----------------------------------------------------------------
# Every absolute URL is built from SITE_URL (core.site); no development default here.
if not env_str("SITE_URL"):  # noqa: F405
    raise ImproperlyConfigured(
        "SITE_URL must be set in the environment for production settings: the public origin "
        "readers use, e.g. https://odop.example.gov.in"
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
# Load balancers and systemd probe the health endpoint over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True

# --- Static files: served by gunicorn itself (WhiteNoise) --------------------------
# `make build` collects them hashed (ManifestStaticFilesStorage) and compressed
# (gzip and brotli, core.staticfiles); WhiteNoise sends hashed names with a
# ten-year immutable max-age and the others with 60 s.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "core.staticfiles.CompressedManifestStaticFilesStorage"
}

# --- Shared state: never a per-process cache ---------------------------------------
# Page cache, data cache, API ETags and rate limits live in the default cache.
# With REDIS_URL it is Redis (base.py). Without it, a table in the database
# (core.cache_backends: Django's DatabaseCache with an atomic incr), made by
# `migrate`: every process on the machine, and every machine on the same
# database, sees one cache. `manage.py check` refuses a local-memory cache here.
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "core.cache_backends.DatabaseCache",
            "LOCATION": "odop_cache",
            # A cached page is ~15 KB; 20,000 entries stay under ~300 MB.
            "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4},
        }
    }
SHARED_CACHE_REQUIRED = True

# --- E-mail (security) -------------------------------------------------------------
# Without EMAIL_HOST, mail goes to the log: `manage.py check` warns (security.W001).
EMAIL_REQUIRED = True
