"""core's image tags: Wagtail's own output, with the filters made once per template."""

import pytest
import wagtail_factories
from django.template import engines

pytestmark = pytest.mark.django_db

TAGS = [
    '{% srcset_image img width-{200,400} format-webp sizes="100vw" alt="" loading="lazy" %}',
    "{% image img fill-80x60 %}",
    "{% picture img format-{avif,webp} width-{120,240} %}",
    "{% srcset_image img width-{200,400} as pics %}{{ pics.renditions|length }}",
]


@pytest.mark.parametrize("tag", TAGS)
def test_same_html_as_wagtails_tags_and_filters_made_once(tag, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    image = wagtail_factories.ImageFactory(file__width=800, file__height=600)
    django_engine = engines["django"]
    ours = django_engine.from_string("{% load image_tags %}" + tag)
    theirs = django_engine.from_string("{% load wagtailimages_tags %}" + tag)
    assert ours.render({"img": image}) == theirs.render({"img": image})
    node = next(n for n in ours.template.nodelist if hasattr(n, "filter_specs"))
    made = node.get_filters() if hasattr(node, "get_filters") else [node.get_filter()]
    again = node.get_filters() if hasattr(node, "get_filters") else [node.get_filter()]
    assert [id(f) for f in made] == [id(f) for f in again]
    assert ours.render({"img": image}) == theirs.render({"img": image})
