"""Who is not a reader: crawlers, link previewers and prefetches."""

import re

# Substrings seen in the User-Agent of crawlers, monitors, link unfurlers and
# HTTP libraries. Matched case-insensitively.
BOT_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"headless|lighthouse|pagespeed|monitor|pingdom|uptime|curl/|wget/|python-requests|"
    r"python-urllib|httpx|aiohttp|go-http-client|java/|okhttp|libwww|scrapy|wrk|"
    r"apachebench|feedfetcher|mediapartners|whatsapp|telegram|discord|slack",
    re.IGNORECASE,
)

PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or bool(BOT_PATTERN.search(user_agent))


def is_prefetch(meta) -> bool:
    """Sec-Purpose: prefetch (Chromium), Purpose: prefetch, X-Moz: prefetch."""
    for header in PREFETCH_HEADERS:
        value = meta.get(header, "").lower()
        if "prefetch" in value or "prerender" in value or "preview" in value:
            return True
    return False


def is_countable(request) -> bool:
    return not is_bot(request.META.get("HTTP_USER_AGENT", "")) and not is_prefetch(request.META)
