from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared page plumbing"

    def ready(self):
        from . import checks  # noqa: F401 - registers the storage checks
