"""Regenerate stored story PDFs.

python manage.py render_pdfs --all
python manage.py render_pdfs --story 42            # that story in every live language
python manage.py render_pdfs --story 42 --locale hi
python manage.py render_pdfs --locale ur
"""

from __future__ import annotations

import shutil
import time

from django.core.management.base import BaseCommand, CommandError

from languages import registry
from printing.models import StoryPdf
from printing.selectors import stories_to_render
from printing.services.generation import generate_story_pdfs
from stories.models import SuccessStoryPage


class Command(BaseCommand):
    help = "Render the news-box and A4 release PDFs of live stories (in this process, not the queue)."

    def add_arguments(self, parser):
        parser.add_argument("--story", type=int, help="page id of a story; renders all its live languages")
        parser.add_argument("--locale", help="language code, e.g. hi")
        parser.add_argument("--all", action="store_true", help="every live story in every language")
        parser.add_argument("--force", action="store_true", help="re-render PDFs that are already stored")

    def handle(self, *args, story=None, locale=None, all=False, force=False, **options):  # noqa: A002
        if not (story or locale or all):
            raise CommandError("say what to render: --story ID, --locale CODE or --all")
        if locale and locale not in registry.BY_CODE:
            raise CommandError(f"unknown language code {locale!r}; known: {', '.join(registry.ALL_CODES)}")
        try:
            pages = list(stories_to_render(story_id=story, locale=locale).values_list("pk", flat=True))
        except SuccessStoryPage.DoesNotExist as exc:
            raise CommandError(str(exc)) from exc
        if not pages:
            self.stdout.write("No live stories match.")
            return
        failed = self._render_all(pages, force=force)
        if failed:
            self.stderr.write(self.style.ERROR(f"{len(failed)} PDF(s) failed:"))
            for row in failed:
                self.stderr.write(f"  page {row.page_id} {row.locale} {row.format}: {row.error}")
            raise CommandError("some PDFs failed; see above")

    def _render_all(self, pages: list[int], *, force: bool) -> list[StoryPdf]:
        failed: list[StoryPdf] = []
        started = time.perf_counter()
        for done, page_id in enumerate(pages, start=1):
            rows = generate_story_pdfs(page_id=page_id, force=force)
            failed += [row for row in rows if row.status == StoryPdf.Status.FAILED]
            self._progress(done, len(pages), time.perf_counter() - started, len(failed))
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Rendered {len(pages)} story page(s) in {time.perf_counter() - started:.1f} s"
            )
        )
        return failed

    def _progress(self, done: int, total: int, elapsed: float, failures: int) -> None:
        width = max(10, min(40, shutil.get_terminal_size((80, 20)).columns - 40))
        filled = round(width * done / total)
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total} pages  {elapsed:.1f}s  failures: {failures}", ending="")
        self.stdout.flush()
