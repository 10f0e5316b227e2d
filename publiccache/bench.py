"""Benchmark suite for the page cache (discovered by `manage.py bench`).

- ``story_page_hit``: a story page served from the page cache (a hit costs
  the entry and one `get_many` of its tags' versions).
- ``hit_ratio_while_publishing``: readers keep requesting other stories'
  pages (every language) while one story is published every 10 seconds,
  through Wagtail's publish path. Time is accelerated: between two publishes
  the suite makes the requests that READS_PER_SECOND readers would make in
  10 seconds. ``ratio`` counts the hits among those requests;
  ``ratio_whole_site_generation`` repeats the run bumping the content
  generation on each publish as well, as every publish did before tags.
"""

from __future__ import annotations

import random
import time

from django.test import Client, override_settings

from stories.models import SuccessStoryPage

# What it measures (a hit, and which of 100 other pages a publish forgets) does
# not depend on how many stories exist, and its 3,000 requests were minutes of
# every size: `manage.py bench` runs it at the first size only.
SIZE_INDEPENDENT = True
PUBLISH_EVERY_SECONDS = 10
READS_PER_SECOND = 30
PUBLISHES = 5
SAMPLE = 100  # other stories' pages, spread over the locales


def _pages(locales: list[str]) -> tuple[list[str], list[int]]:
    """Readers' story URLs, and the stories to publish (not among them)."""
    stories = list(
        SuccessStoryPage.objects.live()
        .filter(locale__language_code__in=locales)
        .order_by("translation_key", "pk")
        .values_list("pk", "translation_key", "url_path")
    )
    keys = sorted({key for _pk, key, _path in stories})
    publish_keys = set(keys[: PUBLISHES * 2 : 2])
    to_publish = [pk for pk, key, _path in stories if key in publish_keys]
    readers = [pk for pk, key, _path in stories if key not in publish_keys]
    rng = random.Random(16)  # noqa: S311 - a repeatable sample, not a secret
    picked = rng.sample(readers, min(SAMPLE, len(readers)))
    urls = [page.url for page in SuccessStoryPage.objects.filter(pk__in=picked)]
    # One translation per published story: the publish reaches the others.
    firsts = {}
    for pk, key, _path in stories:
        if key in publish_keys:
            firsts.setdefault(key, pk)
    return urls, list(firsts.values())[:PUBLISHES] or to_publish[:PUBLISHES]


def _hit_ratio(urls: list[str], publish_ids: list[int], *, whole_site: bool) -> dict:
    from django.core.cache import cache

    from core.cache import bump_generation

    cache.clear()
    client = Client()
    for url in urls:
        client.get(url)
    rng = random.Random(10)  # noqa: S311 - a repeatable sample, not a secret
    hits = reads = 0
    publish_ms = []
    for page_id in publish_ids:
        story = SuccessStoryPage.objects.get(pk=page_id)
        story.summary = f"{story.summary} "[:500]
        started = time.perf_counter()
        story.save_revision().publish()
        if whole_site:
            bump_generation()
        publish_ms.append((time.perf_counter() - started) * 1000)
        for _ in range(PUBLISH_EVERY_SECONDS * READS_PER_SECOND):
            response = client.get(rng.choice(urls))
            reads += 1
            hits += response.get("X-Cache") == "HIT"
    return {"reads": reads, "hits": hits, "ratio": round(hits / reads, 4) if reads else None}, publish_ms


def run(ctx) -> dict:
    results: dict = {}
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=300, PUBLIC_DATA_CACHE_SECONDS=300):
        urls, publish_ids = _pages(ctx.locales)
        if not urls or not publish_ids:
            return {"skipped": "no live stories"}
        from django.core.cache import cache

        cache.clear()
        results["story_page_hit"] = ctx.measure_get(urls[0])
        tagged, publish_ms = _hit_ratio(urls, publish_ids, whole_site=False)
        whole_site, _ = _hit_ratio(urls, publish_ids, whole_site=True)
    results["hit_ratio_while_publishing"] = {
        **tagged,
        "pages": len(urls),
        "publishes": len(publish_ids),
        "reads_per_publish": PUBLISH_EVERY_SECONDS * READS_PER_SECOND,
        "publish": ctx.summarize(publish_ms),
        "ratio_whole_site_generation": whole_site["ratio"],
    }
    ctx.log(
        f"publiccache: hit ratio for other stories' pages while publishing every "
        f"{PUBLISH_EVERY_SECONDS}s: {tagged['ratio']} (whole-site generation: {whole_site['ratio']})"
    )
    return results
