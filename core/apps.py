from django.apps import AppConfig, apps
from django.core.management import call_command
from django.db.models.signals import post_migrate

from .site import configure_default_site, site_url


def after_migrate(sender, using, verbosity=1, **kwargs):
    """Every `migrate` leaves a deployment ready to serve: the database cache
    table exists (when the settings use one) and the Wagtail Site says SITE_URL."""
    call_command("createcachetable", database=using, verbosity=0)
    site, changed = configure_default_site(using=using)
    if changed and verbosity:
        print(f"  Wagtail Site now {site.root_url} (SITE_URL {site_url()})")


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared page plumbing"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks

        # After wagtailcore's own signal handlers: the Site table is there.
        post_migrate.connect(
            after_migrate, sender=apps.get_app_config("wagtailcore"), dispatch_uid="core.after_migrate"
        )
