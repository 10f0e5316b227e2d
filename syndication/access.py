"""What one partner may take: the doors the API and the portal share.

Every door that hands a partner a story or its files goes through here, so
the API (api.py) and the newspaper portal (portal/) can never disagree:

- ``release_number(value)``: a release ID from a URL, or 404;
- ``item_for_partner(partner, release_id=, lang=)``: the one item (story in
  one language) within the partner's grant: languages, states, embargo (an
  embargoed story only for a partner who may see embargoes), tombstones only
  for partners who took the story. 404 or 403 otherwise;
- ``pdf_response(partner, key, name=, revision=, request=)``: the PDF
  rendition `name` of that item, with the partner's press profile in the
  greyscale news box's OutputIntent; 404 superseded, 503 not rendered yet.

Lists use ``grants.story_query`` and ``selectors.syndicated_pages`` (both
doors too). Errors are ``Problem`` exceptions: the API answers them as
problem+json, the portal as a page.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from core.storage import private_file_response

from .grants import languages_for
from .models import Partner
from .problems import Problem
from .renditions import find_pdf
from .selectors import (
    DistrictLink,
    ItemKey,
    StoryQuery,
    fetched_by_partner,
    item_keys,
    pages_for_items,
    partner_state_keys,
)


def release_number(value: str) -> int:
    if not value.isdecimal() or len(value) > 18 or int(value) == 0:
        raise Problem(404, f"No story with release ID {value!r}.")
    return int(value)


def item_for_partner(partner: Partner, *, release_id: str, lang: str | None) -> ItemKey:
    """The one item (story in one language) this partner asked for, or a Problem."""
    number = release_number(release_id)
    languages = languages_for(partner, lang)
    query = StoryQuery(
        partner_id=partner.pk,
        languages=languages,
        include_embargoed=partner.may_see_embargoed,
        release_id=number,
    )
    keys, _ = item_keys(query, limit=len(languages) + 1)
    by_language = {key.language: key for key in keys}
    key = next((by_language[code] for code in languages if code in by_language), None)
    if key is None or (key.canceled and not fetched_by_partner(partner_id=partner.pk, page_id=key.page_id)):
        raise Problem(404, f"No story with release ID {number} in {', '.join(languages)} for you.")
    state_keys = partner_state_keys(partner)
    if state_keys and key.canceled is None and not _in_states(key.page_id, state_keys):
        raise Problem(403, f"Story {number} is about a state outside your grant.")
    return key


def _in_states(page_id: int, state_keys) -> bool:
    return DistrictLink.objects.filter(
        successstorypage_id=page_id, district__state__translation_key__in=state_keys
    ).exists()


def pdf_response(partner: Partner, key: ItemKey, *, name: str, revision: int | None, request) -> HttpResponse:
    """The PDF rendition `name` of an item the partner may see (item_for_partner)."""
    if key.canceled is not None:
        raise Problem(404, f"Story {key.release_id} was withdrawn.")
    page = pages_for_items([key.page_id]).get(key.page_id)
    rendition = find_pdf(page, name, request=request) if page else None
    if rendition is None:
        raise Problem(404, f"Story {key.release_id} has no PDF rendition {name!r}.")
    if revision is not None and revision != rendition["revision"]:
        raise Problem(
            404,
            f"Revision {revision} of story {key.release_id} is superseded by revision "
            f"{rendition['revision']}; fetch the item again.",
        )
    if rendition["pending"]:
        raise Problem(
            503, "This PDF is being prepared. Please try again shortly.", headers={"Retry-After": "30"}
        )
    try:
        if partner.print_profile and (retarget := rendition.get("with_profile")):
            content = retarget(partner.print_profile)
            if content is not None:
                return _attachment(content, filename=rendition["filename"])
        return private_file_response(
            rendition["file"], filename=rendition["filename"], content_type="application/pdf"
        )
    except FileNotFoundError:
        raise Problem(503, "This PDF is being prepared again.", headers={"Retry-After": "30"}) from None


def _attachment(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response
