"""Settings shared by every environment.

Every secret and every deployment-specific value is read from the environment
(see README, "Configuration"), here and nowhere else: apps read `settings.X`,
and every default lives in this module. Nothing here reads a database or the
network.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from core.object_storage import s3_storages
from languages import registry as language_registry
from search.conf import search_backends
from security import policy as security_policy
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
    # Before django_tasks_db: its db_worker command replaces that app's.
    "operations",
    "security",
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
    # After wagtail.admin: its ready() replaces two of Wagtail's workflow e-mails.
    "workspace",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
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
    # Content-Security-Policy and Permissions-Policy, cached pages included (security).
    "security.middleware.ContentSecurityPolicyMiddleware",
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
    # Last: turns a locked-out login into the lockout page (security).
    "axes.middleware.AxesMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DB_PREPARED_STATEMENTS", True
):
    # The public pages' compiled reads (core/compiled.py) are prepared once
    # per connection; every other query binds on the client as Django's
    # default. Off for a pooler that cannot keep prepared statements
    # (PgBouncer in transaction mode before 1.21).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("prepare_threshold", 5)
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
# Admin language (Account → Preferences): all 23, each named in its own script.
# Wagtail ships no catalog for most of them; the project's own admin strings
# (translation screens, status report, PO import, messages) are in locale/.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (language.code, language.native_name) for language in language_registry.LANGUAGES
]
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

# --- Background work you can trust (operations) --------------------------------
# The worker (operations' db_worker) stops a task at its time limit, and on
# SIGTERM gives the task in hand OPERATIONS_SHUTDOWN_GRACE_SECONDS before it
# abandons it for another worker; keep that below systemd's TimeoutStopSec.
OPERATIONS_TASK_TIME_LIMIT = env_int("TASK_TIME_LIMIT", 600)  # seconds, per task
OPERATIONS_TASK_TIME_LIMITS: dict[
    str, int
] = {}  # per task path, e.g. {"printing.tasks.render_story_pdfs": 300}
OPERATIONS_SHUTDOWN_GRACE_SECONDS = 20
OPERATIONS_HEARTBEAT_SECONDS = 10  # how often each worker writes its heartbeat row
OPERATIONS_HEARTBEAT_STALE_SECONDS = 60  # a worker silent this long is presumed dead
# A task stopped by a dead worker, a time limit or a shutdown runs again until
# it has been started this many times, then it is FAILED with the reason.
OPERATIONS_TASK_MAX_ATTEMPTS = 3
OPERATIONS_QUEUE_AGE_WARNING_SECONDS = 300  # oldest waiting task: the admin warns past this
OPERATIONS_TASK_RESULT_RETENTION_DAYS = 14  # finished results older than this are pruned

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
# The purge list names each language's pages already (stories.invalidation):
# Wagtail must not copy every URL into every language prefix (23 purges per URL,
# of paths whose slugs and ids differ between languages).
WAGTAILFRONTENDCACHE_LANGUAGES = []

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
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "bmp": "png", "heic": "jpeg"}
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: it would send a hash of every editor's e-mail
# address to an outside service, and government networks block it. Wagtail
# shows its own default avatar, or one the user uploads in their account.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

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
# Output profiles a partner may choose for its greyscale news box
# (Partner.print_profile): the PDF's OutputIntent is set to the chosen one at
# download. "house" is PRINT_ICC_PROFILE; add a paper's own as
# PRINT_OUTPUT_PROFILES="newsprint=/srv/icc/ISOnewspaper26v4.icc,dainik=/srv/icc/dainik.icc".
# No newsprint profile ships with Debian or PyPI under a licence to redistribute (printing/NOTES.md).
PRINT_OUTPUT_PROFILES = {
    "house": PRINT_ICC_PROFILE,
    **dict(pair.split("=", 1) for pair in env_list("PRINT_OUTPUT_PROFILES") if "=" in pair),
}
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
SYNDICATION_RATE_LIMIT = env_str("SYNDICATION_RATE_LIMIT", "120/minute")  # per key
SYNDICATION_PAGE_SIZE = 50
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
# printing's provider: the news boxes and the A4 release of the live revision.
SYNDICATION_PDF_RENDITIONS: list[str] = ["printing.syndication.pdf_renditions"]

# --- Delivery: cursor safety window (syndication) ----------------------------------
# A cursor's next page also takes stories up to this many seconds older than the
# cursor that it has not served: a publish that commits late, with an earlier
# timestamp, is not skipped (syndication/cursors.py). Longer than any publish transaction.
SYNDICATION_CURSOR_SAFETY_SECONDS = 300

# --- Input limits (core.limits) ---------------------------------------------------
# Every door checks its input against these before writing anything, and the
# error names the limit and its setting (README, "Input limits"). Each is
# overridable from the environment under the same name.
MiB = 1024 * 1024
# PIB release files (import_release and the admin import).
LIMIT_RELEASE_FILE_BYTES = env_int("LIMIT_RELEASE_FILE_BYTES", 1 * MiB)
# A story, however it is written (editor, import, PO file, API): checked by
# SuccessStoryPage.clean() at every save and publish, and again before print.
LIMIT_HEADLINE_CHARS = env_int("LIMIT_HEADLINE_CHARS", 255)
LIMIT_SUBHEADLINE_CHARS = env_int("LIMIT_SUBHEADLINE_CHARS", 500)
LIMIT_SUBHEADLINES = env_int("LIMIT_SUBHEADLINES", 10)
LIMIT_SUMMARY_CHARS = env_int("LIMIT_SUMMARY_CHARS", 1_000)
LIMIT_STORY_BODY_CHARS = env_int("LIMIT_STORY_BODY_CHARS", 60_000)  # all text in the body
LIMIT_STORY_BODY_BLOCKS = env_int("LIMIT_STORY_BODY_BLOCKS", 300)
# Offline translation (PO files and zips of them).
LIMIT_PO_FILE_BYTES = env_int("LIMIT_PO_FILE_BYTES", 5 * MiB)
LIMIT_PO_ZIP_BYTES = env_int("LIMIT_PO_ZIP_BYTES", 20 * MiB)
LIMIT_PO_ZIP_FILES = env_int("LIMIT_PO_ZIP_FILES", 500)
LIMIT_PO_ZIP_UNCOMPRESSED_BYTES = env_int("LIMIT_PO_ZIP_UNCOMPRESSED_BYTES", 100 * MiB)
LIMIT_PO_EXPORT_PAGES = env_int("LIMIT_PO_EXPORT_PAGES", 200)
# Uploaded images (Wagtail's own settings; its form names the limit).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 20 * MiB)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 64_000_000)
# Pixels checked from the header before decoding (core/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.images.ImageForm"
# Partners' print-report scans: an image or a PDF.
LIMIT_SCAN_BYTES = env_int("LIMIT_SCAN_BYTES", 10 * MiB)
LIMIT_SCAN_PIXELS = env_int("LIMIT_SCAN_PIXELS", 50_000_000)  # a broadsheet page at 300 dpi is ~27 MP
LIMIT_SCAN_PDF_PAGES = env_int("LIMIT_SCAN_PDF_PAGES", 20)
# Partner API: items per page (`limit`), free text (`q`), any other parameter,
# and codes in one list parameter (lang, state, district).
LIMIT_API_PAGE_SIZE = env_int("LIMIT_API_PAGE_SIZE", 100)
LIMIT_API_QUERY_CHARS = env_int("LIMIT_API_QUERY_CHARS", 200)
LIMIT_API_PARAM_CHARS = env_int("LIMIT_API_PARAM_CHARS", 1_000)
LIMIT_API_LIST_ITEMS = env_int("LIMIT_API_LIST_ITEMS", 50)
# Public search: longer queries are cut there, and the page says so.
LIMIT_SEARCH_QUERY_CHARS = env_int("LIMIT_SEARCH_QUERY_CHARS", 200)
# Entries in one Atom feed.
LIMIT_FEED_ENTRIES = env_int("LIMIT_FEED_ENTRIES", 50)

# --- Visitor beacon (visitors) ---------------------------------------------------
# Views one client (address) may report per window: (count, seconds); 0 turns it off.
# Counted in the default cache, so every process shares it.
VISITORS_BEACON_RATE_LIMIT = (30, 600)  # per address as core.client_ip sees it (TRUSTED_PROXIES)

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

# --- Admin security (security) -------------------------------------------------------
# Login throttling (django-axes): LOGIN_FAILURE_LIMIT wrong passwords for one
# username from one client address lock that pair out for LOGIN_LOCKOUT_MINUTES
# (every further try starts the wait again); other users and addresses are
# unaffected. Attempts live in the database, so every process sees them;
# `manage.py axes_reset_username <name>` (or axes_reset) unlocks.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out pair, then:
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False  # no banner on every manage.py command
AXES_LOCKOUT_CALLABLE = "security.views.lockout_response"
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
# Proxies whose X-Forwarded-For is believed (addresses or networks, "*" for
# any): the same variable, and default, as gunicorn's (deploy/gunicorn.conf.py).
TRUSTED_PROXIES = env_list("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Content-Security-Policy (django-csp), enforced: the public policy allows
# nothing inline and nothing from elsewhere but the media origin; the admin's
# allows inline script and style for Wagtail's widgets (security/NOTES.md).
_image_origins = security_policy.media_origins(
    media_url=MEDIA_URL,
    bucket=env_str("AWS_STORAGE_BUCKET_NAME"),
    endpoint_url=env_str("AWS_S3_ENDPOINT_URL"),
    region=env_str("AWS_S3_REGION_NAME"),
    custom_domain=env_str("AWS_S3_CUSTOM_DOMAIN"),
)
CONTENT_SECURITY_POLICY = {"DIRECTIVES": security_policy.public_policy(image_origins=_image_origins)}
ADMIN_CONTENT_SECURITY_POLICY = {"DIRECTIVES": security_policy.admin_policy(image_origins=_image_origins)}
# Browser features no page of ours uses.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()"
)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# E-mail (workflow notifications, password resets): SMTP when EMAIL_HOST is
# set, else written to the log (console backend). Production settings warn
# about the latter (security.W001) instead of failing at send time. Tests use
# locmem (test.py).
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # TLS from the start (port 465)
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)  # STARTTLS (port 587)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)  # seconds; a stuck server never holds a worker
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", f"ODOP Success Stories <noreply@{urlsplit(SITE_URL).hostname}>"
)
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Production settings turn this on: mail that only reaches the log is a warning.
EMAIL_REQUIRED = False
