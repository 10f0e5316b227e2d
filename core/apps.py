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
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import PageViewRestriction, Site
        from wagtail.signals import post_page_move

        from . import checks  # noqa: F401 - registers the system checks
        from .pages import forget_restrictions
        from .sites import forget_sites

        # Sites and restricted paths are cached (core.sites, core.pages) until they change.
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(forget_sites, sender=Site, dispatch_uid=f"core.forget_sites.{name}")
            signal.connect(
                forget_restrictions,
                sender=PageViewRestriction,
                dispatch_uid=f"core.forget_restrictions.{name}",
            )
        post_page_move.connect(forget_restrictions, dispatch_uid="core.forget_restrictions.move")

        # After wagtailcore's own signal handlers: the Site table is there.
        post_migrate.connect(
            after_migrate, sender=apps.get_app_config("wagtailcore"), dispatch_uid="core.after_migrate"
        )
