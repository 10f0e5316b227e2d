"""Page metadata every public page shares: Open Graph locales, social
cards, schema.org NewsArticle and JSON-LD that cannot break out of its
script element. Pure helpers; content apps and features both use them."""

import functools
import json

from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe

from languages import registry

from .site import absolute_url

PIB_URL = "https://pib.gov.in/"  # the issuing offices are PIB's regional offices
PUBLISHER_LOGO = "img/favicon.svg"  # the site's emblem (a static file, under SITE_URL)


def og_locale(code: str) -> str:
    """Open Graph wants ll_TT: "hi_IN", "ur_IN", "en_IN"."""
    language = registry.get(code)
    return f"{language.code}_IN"


@functools.cache
def _social_filter():
    """The card's rendition filter, parsed once (a Filter keeps its parsed
    operations; given the spec, Wagtail parses it again on every page)."""
    from wagtail.images.models import Filter

    return Filter(spec="fill-1200x630|format-jpeg|jpegquality-80")


def social_card(*, description: str = "", image=None) -> dict:
    """Open Graph / Twitter values: a description and a 1200x630 JPEG, its
    URL under SITE_URL whichever host the request named."""
    card = {"description": (description or "").strip()[:300], "image": None}
    if image is not None:
        from wagtail.images.shortcuts import get_rendition_or_not_found

        # A missing original file must not break the page: no og:image then.
        rendition = get_rendition_or_not_found(image, _social_filter())
        if not rendition.width:
            return card
        card["image"] = {
            "url": absolute_url(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(image, "default_alt_text", "") or image.title,
        }
    return card


def news_article(
    *,
    story,
    canonical_url: str,
    image_url: str | None,
    sector_name: str,
    office_name: str,
    keywords: list[str] | None = None,
) -> dict:
    """schema.org NewsArticle for one language version of a story."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title[:110],
        "inLanguage": registry.get(story.locale.language_code).bcp47,
        "datePublished": story.posted_at.isoformat(),
        "dateModified": (story.last_published_at or story.posted_at).isoformat(),
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical_url},
        "url": canonical_url,
        "identifier": str(story.release_id or ""),
        "author": {
            "@type": "GovernmentOrganization",
            "name": office_name or "Press Information Bureau",
            "url": PIB_URL,
        },
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": "Press Information Bureau, Government of India",
            "url": PIB_URL,
            "logo": {"@type": "ImageObject", "url": absolute_url(static(PUBLISHER_LOGO))},
        },
    }
    if story.summary:
        data["description"] = story.summary[:300]
    if sector_name:
        data["articleSection"] = sector_name
    if image_url:
        data["image"] = [image_url]
    if keywords:
        data["keywords"] = keywords
    return data


def json_ld(data: dict) -> SafeString:
    """JSON for a <script type="application/ld+json"> that cannot close the
    script element early, whatever the editors wrote."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above
