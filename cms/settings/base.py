"""Settings shared by every environment.

Every secret and every deployment-specific value is read from the environment
(see README, "Configuration"), here and nowhere else: apps read `settings.X`,
and every default lives in this module. Nothing here reads a database or the
network.
"""

import os
from pathlib import Path

import dj_database_url

from core.object_storage import s3_storages
from languages import registry as language_registry
from search.conf import search_backends
from translations.machine import machine_translator

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


# --- Reading the environment (only here) ---------------------------------------


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_float(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False  # dev.py turns it on; production and tests keep it off
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps, one per capability.
    "languages",
    "core",
    "taxonomy",
    "home",
    "stories",
    "workshops",
    "search",
    "translations",
    "printing",
    "syndication",
    "demo",
    "benchmarks",
    "visitors",
    "publiccache",
    # wagtail-localize replaces wagtail.locales
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Every error under /api/ as RFC 9457 problem+json (syndication/errors.py).
    "syndication.errors.ProblemResponsesMiddleware",
    # ETag + 304 for every response, cached or not; then the anonymous page cache.
    "django.middleware.http.ConditionalGetMiddleware",
    "publiccache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LocaleMiddleware",  # Django's, with /xx/ as a 404
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # 403 for translators acting outside their languages (translations/NOTES.md)
    "translations.middleware.LocaleGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A write refused by a read-only database: 503 "read-only maintenance" (core/readonly.py).
    "core.readonly.ReadOnlyMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "languages.context_processors.language",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: DATABASE_URL, or an SQLite file under var/ (the embedded default).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the task worker writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DATABASES["default"].setdefault("TEST", {})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------
# ENABLED_LANGUAGES="en,hi,ta" narrows the content locales; all 23 by default.
CONTENT_LANGUAGES = language_registry.enabled(env_str("ENABLED_LANGUAGES"))
LANGUAGE_CODE = language_registry.DEFAULT_CODE
LANGUAGES = [(language.code, language.name) for language in CONTENT_LANGUAGES]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Kolkata"
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media --------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_URL = env_str("STATIC_URL", "/static/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- File storage ----------------------------------------------------------------
# "default" is public media: images, renditions, documents, served at a URL.
# "private" is for files derived from story text (print PDFs, partners' print
# scans): nothing serves it; a view checks access, then streams the file or
# redirects to a signed URL (core/storage.py). Local disk unless
# AWS_STORAGE_BUCKET_NAME names an S3-compatible bucket; the private files then
# go to AWS_PRIVATE_BUCKET_NAME, or under private/ in the same bucket.
PRIVATE_ROOT = Path(env_str("PRIVATE_ROOT", str(VAR_DIR / "private")))
STORAGES["private"] = {
    "BACKEND": "core.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": PRIVATE_ROOT},
}
if env_str("AWS_STORAGE_BUCKET_NAME"):
    STORAGES.update(
        s3_storages(
            bucket=env_str("AWS_STORAGE_BUCKET_NAME"),
            private_bucket=env_str("AWS_PRIVATE_BUCKET_NAME"),
            endpoint_url=env_str("AWS_S3_ENDPOINT_URL"),
            region_name=env_str("AWS_S3_REGION_NAME"),
            access_key=env_str("AWS_ACCESS_KEY_ID"),
            secret_key=env_str("AWS_SECRET_ACCESS_KEY"),
            custom_domain=env_str("AWS_S3_CUSTOM_DOMAIN"),
        )
    )

# --- Background tasks (django-tasks) -------------------------------------------
# The database backend is the default: `python manage.py db_worker` runs the
# queue. Tests switch to the immediate backend.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- Cache ---------------------------------------------------------------------
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "odop",
    }
}
if redis_url := env_str("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": redis_url,
    }
# Production settings require a cache shared by every process (core.checks).
SHARED_CACHE_REQUIRED = False

# Full-page cache for anonymous readers (publiccache); 0 turns it off.
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 300)
# Per-page data (alternates, navigation, related stories) kept between
# renders, forgotten on publish like the page cache; 0 turns it off.
PUBLIC_DATA_CACHE_SECONDS = env_int("PUBLIC_DATA_CACHE_SECONDS", 300)
# The cache holding pages, per-page data and the content generation: shared
# by every process (Redis) in production.
PUBLIC_PAGE_CACHE_ALIAS = "default"

# CDN purge on publish (wagtail.contrib.frontend_cache), configured only when
# the environment names a CDN: Cloudflare, or any cache that accepts PURGE.
WAGTAILFRONTENDCACHE = {}
if cloudflare_zone_id := env_str("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
        "ZONEID": cloudflare_zone_id,
    }
if purge_url := env_str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": purge_url,
    }

