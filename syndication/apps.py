from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "syndication"
    verbose_name = "Syndication"

    def ready(self):
        # Connect the signal handlers and register the system checks.
        from core.work import register_work_list

        from . import checks, signals, work  # noqa: F401

        register_work_list("pickups", work.recent_pickups)
