from django import template

from .. import formatting, registry

register = template.Library()


@register.filter
def indian_number(value, language_code="en"):
    return formatting.format_number(value, language_code)


@register.simple_tag
def dateline(value, language_code, office=""):
    return formatting.format_dateline(value, language_code, office)


@register.simple_tag
def language_info(code):
    return registry.get(code)


@register.simple_tag(takes_context=True)
def page_language(context, page=None):
    """The Language of the page being rendered, else of the request's URL.

    Wagtail serves a page that has no translation in the URL's language in its
    own language (/ta/stories/x/ shows the English story): the page's locale,
    not the URL, says what language the text is in.
    """
    locale = getattr(page, "locale", None)
    if locale is not None:
        try:
            return registry.get(locale.language_code)
        except KeyError:
            pass
    return context.get("current_language") or registry.get(registry.DEFAULT_CODE)
