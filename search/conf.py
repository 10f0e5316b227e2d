"""The WAGTAILSEARCH_BACKENDS setting, built from values settings read.

``cms/settings/base.py`` reads the environment and passes what it found:

- no URLs (``SEARCH_URL`` / ``ELASTICSEARCH_URL`` unset): the embedded
  default, ``search.backends.database`` (SQLite FTS5 with the Indic
  tokenizer, or PostgreSQL with the ``simple`` text search configuration);
- ``urls="https://user:pass@es1:9200,https://es2:9200"``: Elasticsearch 9, or
  OpenSearch 3 when ``engine="opensearch"`` or the URL scheme is
  ``opensearch://`` / ``opensearchs://`` (read as http/https);
- ``index_prefix`` prefixes the index names, so several sites or a staging
  copy can share one cluster; ``timeout`` seconds bounds each request.

This module imports nothing from Django models: settings import it.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

ENGINES = {
    "elasticsearch": "search.backends.elasticsearch9",
    "opensearch": "search.backends.opensearch3",
}
OPENSEARCH_SCHEMES = {"opensearch": "http", "opensearchs": "https"}


class SearchConfigError(ValueError):
    pass


def _split_urls(value: str) -> list[str]:
    return [url.strip() for url in value.split(",") if url.strip()]


def _engine_and_urls(engine: str, urls: list[str]) -> tuple[str, list[str]]:
    engine = engine.strip().lower()
    plain_urls = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in OPENSEARCH_SCHEMES:
            engine = engine or "opensearch"
            parts = parts._replace(scheme=OPENSEARCH_SCHEMES[parts.scheme])
        elif parts.scheme not in {"http", "https"}:
            raise SearchConfigError(
                f"SEARCH_URL {url!r}: the scheme must be http, https, opensearch or opensearchs."
            )
        plain_urls.append(urlunsplit(parts))
    engine = engine or "elasticsearch"
    if engine not in ENGINES:
        raise SearchConfigError(f"SEARCH_ENGINE={engine!r}: use 'elasticsearch' or 'opensearch'.")
    return engine, plain_urls


def search_backends(*, urls: str, engine: str, index_prefix: str, timeout: int) -> dict:
    """The WAGTAILSEARCH_BACKENDS setting; `urls` is comma-separated, empty for the database."""
    urls = _split_urls(urls)
    if not urls:
        return {
            "default": {
                "BACKEND": "search.backends.database",
                # PostgreSQL: no stemming, no stop words, every script kept.
                "SEARCH_CONFIG": "simple",
            }
        }
    engine, urls = _engine_and_urls(engine, urls)
    return {
        "default": {
            "BACKEND": ENGINES[engine],
            "URLS": urls,
            "INDEX_PREFIX": index_prefix,
            "TIMEOUT": timeout,
            # Fail fast: the search page shows "search unavailable" (503) at once.
            "OPTIONS": {"max_retries": 0},
            "ATOMIC_REBUILD": True,
        }
    }
