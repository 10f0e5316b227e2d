"""The database backends' indexer: what it indexes, and that it prepares each
search field of an object once (upstream's title, body and autocomplete
properties each walk every field: three stream renders and three foldings of
every text per object)."""

import pytest
from wagtail.search.backends import get_search_backend

from search.backends import database
from search.normalize import index_text

from .builders import story

pytestmark = pytest.mark.django_db


def _indexer(obj):
    backend = get_search_backend()
    module = backend.index_class.add_items.__globals__
    return module["ObjectIndexer"](obj, backend)


def test_each_text_is_folded_once_per_object(monkeypatch):
    page = story(
        "hi",
        title="वाराणसी की साड़ी",
        summary="वाराणसी के कारीगरों ने नए बाज़ार पाए",
        body=[("paragraph", "<p>बनारसी रेशम</p>"), ("heading", "कारीगर")],
    )
    folded = []

    def counting(value):
        folded.append(value)
        return index_text(value)

    monkeypatch.setattr(database, "index_text", counting)
    indexer = _indexer(page)
    title = indexer.title  # walks every search field of the page
    walked = len(folded)
    body, autocomplete = indexer.body, indexer.autocomplete
    assert walked and len(folded) == walked  # the other two reuse that walk
    # SQLite keeps the texts; PostgreSQL wraps them in SearchVector(Value(...)).
    assert index_text(page.title) in str(title)
    assert index_text(page.title) in str(autocomplete)
    assert index_text(page.summary) in str(body)
    assert "बनारसी रेशम" in str(body) and "qxkrigr" in str(body)  # the stream, folded with its keys
