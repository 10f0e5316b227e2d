"""python manage.py import_release PATH --locale hi [--publish] [--dry-run] [--parent ID]"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, no_translations

from languages.formatting import to_ist
from stories.limits import check_release_bytes
from stories.services.release_import import (
    ImportPlan,
    ReleaseImportError,
    import_release,
    parse_release_text,
    plan_import,
    resolve_locale,
)
from stories.services.release_parser import Release, ReleaseFormatError, decode_release


class Command(BaseCommand):
    help = (
        "Import a PIB release in its plain-text format as a success story in one locale. "
        "Importing the same Release ID again updates that story as a new revision."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="UTF-8 text file holding one PIB release")
        parser.add_argument("--locale", required=True, help="language code of the release, e.g. hi, en, ur")
        parser.add_argument("--publish", action="store_true", help="publish the story (default: draft)")
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would be written; write nothing"
        )
        parser.add_argument(
            "--parent", type=int, default=None, help="id of the StoryIndexPage to create the story under"
        )

    @no_translations  # messages in English, whatever language the process last used
    def handle(self, *args, path, locale, publish, dry_run, parent, **options):
        source = Path(path)
        try:
            target_locale = resolve_locale(locale)
            release = self._parse(source, target_locale)
            if dry_run:
                self._print_plan(
                    release, plan_import(release=release, locale=target_locale, parent_id=parent)
                )
                return
            result = import_release(release=release, locale=target_locale, publish=publish, parent_id=parent)
        except ReleaseImportError as error:
            raise CommandError(f"{source}: {error}") from error

        page = result.page
        verb = "Created" if result.created else "Updated"
        state = "live" if page.live else "draft (use --publish to publish)"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} story {page.pk} in '{target_locale.language_code}' for Release ID "
                f"{page.release_id}: {state}"
            )
        )
        self.stdout.write(self._absolute(page.get_url()))
        self.stdout.write(f"Edit: {self._absolute(f'/admin/pages/{page.pk}/edit/')}")

    def _parse(self, source: Path, locale) -> Release:
        if not source.is_file():
            raise CommandError(f"{source}: no such file")
        try:
            check_release_bytes(source.stat().st_size)  # before reading it
        except ValidationError as error:
            raise CommandError(f"{source}: {error.messages[0]}. Nothing was written.") from error
        try:
            release = parse_release_text(decode_release(source.read_bytes()), locale)
        except ReleaseFormatError as error:
            where = f"{source}:{error.line}" if error.line else str(source)
            raise CommandError(f"{where}: {error.message}. Nothing was written.") from error
        for warning in release.warnings:
            where = f"{source}:{warning.line}" if warning.line else str(source)
            self.stderr.write(f"{where}: warning: {warning.message}")
        return release

    def _print_plan(self, release: Release, plan: ImportPlan) -> None:
        if plan.existing:
            target = f"update story {plan.existing.pk} ({plan.existing.url_path}) as a new revision"
        elif plan.parent:
            target = f"create a story under story index {plan.parent.pk} ({plan.parent.url_path})"
        else:
            target = f"create the '{plan.locale.language_code}' story index, then a story under it"
        if plan.counterpart and not plan.existing:
            target += (
                f", as the '{plan.locale.language_code}' translation of story {plan.counterpart.pk} "
                f"({plan.counterpart.locale.language_code})"
            )
        lines = [
            f"Dry run: would {target}.",
            f"  Locale:        {plan.locale.language_code}",
            f"  Release ID:    {release.release_id}",
            f"  Ministry:      {release.ministry or '-'}",
            f"  Headline:      {release.headline}",
            *(f"  Subheadline:   {text}" for text in release.subheadlines),
            f"  Posted at:     {to_ist(release.posted_at):%Y-%m-%d %H:%M} IST",
            f"  Office:        {release.issuing_office or '-'}",
            f"  Paragraphs:    {len(release.paragraphs)}",
            f"  Initials:      {release.initials or '-'}",
            "Nothing was written.",
        ]
        self.stdout.write("\n".join(lines))

    @staticmethod
    def _absolute(url: str | None) -> str:
        if not url:
            return "(no URL: the story is not under a site)"
        if url.startswith("/"):
            return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
        return url
