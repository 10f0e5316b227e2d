from django.core.management.base import BaseCommand, CommandError

from syndication import services
from syndication.models import Partner


class Command(BaseCommand):
    help = "Issue another API key for an existing partner (printed once)."

    def add_arguments(self, parser):
        parser.add_argument("partner", help="Partner name")
        parser.add_argument("--label", default="")
        parser.add_argument("--expires", type=int, default=None, metavar="DAYS")

    def handle(self, *args, **options):
        partner = Partner.objects.filter(name=options["partner"]).first()
        if partner is None:
            raise CommandError(f"No partner named {options['partner']!r}.")
        if options["expires"] is not None and options["expires"] <= 0:
            raise CommandError("--expires must be a positive number of days.")
        issued = services.issue_key(
            partner=partner, label=options["label"], expires_in_days=options["expires"]
        )
        self.stderr.write(f"New key for {partner.name!r}, shown only once:")
        self.stdout.write(issued.plaintext)
