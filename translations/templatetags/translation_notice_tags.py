from django import template

from core.cache import remember
from languages import registry

from ..selectors import translation_freshness

register = template.Library()


def _notice(page, request) -> dict:
    freshness = translation_freshness(page)
    if freshness is None or not freshness.outdated:
        return {"source_url": None, "source_language": None}
    return {
        "source_url": freshness.source_page.get_url(request),
        "source_language": registry.get(freshness.source_page.locale.language_code),
    }


@register.inclusion_tag("translations/components/stale_notice.html", takes_context=True)
def stale_notice(context, page) -> dict:
    """A note on a translated page whose original has changed since, with a
    link to the original: ``{% stale_notice page %}``. Cached with the page's
    data (core.cache), so a publish of the source shows it at once."""
    request = context.get("request")
    host = request.get_host() if request is not None else ""
    from stories.invalidation import story_tag

    return remember(
        name="stale-notice",
        parts=(host, page.pk),
        compute=lambda: _notice(page, request),
        tags=(story_tag(page.translation_key),),  # the source is a translation: same key
    )
