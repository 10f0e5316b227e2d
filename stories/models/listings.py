import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

# The key of the count of every story of an index.
ALL_STORIES = uuid.UUID(int=0)
# Tags are counted under a UUID made from their slug, so every row's key has one type.
TAG_NAMESPACE = uuid.UUID("6f1c9a52-7d6e-4b8e-9a41-3f0d2c5e8b17")


def tag_key(slug: str) -> uuid.UUID:
    return uuid.uuid5(TAG_NAMESPACE, slug)


class StoryCount(models.Model):
    """How many live, public, released stories one story index lists, in
    all and per state, district, sector, product and tag (by translation
    key, so every language's snippet is the same facet).

    Derived data, kept by ``stories.services.story_counts`` in the
    transaction of each publish, unpublish, move, deletion and embargo lift;
    ``manage.py rebuild_story_counts`` recounts it from the stories. The
    index's count, the landing pages' counts and the filter and browse
    choices read it instead of passing over every story. A facet without
    stories has no row."""

    class Kind(models.TextChoices):
        # Not shown anywhere: no translated labels.
        ALL = "all"
        STATE = "state"
        DISTRICT = "district"
        SECTOR = "sector"
        PRODUCT = "product"
        TAG = "tag"

    index = models.ForeignKey("stories.StoryIndexPage", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    key = models.UUIDField()
    stories = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("story count")
        verbose_name_plural = _("story counts")
        constraints = [
            models.UniqueConstraint(fields=["index", "kind", "key"], name="story_count_unique"),
        ]
        indexes = [
            # The choices: the facets of one kind with stories in a language.
            models.Index(fields=["locale", "kind", "key"], name="story_count_locale_idx"),
        ]

    def __str__(self):
        return f"{self.kind} {self.key} in index {self.index_id}: {self.stories}"
