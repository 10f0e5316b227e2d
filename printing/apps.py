from django.apps import AppConfig


class PrintingConfig(AppConfig):
    name = "printing"
    verbose_name = "Print PDFs"

    def ready(self):
        from stories.routes import register_story_route

        from . import checks, signals  # noqa: F401 - system checks; publish/unpublish handlers
        from .views import newsbox_pdf, release_pdf

        register_story_route("pdf/newsbox/", newsbox_pdf, name="pdf_newsbox")
        register_story_route("pdf/release/", release_pdf, name="pdf_release")
