"""sitemap.xml: every live page in every language, each with its hreflang
alternates (xhtml:link) and an x-default; and the landing pages (state,
district, sector, product) in each language that has a live story for them,
with the same alternates as the landing page itself (every language whose
story index is live)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from wagtail.contrib.sitemaps import Sitemap

from core.site import page_url
from languages import registry
from stories.models import StoryIndexPage
from stories.selectors import landings_with_stories

from .selectors import sitemap_pages


@dataclass(frozen=True)
class LandingEntry:
    """A landing page in the sitemap, shaped like a page for `_urls`."""

    translation_key: tuple
    language_code: str
    url: str
    lastmod: object

    def get_sitemap_urls(self, request=None) -> list[dict]:
        return [{"location": self.url, "lastmod": self.lastmod}]


class MultilingualSitemap(Sitemap):
    def items(self):
        if hasattr(self, "_sitemap_items"):
            return self._sitemap_items
        pages = sitemap_pages(root=self.get_wagtail_site().root_page)
        self._sitemap_items = pages + self._landing_entries(pages)
        return self._sitemap_items

    def _landing_entries(self, pages) -> list[LandingEntry]:
        indexes = {}
        for page in pages:
            if isinstance(page, StoryIndexPage):
                indexes.setdefault(page.locale.language_code, page_url(page, request=self.request))
        self._landing_alternates = {}
        entries = []
        for landing in landings_with_stories():
            index_url = indexes.get(landing.language_code)
            if index_url is None:
                continue
            key = landing.key
            identity = ("landing", key.kind, key.translation_key)
            path = StoryIndexPage.landing_path(key.kind, key.value_in(landing.language_code))
            entries.append(LandingEntry(identity, landing.language_code, index_url + path, landing.latest))
            if identity not in self._landing_alternates:
                self._landing_alternates[identity] = {
                    code: url + StoryIndexPage.landing_path(key.kind, key.value_in(code))
                    for code, url in indexes.items()
                }
        return entries

    def lastmod(self, obj):
        return obj.lastmod if isinstance(obj, LandingEntry) else super().lastmod(obj)

    # <loc> is Wagtail's get_full_url(): the Site record, which migrate keeps
    # equal to SITE_URL (core.site); alternates come from SITE_URL directly.
    def _urls(self, page, protocol, domain):
        alternates = self._alternates_by_key()
        urls, last_mods = [], set()
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = alternates.get(item.translation_key, [])
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _alternates_by_key(self) -> dict:
        by_key = defaultdict(dict)
        for item in self.items():
            if not isinstance(item, LandingEntry):
                by_key[item.translation_key][item.locale.language_code] = page_url(item, request=self.request)
        by_key.update(self._landing_alternates)
        result = {}
        for key, urls in by_key.items():
            ordered = [(code, urls[code]) for code in registry.ALL_CODES if code in urls]
            links = [{"lang_code": registry.get(code).bcp47, "location": url} for code, url in ordered]
            default = urls.get(registry.DEFAULT_CODE) or ordered[0][1]
            links.append({"lang_code": "x-default", "location": default})
            result[key] = links
        return result
