"""The client's address, as login throttling sees it.

Behind nginx every request comes from 127.0.0.1; nginx appends the address it
saw to X-Forwarded-For (`$proxy_add_x_forwarded_for`, deploy/nginx/odop.conf).
The header is believed only as far back as the hops are proxies we trust
(TRUSTED_PROXIES, read from gunicorn's own FORWARDED_ALLOW_IPS): walking it
from the right, the first address that is not a trusted proxy is the client.
A client cannot spoof its way past that: whatever it writes into the header
sits to the left of what our proxy appended.
"""

from __future__ import annotations

import ipaddress
from functools import cache

from django.conf import settings


@cache
def _networks(trusted: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] | None:
    if "*" in trusted:
        return None  # every hop trusted
    return tuple(ipaddress.ip_network(item, strict=False) for item in trusted)


def _trusted(address: str, networks) -> bool:
    if networks is None:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request) -> str:
    """REMOTE_ADDR, or the address our trusted proxies say they saw."""
    address = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    while hops and _trusted(address, networks):
        address = hops.pop()
    return address
