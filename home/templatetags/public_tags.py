"""Thin tags that hand base.html ready-made values from home.context."""

from django import template

from core.cache import remember

from .. import context as chrome_context
from .. import fonts

register = template.Library()


@register.simple_tag(takes_context=True)
def page_chrome(context, page=None):
    from wagtail.models import Page

    page = page if isinstance(page, Page) else None
    request = context.get("request")
    language = context["current_language"]
    landing = context.get("landing") if page is not None else None
    landing = (landing["kind"], landing["object"]) if landing else None

    def compute():
        chrome = chrome_context.page_chrome(
            page, request=request, language_code=language.code, landing=landing
        )
        chrome["font_stylesheet"] = fonts.stylesheet_path(language.code)
        return chrome

    if page is None:
        return compute()
    from stories.invalidation import story_tag

    # A page's chrome names its translations (alternates): a story's move
    # with the story; other pages' (and the taxonomy a landing page's
    # alternates name) with the content generation.
    where = (landing[0], landing[1].translation_key) if landing else ()
    return remember(
        name="chrome",
        parts=(request.get_host(), page.pk, language.code, *where),
        compute=compute,
        tags=(story_tag(page.translation_key),),
    )


@register.filter
def local_date(value, language_code="en"):
    from languages.formatting import format_posted_date

    return format_posted_date(value, language_code) if value else ""
