from django import template

from ..selectors import visitor_counter as counter_for

register = template.Library()


@register.inclusion_tag("visitors/counter.html")
def visitor_counter(page) -> dict:
    """The page's visitor counter and its beacon: ``{% visitor_counter page %}``."""
    return {"visitor": counter_for(page)}
