"""Ready-made values for the workshop templates (and the home page's
workshop cards)."""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Page

from languages.formatting import format_posted_date
from stories.context import story_cards
from stories.selectors import localize_taxonomy, localized_stories


@dataclass(frozen=True)
class WorkshopCard:
    page: Page
    url: str
    title: str
    date_iso: str
    date_text: str
    venue: str
    state_name: str


def workshop_cards(workshops, *, request=None) -> list[WorkshopCard]:
    workshops = list(workshops)
    states = localize_taxonomy([w.state for w in workshops], locale=workshops[0].locale) if workshops else []
    return [
        WorkshopCard(
            page=workshop,
            url=workshop.get_url(request),
            title=workshop.title,
            date_iso=workshop.date.isoformat(),
            date_text=format_posted_date(workshop.date, workshop.locale.language_code),
            venue=workshop.venue,
            state_name=state.name,
        )
        for workshop, state in zip(workshops, states, strict=True)
    ]


def workshop_page_view(workshop: Page, *, request=None) -> dict:
    return {
        "workshop": workshop_cards([workshop], request=request)[0],
        "shown_stories": story_cards(
            localized_stories(workshop.stories.all(), locale=workshop.locale), request=request
        ),
    }
