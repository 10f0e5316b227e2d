from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from translations.services import publishing
from translations.services.gate import PublishRefused


class Command(BaseCommand):
    help = (
        "Publish the latest revision of a page as a named user, through Wagtail's permissions and the "
        "translation review gate (a translation needs a reviewer of its language; see translations/NOTES.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--page", type=int, required=True, help="Page ID")
        parser.add_argument("--user", required=True, help="Username of the person publishing")

    def handle(self, *args, page, user, **options):
        target = Page.objects.filter(pk=page).first()
        if target is None:
            raise CommandError(f"No page {page}")
        person = get_user_model().objects.filter(username=user, is_active=True).first()
        if person is None:
            raise CommandError(f"No active user {user!r}")
        try:
            published = publishing.publish_page(page=target, user=person)
        except PublishRefused as refusal:
            raise CommandError(refusal.reason) from refusal
        except PermissionDenied as error:
            raise CommandError(f"{person} may not publish page {page}: {error}") from error
        self.stdout.write(f"Published “{published.title}” ({published.locale.language_code}) as {person}")
