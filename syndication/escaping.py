"""Escape by format: every field the feeds and the API send goes through here,
chosen by what the field *is*, never by where it happens to be written.

| field type | JSON (ninjs) | Atom (XML) |
|---|---|---|
| plain text (titles, summaries, captions, names) | the text itself: no entities | ``type="text"``, escaped once by the XML writer; characters XML 1.0 forbids dropped |
| rich text (bodies, ``contentType: text/html``) | ``sanitised_html`` | ``type="html"``, the sanitised HTML escaped once |

Bodies are rendered with Django's autoescape from Wagtail-whitelisted rich
text already; ``sanitised_html`` (nh3, the Ammonia sanitiser) is the last
guard, so that markup imported around the editor (a PO file, a script) can
never reach a partner's page or a feed reader as live HTML.
"""

from __future__ import annotations

import re

import nh3

# What a story body may contain (the blocks' ninjs templates and Wagtail's
# paragraph features); anything else is unwrapped to its text.
BODY_TAGS = frozenset(
    {"p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "b", "em", "i", "a"}
    | {"blockquote", "footer", "figure", "figcaption", "img", "span"}
)
BODY_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ul": {"class"},
    "span": {"class"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Characters XML 1.0 cannot carry (Django's feed writer refuses them): C0
# controls other than tab, newline and carriage return, and the non-characters.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def plain_text(value) -> str:
    """A plain-text field for JSON: the text as written (None is "")."""
    return "" if value is None else str(value)


def xml_text(value) -> str:
    """A plain-text field for XML; the XML writer escapes it once."""
    return XML_FORBIDDEN.sub("", plain_text(value))


def sanitised_html(value) -> str:
    """A rich-text field: HTML with only the body's own tags and attributes,
    safe links (http, https, mailto, tel) and no scripts, styles or handlers."""
    return nh3.clean(
        XML_FORBIDDEN.sub("", plain_text(value)),
        tags=set(BODY_TAGS),
        attributes={tag: set(names) for tag, names in BODY_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
    )


def ninjs_fields(value):
    """A ninjs item (or any part of one) with every field escaped by its type:
    a ``{"contentType": "text/html", "value": ...}`` value is rich text, every
    other string is plain text."""
    if isinstance(value, dict):
        escaped = {name: ninjs_fields(item) for name, item in value.items()}
        if value.get("contentType") == "text/html" and isinstance(value.get("value"), str):
            escaped["value"] = sanitised_html(value["value"])
        return escaped
    if isinstance(value, list):
        return [ninjs_fields(item) for item in value]
    if isinstance(value, str):
        return plain_text(value)
    return value
