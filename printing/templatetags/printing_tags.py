from django import template

from ..models import StoryPdf
from ..selectors import ready_sizes

register = template.Library()

LINKS = (
    (StoryPdf.Format.NEWSBOX_GREY, "pdf/newsbox/", "newsbox"),
    (StoryPdf.Format.NEWSBOX_CMYK, "pdf/newsbox/?variant=cmyk", "newsbox_cmyk"),
    (StoryPdf.Format.RELEASE, "pdf/release/", "release"),
)


@register.simple_tag
def story_pdf_links(page) -> list[dict]:
    """Links to the ready PDFs of the page's live revision (no query when the
    story route loaded their sizes, else one)."""
    ready = ready_sizes(page=page)
    base = page.url or ""
    return [
        {"kind": kind, "url": f"{base}{suffix}", "size_kb": max(1, round(ready[fmt] / 1024))}
        for fmt, suffix, kind in LINKS
        if fmt in ready and base
    ]
