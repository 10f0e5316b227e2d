"""Wagtail's publish_scheduled, plus embargo lifts.

Publishes revisions whose go-live time has come and unpublishes expired
pages (Wagtail's command), then releases stories whose embargo has passed
and tells every feature (caches, CDN, feeds, API) through
``stories.signals.story_released``. Run it every minute: `make run` does,
and deploy/ has the systemd timer for production."""

from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from ...services.embargo import lift_due_embargoes


class Command(WagtailPublishScheduled):
    help = "Publish and expire scheduled pages, and lift embargoes whose time has passed."

    def handle(self, *args, **options):
        super().handle(*args, **options)
        if options["dryrun"]:
            return
        released = lift_due_embargoes()
        for story in released:
            self.stdout.write(f"Embargo lifted: {story.pk} {story.title} ({story.locale.language_code})")
        if released or options["verbosity"] > 1:
            self.stdout.write(f"{len(released)} embargo(es) lifted.")
