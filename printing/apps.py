from functools import partial

from django.apps import AppConfig


class PrintingConfig(AppConfig):
    name = "printing"
    verbose_name = "Print PDFs"

    def ready(self):
        from core.work import register_work_list
        from stories.annotations import register_story_annotation
        from stories.routes import register_story_route

        from . import (  # noqa: F401 - system checks; publish/unpublish handlers
            checks,
            signals,
            work,
        )
        from .selectors import READY_SIZE_ANNOTATIONS, ready_size_annotation
        from .views import newsbox_pdf, release_pdf

        register_work_list("failed_pdfs", work.failed_pdfs)

        register_story_route("pdf/newsbox/", newsbox_pdf, name="pdf_newsbox")
        register_story_route("pdf/release/", release_pdf, name="pdf_release")
        for fmt, name in READY_SIZE_ANNOTATIONS.items():  # the page's PDF links, with the story
            register_story_annotation(name, partial(ready_size_annotation, fmt))
