"""Which search backend runs, read from the environment by settings.

- No ``SEARCH_URL``: the embedded default, ``search.backends.database``
  (SQLite FTS5 with the Indic tokenizer, or PostgreSQL with the ``simple``
  text search configuration).
- ``SEARCH_URL=https://user:pass@es1:9200,https://es2:9200`` (or
  ``ELASTICSEARCH_URL``): Elasticsearch 9, or OpenSearch 3 when
  ``SEARCH_ENGINE=opensearch`` or the URL scheme is ``opensearch://`` /
  ``opensearchs://`` (read as http/https).
- ``SEARCH_INDEX_PREFIX`` (default ``odop_``) prefixes the index names, so
  several sites or a staging copy can share one cluster.
- ``SEARCH_TIMEOUT`` seconds (default 5) bounds each request to the cluster.

This module imports nothing from Django models: settings import it.
"""

from __future__ import annotations

from collections.abc import Mapping
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


def _engine_and_urls(environ: Mapping[str, str], urls: list[str]) -> tuple[str, list[str]]:
    engine = environ.get("SEARCH_ENGINE", "").strip().lower()
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


def search_backends(environ: Mapping[str, str]) -> dict:
    """The WAGTAILSEARCH_BACKENDS setting for this environment."""
    url_value = environ.get("SEARCH_URL") or environ.get("ELASTICSEARCH_URL") or ""
    urls = _split_urls(url_value)
    if not urls:
        return {
            "default": {
                "BACKEND": "search.backends.database",
                # PostgreSQL: no stemming, no stop words, every script kept.
                "SEARCH_CONFIG": "simple",
            }
        }
    engine, urls = _engine_and_urls(environ, urls)
    return {
        "default": {
            "BACKEND": ENGINES[engine],
            "URLS": urls,
            "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "odop_"),
            "TIMEOUT": int(environ.get("SEARCH_TIMEOUT", "5")),
            # Fail fast: the search page shows "search unavailable" (503) at once.
            "OPTIONS": {"max_retries": 0},
            "ATOMIC_REBUILD": True,
        }
    }
