"""The partner API's request and response shapes, from which django-ninja
writes the OpenAPI document."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ninja import Schema
from pydantic import Field, field_validator

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ProblemOut(Schema):
    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None


class StoryListOut(Schema):
    items: list[dict[str, Any]] = Field(description="ninjs 3.1 items, oldest versionCreated first.")
    next: str | None = Field(description="URL of the next page, or null at the end.")
    cursor: str | None = Field(description="Opaque cursor of the next page, or null at the end.")


class StoryFilters(Schema):
    lang: str | None = Field(None, description="Language codes, comma-separated. Default: your languages.")
    state: str | None = Field(None, description="State/UT LGD codes, comma-separated. Default: your states.")
    district: str | None = Field(None, description="District LGD codes, comma-separated.")
    sector: str | None = Field(None, description="Sector slug, e.g. handloom-and-textiles.")
    product: str | None = Field(None, description="Product id (UUID), as in subjects' literal.")
    since: str | None = Field(None, description="RFC 3339 date-time: only items with a later versionCreated.")
    q: str | None = Field(
        None, description="Words in the headline or summary (at most LIMIT_API_QUERY_CHARS, 200 by default)."
    )
    cursor: str | None = Field(None, description="Opaque cursor from the previous page's `cursor`.")
    limit: int | None = Field(
        None,
        ge=1,
        description="Items per page (default 50; at most LIMIT_API_PAGE_SIZE, 100 unless configured).",
    )


class StoryLanguage(Schema):
    lang: str | None = Field(None, description="Language code. Default: the first of your languages held.")


class PickupIn(Schema):
    paper_name: str = Field(min_length=1, max_length=255, description="The newspaper's name.")
    edition: str = Field("", max_length=255, description="Edition, e.g. 'Lucknow city'.")
    date: dt.date = Field(description="Date of the printed issue (YYYY-MM-DD).")
    page: str = Field("", max_length=32, description="Page number or section.")
    lang: str | None = Field(None, description="Language printed. Default as for GET.")

    @field_validator("paper_name", "edition", "page")
    @classmethod
    def _printable(cls, value: str) -> str:
        if CONTROL_CHARS.search(value):
            raise ValueError("must not contain control characters")
        return value.strip()


class PickupOut(Schema):
    id: int
    release_id: int | None
    language: str
    paper_name: str
    edition: str
    date: dt.date
    page: str
    scan: bool


PROBLEMS = {400: ProblemOut, 401: ProblemOut, 403: ProblemOut, 404: ProblemOut, 429: ProblemOut}
