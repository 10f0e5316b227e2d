from django.db import models, transaction
from django.db.models import F


class ReleaseIdSequence(models.Model):
    """A one-row counter that hands out PIB Release IDs.

    Real PIB IDs (e.g. 2000861) are kept when a release is imported; stories
    written in the CMS draw the next number above every ID seen so far. The
    increment is a single UPDATE ... SET value = value + 1, which is atomic on
    SQLite and PostgreSQL alike.
    """

    FLOOR = 3_000_000

    last_value = models.PositiveBigIntegerField(default=FLOOR)

    class Meta:
        verbose_name = "release ID sequence"

    def __str__(self):
        return f"Release IDs up to {self.last_value}"

    @classmethod
    def next_value(cls) -> int:
        with transaction.atomic():
            row, _ = cls.objects.select_for_update().get_or_create(pk=1)
            cls.objects.filter(pk=1).update(last_value=F("last_value") + 1)
            row.refresh_from_db(fields=["last_value"])
            return row.last_value

    @classmethod
    def observe(cls, release_id: int) -> None:
        """Move the counter past an imported ID so it is never handed out."""
        with transaction.atomic():
            cls.objects.get_or_create(pk=1)
            cls.objects.filter(pk=1, last_value__lt=release_id).update(last_value=release_id)
