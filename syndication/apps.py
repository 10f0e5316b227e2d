from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "syndication"
    verbose_name = "Syndication"

    def ready(self):
        # Connect the signal handlers and register the system checks.
        from . import checks, signals  # noqa: F401
