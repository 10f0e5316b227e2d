"""Every admin screen's menu reads the root page (`Page.get_first_root_node()`);
migration 0003's index answers it without reading every page."""

import pytest
from django.db import connection
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test database's few pages fit one block, where a scan is
            # cheaper: ask whether the index can answer, as it does at 80,000.
            cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(prefix + sql, params)
        return "\n".join(str(row) for row in cursor.fetchall())


def test_the_root_page_is_read_through_its_index():
    roots = Page.get_root_nodes()  # what get_first_root_node() reads
    plan = _plan(roots)
    assert "workspace_page_depth_path_idx" in plan, plan
    assert roots.first() == Page.get_first_root_node()
