"""Story models, split by concern.

- ``pages``: StoryIndexPage and SuccessStoryPage.
- ``sellers``: the artisans, farmers and enterprises behind a story, and where
  to buy from them.
- ``release_ids``: the PIB Release ID sequence.
- ``releases``: embargoed stories waiting for ``publish_scheduled`` to lift them.
- ``imports``: zips of PIB releases imported in the admin, with a result per file.
- ``listings``: how many public stories each index lists, in all and per facet.
"""

from .imports import ReleaseImportBatch, ReleaseImportFile
from .listings import StoryCount
from .pages import StoryIndexPage, StoryTag, SuccessStoryPage
from .release_ids import ReleaseIdSequence
from .releases import PendingRelease
from .sellers import Seller

__all__ = [
    "PendingRelease",
    "ReleaseIdSequence",
    "ReleaseImportBatch",
    "ReleaseImportFile",
    "Seller",
    "StoryCount",
    "StoryIndexPage",
    "StoryTag",
    "SuccessStoryPage",
]
