"""Story models, split by concern.

- ``pages``: StoryIndexPage and SuccessStoryPage.
- ``sellers``: the artisans, farmers and enterprises behind a story, and where
  to buy from them.
- ``release_ids``: the PIB Release ID sequence.
"""

from .pages import StoryIndexPage, StoryTag, SuccessStoryPage
from .release_ids import ReleaseIdSequence
from .sellers import Seller

__all__ = [
    "ReleaseIdSequence",
    "Seller",
    "StoryIndexPage",
    "StoryTag",
    "SuccessStoryPage",
]
