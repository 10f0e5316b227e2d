from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "syndication"
    verbose_name = "Syndication"

    def ready(self):
        from . import signals  # noqa: F401