# --- Wagtail -------------------------------------------------------------------
WAGTAIL_SITE_NAME = "ODOP Success Stories"
# The public origin readers use (scheme, host, port; no path), e.g.
# https://odop.example.gov.in. Every absolute URL is built from it (core.site),
# and `migrate` writes it into the Wagtail Site record.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
# Embedded default (SQLite FTS5 with an Indic tokenizer, or PostgreSQL "simple"),
# or Elasticsearch/OpenSearch when SEARCH_URL is set: see search/conf.py.
WAGTAILSEARCH_BACKENDS = search_backends(
    urls=env_str("SEARCH_URL") or env_str("ELASTICSEARCH_URL"),
    engine=env_str("SEARCH_ENGINE"),  # empty: from the URL scheme, else Elasticsearch
    index_prefix=env_str("SEARCH_INDEX_PREFIX", "odop_"),
    timeout=env_int("SEARCH_TIMEOUT", 5),
)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Huge images are refused at upload with a message naming the limit.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "bmp": "png", "heic": "jpeg"}
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Print PDFs (printing app) -------------------------------------------------
# Render the news box and release PDFs when a story is published.
PRINT_RENDER_ON_PUBLISH = True
# News box geometry: N columns of COLUMN_MM with GUTTER_MM between them.
PRINT_NEWSBOX_COLUMNS = env_int("PRINT_NEWSBOX_COLUMNS", 3)
PRINT_NEWSBOX_COLUMN_MM = env_float("PRINT_NEWSBOX_COLUMN_MM", 40)
PRINT_NEWSBOX_GUTTER_MM = env_float("PRINT_NEWSBOX_GUTTER_MM", 4)
# Tallest news box; a longer story is refused with a clear error.
PRINT_NEWSBOX_MAX_HEIGHT_MM = 1500.0
# CMYK profile for the PDF/X OutputIntent and photo separation. Unset or empty:
# Ghostscript's "Artifex CMYK SWOP Profile" (Debian libgs-common). Point it at
# ISOnewspaper26v4.icc for newsprint.
PRINT_ICC_PROFILE = env_str("PRINT_ICC_PROFILE") or "/usr/share/color/icc/ghostscript/default_cmyk.icc"
# Gray profile that turns photos into greyscale (also libgs-common).
PRINT_GRAY_PROFILE = "/usr/share/color/icc/ghostscript/sgray.icc"
PRINT_IMAGE_DPI = env_int("PRINT_IMAGE_DPI", 240)  # 200-300 for the placed size
PRINT_MAX_ATTEMPTS = env_int("PRINT_MAX_ATTEMPTS", 3)
PRINT_RETRY_DELAY_SECONDS = 60
# Photos converted for print: a local working cache, never media (they may
# belong to embargoed stories) and never object storage (WeasyPrint reads files).
PRINT_PHOTO_CACHE_DIR = Path(env_str("PRINT_PHOTO_CACHE_DIR", str(VAR_DIR / "cache" / "print-photos")))
# {language code: font family} replacing the registry's Noto face.
PRINT_FONT_OVERRIDES: dict[str, str] = {}
# "Source: ..." line of a release without an issuing office.
PRINT_SOURCE_LINE = "PIB"

# --- Syndication (partner API and feeds) -------------------------------------------
# Requests per key per period: "<count>/<second|minute|hour>".
SYNDICATION_RATE_LIMIT = "120/minute"
SYNDICATION_PAGE_SIZE = 50
# Largest scan a partner may attach to a print report.
SYNDICATION_SCAN_MAX_BYTES = 10 * 1024 * 1024
# Authority and date of the tag: URIs that name every item (RFC 4151).
SYNDICATION_URI_AUTHORITY = "pib.gov.in,2024"
SYNDICATION_COPYRIGHT_HOLDER = "Press Information Bureau, Government of India"
SYNDICATION_USAGE_TERMS = (
    "Free to publish, in print and online, with credit to PIB. "
    "Do not publish before the embargo time, if any."
)
# Print rendition: this many millimetres wide at 300 dpi.
SYNDICATION_PRINT_WIDTH_MM = 180
# Seconds a serialized item stays cached (0: off). Keyed by version,
# embargo and language versions, so only taxonomy renames wait for it.
SYNDICATION_ITEM_CACHE_SECONDS = 300
# Seconds a conditional poll may be answered 304 from the ETag remembered
# for the same partner and URL (0: off). Publishing resets it at once.
SYNDICATION_VALIDATOR_CACHE_SECONDS = 10
# Dotted paths to functions(*, pages, request) -> {page_id: [rendition dicts]}
# that add PDF renditions. Each must import: `manage.py check` fails otherwise.
SYNDICATION_PDF_RENDITIONS: list[str] = []

# --- Visitor beacon (visitors) ---------------------------------------------------
# Views one client (address) may report per window: (count, seconds); 0 turns it off.
# Counted in the default cache, so every process shares it.
VISITORS_BEACON_RATE_LIMIT = (30, 600)
# Proxies whose X-Forwarded-For names the client (nginx on the same host).
VISITORS_TRUSTED_PROXIES = ("127.0.0.1", "::1")

# --- Machine translation -----------------------------------------------------------
# Off unless MT_BACKEND=libretranslate|bhashini (with MT_URL, MT_API_KEY,
# MT_SERVICE_ID for Bhashini). See translations/NOTES.md.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
    backend=env_str("MT_BACKEND"),
    url=env_str("MT_URL"),
    api_key=env_str("MT_API_KEY"),
    service_id=env_str("MT_SERVICE_ID"),
    timeout=env_float("MT_TIMEOUT", 20),
)
