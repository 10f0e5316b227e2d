"""Reads for stored story PDFs. The download view, the story page links,
the render command and the benchmark call these."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from stories.models import SuccessStoryPage
from stories.selectors import not_embargoed

from .models import StoryPdf

# URL segment and ?variant -> stored format.
DOWNLOAD_FORMATS = {
    ("newsbox", ""): StoryPdf.Format.NEWSBOX_GREY,
    ("newsbox", "grey"): StoryPdf.Format.NEWSBOX_GREY,
    ("newsbox", "cmyk"): StoryPdf.Format.NEWSBOX_CMYK,
    ("release", ""): StoryPdf.Format.RELEASE,
}


def live_story_pdf(*, page, pdf_format: str) -> StoryPdf | None:
    """The ready PDF of the page's live revision, or None. One query.

    A PDF of an older revision is never returned: after a new publish the
    download answers "not ready" until the new file exists.
    """
    if not page.live or page.live_revision_id is None:
        return None
    return (
        StoryPdf.objects.filter(
            page_id=page.pk,
            revision_id=page.live_revision_id,
            format=pdf_format,
            status=StoryPdf.Status.READY,
        )
        .only("id", "file", "size", "revision_id", "format", "locale")
        .first()
    )


def ready_formats(*, page) -> dict[str, StoryPdf]:
    """{format: StoryPdf} of the ready PDFs of the page's live revision. One query."""
    if not page.live or page.live_revision_id is None:
        return {}
    rows = StoryPdf.objects.filter(
        page_id=page.pk, revision_id=page.live_revision_id, status=StoryPdf.Status.READY
    ).only("id", "format", "size")
    return {row.format: row for row in rows}


# The story route loads each format's ready size with the story
# (stories.annotations): the page's PDF links need no query.
READY_SIZE_ANNOTATIONS = {fmt: f"printing_ready_{fmt}_size" for fmt in StoryPdf.Format.values}


def ready_size_annotation(fmt: str) -> Subquery:
    """The size of the story's ready `fmt` PDF of its live revision."""
    return Subquery(
        StoryPdf.objects.filter(
            page_id=OuterRef("pk"),
            revision_id=OuterRef("live_revision_id"),
            format=fmt,
            status=StoryPdf.Status.READY,
        ).values("size")[:1]
    )


def ready_sizes(*, page) -> dict[str, int]:
    """{format: size in bytes} of the ready PDFs of the page's live revision:
    no query when the story route loaded them, else one."""
    if not page.live or page.live_revision_id is None:
        return {}
    if all(hasattr(page, name) for name in READY_SIZE_ANNOTATIONS.values()):
        sizes = {fmt: getattr(page, name) for fmt, name in READY_SIZE_ANNOTATIONS.items()}
        return {fmt: size for fmt, size in sizes.items() if size is not None}
    return {fmt: row.size for fmt, row in ready_formats(page=page).items()}


def stories_to_render(
    *, story_id: int | None = None, locale: str | None = None
) -> QuerySet[SuccessStoryPage]:
    """Live stories whose PDFs to (re)generate.

    `story_id` selects that story in every language it is live in (its
    translations share a translation_key); `locale` narrows to one language.
    """
    stories = not_embargoed(SuccessStoryPage.objects.live())
    if story_id is not None:
        key = SuccessStoryPage.objects.filter(pk=story_id).values_list("translation_key", flat=True).first()
        if key is None:
            raise SuccessStoryPage.DoesNotExist(f"no success story with id {story_id}")
        stories = stories.filter(translation_key=key)
    if locale:
        stories = stories.filter(locale__language_code=locale)
    return stories.select_related("locale").order_by("pk")


def superseded_pdfs(*, page_id: int, keep_revision_id: int) -> QuerySet[StoryPdf]:
    return StoryPdf.objects.filter(page_id=page_id).exclude(revision_id=keep_revision_id)


def failed_pdfs() -> QuerySet[StoryPdf]:
    return StoryPdf.objects.filter(status=StoryPdf.Status.FAILED).order_by("-pk")


def live_pdfs_for_pages(pages) -> dict[int, dict[str, StoryPdf]]:
    """{page id: {format: StoryPdf}} of the live revisions of `pages`, any
    status (the caller tells ready from pending). One query for any number."""
    live = {page.pk: page.live_revision_id for page in pages if page.live and page.live_revision_id}
    if not live:
        return {}
    rows = StoryPdf.objects.filter(page_id__in=live, revision_id__in=set(live.values())).only(
        "id", "page_id", "revision_id", "format", "file", "size", "status", "locale"
    )
    found: dict[int, dict[str, StoryPdf]] = {}
    for row in rows:
        if live.get(row.page_id) == row.revision_id:
            found.setdefault(row.page_id, {})[row.format] = row
    return found
