from django.apps import AppConfig


class PrintingConfig(AppConfig):
    name = "printing"
    verbose_name = "Print PDFs"

    def ready(self):
        from . import signals  # noqa: F401 - connects publish/unpublish handlers
