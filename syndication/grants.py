"""Turn a partner's query parameters into a StoryQuery, within its grant.

Bad values are 400 (naming the parameter); values outside the grant are 403.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from django.utils import timezone

from core.limits import LimitExceeded, check
from languages import registry
from taxonomy.models import District, Product, Sector, State

from .models import Partner
from .problems import Problem
from .selectors import StoryQuery, partner_state_keys

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")
# Parameters holding comma-separated codes, each list bounded by LIMIT_API_LIST_ITEMS.
LIST_PARAMS = ("lang", "state", "district")


def check_params(params: dict) -> None:
    """The input limits (core.limits) on query parameters, before any is
    parsed or queried: 400 naming the parameter, its value's size and the limit."""
    try:
        for name, value in params.items():
            if isinstance(value, str):
                setting = "LIMIT_API_QUERY_CHARS" if name == "q" else "LIMIT_API_PARAM_CHARS"
                check(setting, len(value), what=name, unit="characters")
                if name in LIST_PARAMS:
                    check("LIMIT_API_LIST_ITEMS", len(_codes(value)), what=f"{name} codes")
        if params.get("limit") is not None:
            check("LIMIT_API_PAGE_SIZE", params["limit"], what="limit")
    except LimitExceeded as error:
        raise Problem(400, f"{error}.", limit=error.limit, setting=error.setting) from None


def _codes(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def parse_since(value: str | None) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if not RFC3339.match(value):
        raise Problem(400, f"since={value!r} is not an RFC 3339 date-time such as 2024-01-31T08:12:00Z.")
    text = value.replace("z", "Z").replace("t", "T").replace(" ", "T")
    if "." in text:  # Python accepts at most microseconds
        head, _, tail = text.partition(".")
        digits = re.match(r"\d+", tail).group(0)
        text = f"{head}.{digits[:6].ljust(6, '0')}{tail[len(digits) :]}"
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        moment.astimezone(dt.UTC)
        return moment
    except (ValueError, OverflowError) as error:
        raise Problem(400, f"since={value!r} is not a valid date-time: {error}.") from error


def languages_for(partner: Partner, value: str | None) -> tuple[str, ...]:
    if not value:
        return tuple(partner.languages)
    check_params({"lang": value})
    codes = _codes(value)
    if not codes:
        raise Problem(400, "lang is empty: give one or more language codes, e.g. lang=hi,en.")
    unknown = [code for code in codes if code not in registry.BY_CODE]
    if unknown:
        raise Problem(400, f"lang: unknown language code(s) {', '.join(unknown)}.")
    outside = [code for code in codes if code not in partner.languages]
    if outside:
        raise Problem(
            403,
            f"lang: {', '.join(outside)} outside your grant ({', '.join(partner.languages) or 'none'}).",
        )
    return tuple(dict.fromkeys(codes))


def _lgd_codes(name: str, value: str) -> list[int]:
    codes = _codes(value)
    if not codes or not all(code.isdecimal() and len(code) <= 9 for code in codes):
        raise Problem(400, f"{name}={value!r}: expected LGD codes (digits), comma-separated.")
    return [int(code) for code in codes]


def _state_keys(partner_keys: frozenset, value: str | None) -> tuple[uuid.UUID, ...]:
    if not value:
        return tuple(sorted(partner_keys, key=str))
    codes = _lgd_codes("state", value)
    found = dict(State.objects.filter(lgd_code__in=codes).values_list("lgd_code", "translation_key"))
    missing = [str(code) for code in codes if code not in found]
    if missing:
        raise Problem(400, f"state: no State/UT with LGD code {', '.join(missing)}.")
    if partner_keys:
        outside = [str(code) for code, key in found.items() if key not in partner_keys]
        if outside:
            raise Problem(403, f"state: LGD code {', '.join(outside)} outside your grant.")
    return tuple(sorted(set(found.values()), key=str))


def _district_keys(partner_keys: frozenset, value: str | None) -> tuple[uuid.UUID, ...]:
    if not value:
        return ()
    codes = _lgd_codes("district", value)
    rows = District.objects.filter(lgd_code__in=codes).values_list(
        "lgd_code", "translation_key", "state__translation_key"
    )
    found = {code: (key, state_key) for code, key, state_key in rows}
    missing = [str(code) for code in codes if code not in found]
    if missing:
        raise Problem(400, f"district: no district with LGD code {', '.join(missing)}.")
    if partner_keys:
        outside = [str(code) for code, (_, state_key) in found.items() if state_key not in partner_keys]
        if outside:
            raise Problem(403, f"district: LGD code {', '.join(outside)} is in a state outside your grant.")
    return tuple(sorted({key for key, _ in found.values()}, key=str))


def _sector(value: str | None) -> str | None:
    if not value:
        return None
    if not re.fullmatch(r"[-a-zA-Z0-9_]{1,64}", value) or not Sector.objects.filter(slug=value).exists():
        raise Problem(400, f"sector={value!r}: no sector with this slug.")
    return value


def _product(value: str | None) -> uuid.UUID | None:
    if not value:
        return None
    try:
        key = uuid.UUID(value)
    except ValueError as error:
        raise Problem(
            400, f"product={value!r}: expected a product id (UUID) as given in subjects."
        ) from error
    if not Product.objects.filter(translation_key=key).exists():
        raise Problem(400, f"product={value!r}: no such product.")
    return key


def _text(value: str | None) -> str | None:
    if not value:
        return None
    if "\x00" in value:
        raise Problem(400, "q: must not contain NUL characters.")
    return value.strip() or None


def story_query(partner: Partner, params: dict) -> StoryQuery:
    check_params(params)
    partner_keys = partner_state_keys(partner)
    return StoryQuery(
        partner_id=partner.pk,
        languages=languages_for(partner, params.get("lang")),
        include_embargoed=partner.may_see_embargoed,
        state_keys=_state_keys(partner_keys, params.get("state")),
        district_keys=_district_keys(partner_keys, params.get("district")),
        sector_slug=_sector(params.get("sector")),
        product_key=_product(params.get("product")),
        since=parse_since(params.get("since")),
        text=_text(params.get("q")),
        now=timezone.now(),
    )
