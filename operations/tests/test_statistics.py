"""Planner statistics: `analyze_database` and the scheduler's daily refresh
leave the database with statistics for the story tables (SQLite has none
until then; its planner chose the wrong index at 20,000 stories)."""

from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import TestCase

from operations.services import statistics
from stories.signals import scheduler_tick
from tests.factories import SuccessStoryPageFactory


def analysed_tables() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if not cursor.fetchall():
                return set()
            cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        else:
            cursor.execute("SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = current_schema()")
        return {row[0] for row in cursor.fetchall()}


class PlannerStatisticsTests(TestCase):
    def setUp(self):
        cache.delete(statistics._GUARD_KEY)
        SuccessStoryPageFactory.create_batch(3)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
                if cursor.fetchall():
                    cursor.execute("DELETE FROM sqlite_stat1")

    def test_command_analyses_the_story_tables(self):
        if connection.vendor == "sqlite":
            self.assertNotIn("wagtailcore_page", analysed_tables())
        out = StringIO()
        call_command("analyze_database", stdout=out)
        self.assertIn(f"Planner statistics refreshed ({connection.vendor})", out.getvalue())
        self.assertTrue({"wagtailcore_page", "stories_successstorypage"} <= analysed_tables())

    def test_the_scheduler_refreshes_once_per_period(self):
        scheduler_tick.send(sender=None)
        self.assertIn("wagtailcore_page", analysed_tables())
        self.assertIsNone(statistics.refresh_if_due(), "a second tick the same day does nothing")
        cache.delete(statistics._GUARD_KEY)  # the period has passed
        self.assertIsNotNone(statistics.refresh_if_due())
