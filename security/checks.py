"""System checks: production must say where notification e-mails go."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOG_ONLY_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
}


@register(Tags.compatibility)
def check_email_is_delivered(app_configs, **kwargs):
    """Workflow and password-reset mails would only reach the log."""
    if not settings.EMAIL_REQUIRED or settings.EMAIL_BACKEND not in LOG_ONLY_BACKENDS:
        return []
    return [
        Warning(
            f"EMAIL_HOST is not set: e-mails (workflow notifications, password resets) are written to "
            f"the log by {settings.EMAIL_BACKEND}, not sent.",
            hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, "
            "DEFAULT_FROM_EMAIL) in the environment; see README, Configuration.",
            id="security.W001",
        )
    ]
