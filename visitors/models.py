from django.db import models
from django.utils.translation import gettext_lazy as _


class PageViewCount(models.Model):
    """How many people have read one language version of a page.

    Incremented by the beacon (visitors.services.record_view) with a single
    UPDATE ... SET views = views + 1, so concurrent readers never lose a count.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="view_count", primary_key=True
    )
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page view count")

    def __str__(self):
        return f"{self.page_id}: {self.views}"
