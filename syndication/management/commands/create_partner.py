from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from syndication import services


class Command(BaseCommand):
    help = "Create a syndication partner and print its first API key (shown once)."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--languages", required=True, help="Language codes, e.g. hi,en")
        parser.add_argument("--states", default="", help="State LGD codes or English names, comma-separated")
        parser.add_argument("--contact", default="")
        parser.add_argument("--embargo", action="store_true", help="May see embargoed stories")
        parser.add_argument("--expires", type=int, default=None, metavar="DAYS", help="Key expires in DAYS")

    def handle(self, *args, **options):
        try:
            issued = services.create_partner(
                name=options["name"],
                languages=options["languages"].split(","),
                states=options["states"].split(",") if options["states"] else [],
                contact=options["contact"],
                may_see_embargoed=options["embargo"],
                expires_in_days=options["expires"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        partner = issued.api_key.partner
        self.stderr.write(
            f"Partner {partner.name!r} created (id {partner.pk}). Its API key, shown only once:"
        )
        self.stdout.write(issued.plaintext)
