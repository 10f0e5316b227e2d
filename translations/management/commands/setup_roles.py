from django.core.management.base import BaseCommand, CommandError

from translations.services import roles


class Command(BaseCommand):
    help = (
        "Create the Editors, Moderators, Translators (<code>) and Reviewers (<code>) groups, their page "
        "permissions and the editorial and language review workflows. Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locales", help="Comma-separated codes (default: every enabled language)")
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help=f"Also create demo users editor, moderator, translator-<code>, reviewer-<code> "
            f"with the password {roles.DEMO_PASSWORD!r}. Never on a real site.",
        )

    def handle(self, *args, locales=None, demo_users=False, **options):
        codes = [code.strip() for code in locales.split(",") if code.strip()] if locales else None
        unknown = sorted(set(codes or []) - set(roles.enabled_codes()))
        if unknown:
            raise CommandError(f"Not enabled languages: {', '.join(unknown)}")
        groups = roles.setup_roles(codes=codes)
        self.stdout.write(f"{len(groups)} groups ready: {', '.join(sorted(groups))}")
        if demo_users:
            names = roles.create_demo_users(codes=codes or roles.enabled_codes())
            self.stdout.write(f"Demo users ({roles.DEMO_PASSWORD}): {', '.join(names)}")
