from .base import *  # noqa: F403

DEBUG = True
# Development only: a fixed key so that sessions survive restarts.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405, S105
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
