"""`absolute`: a path under SITE_URL (core.site.absolute_url), for links
that name the site in full: hreflang alternates, feeds, canonical URLs."""

from django import template

from core.site import absolute_url

register = template.Library()


@register.filter
def absolute(path: str) -> str:
    return absolute_url(path) if path else ""
