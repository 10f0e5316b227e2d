"""Search backends for every Indian language, one module per backend.

- ``search.backends.database``: the embedded default (SQLite FTS5 or
  PostgreSQL full-text search) with every query term matched as a prefix,
  so "कारीगर" finds "कारीगरों" without a stemmer.
- ``search.backends.elasticsearch9`` / ``search.backends.opensearch3``:
  Wagtail's backends with Indic analysis (ICU, indic_normalization,
  decimal_digit, hindi/bengali stemming on per-language fields).

``search.conf.search_backends`` picks one from the environment.
"""
