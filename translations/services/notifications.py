"""Telling translators that their source changed."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from languages import registry

from .roles import translator_emails


def source_of(page: Page) -> TranslationSource | None:
    """The TranslationSource extracted from `page` itself (not a translation)."""
    return TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).first()


def notify_translators_of_source_change(*, page_id: int) -> int:
    """E-mail the translators of every locale this page is translated into.

    The translations are now outdated (the status is derived from the source's
    publish time against the last sync). Returns the number of e-mails sent.
    """
    page = Page.objects.filter(pk=page_id).first()
    source = source_of(page) if page else None
    if source is None:
        return 0
    locale_ids = list(
        Translation.objects.filter(source=source, enabled=True).values_list("target_locale_id", flat=True)
    )
    recipients = translator_emails(locale_ids=locale_ids)
    codes = dict(source.translations.values_list("target_locale_id", "target_locale__language_code"))
    sent = 0
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for locale_id, emails in recipients.items():
        if not emails:
            continue
        language = registry.get(codes[locale_id]).name
        subject = _("Source changed: %(title)s (%(language)s translation is outdated)") % {
            "title": page.title,
            "language": language,
        }
        body = _(
            'The source story "%(title)s" was republished. Its %(language)s translation is now outdated.\n'
            "Sync it and translate the changed segments: %(url)s"
        ) % {"title": page.title, "language": language, "url": f"{admin_url}/admin/pages/{page.pk}/"}
        sent += send_mail(subject, body, None, emails)
    return sent
