from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from syndication import services
from syndication.models import Partner


class Command(BaseCommand):
    help = "Revoke an API key (by its prefix, the part before the dot) or all keys of a partner."

    def add_arguments(self, parser):
        parser.add_argument("prefix", nargs="?", help="Key prefix, e.g. 3f9a1c2b")
        parser.add_argument("--partner", help="Revoke every key of this partner instead")

    def handle(self, *args, **options):
        if options["partner"]:
            partner = Partner.objects.filter(name=options["partner"]).first()
            if partner is None:
                raise CommandError(f"No partner named {options['partner']!r}.")
            prefixes = list(partner.api_keys.filter(revoked_at__isnull=True).values_list("prefix", flat=True))
        elif options["prefix"]:
            prefixes = [options["prefix"]]
        else:
            raise CommandError("Give a key prefix or --partner NAME.")
        for prefix in prefixes:
            try:
                services.revoke_key(prefix=prefix)
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from error
            self.stdout.write(f"Revoked key {prefix}.")
