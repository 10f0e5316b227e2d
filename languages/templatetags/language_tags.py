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
