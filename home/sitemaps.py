"""sitemap.xml: every live page in every language, each with its hreflang
alternates (xhtml:link) and an x-default."""

from __future__ import annotations

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap

from core.site import page_url
from languages import registry

from .selectors import sitemap_pages


class MultilingualSitemap(Sitemap):
    def items(self):
        if hasattr(self, "_live_pages"):
            return self._live_pages
        self._live_pages = sitemap_pages(root=self.get_wagtail_site().root_page)
        return self._live_pages

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
        for page in self.items():
            by_key[page.translation_key][page.locale.language_code] = page_url(page, request=self.request)
        result = {}
        for key, urls in by_key.items():
            ordered = [(code, urls[code]) for code in registry.ALL_CODES if code in urls]
            links = [{"lang_code": registry.get(code).bcp47, "location": url} for code, url in ordered]
            default = urls.get(registry.DEFAULT_CODE) or ordered[0][1]
            links.append({"lang_code": "x-default", "location": default})
            result[key] = links
        return result
