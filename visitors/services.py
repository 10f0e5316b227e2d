from django.db import IntegrityError, transaction
from django.db.models import F

from .models import PageViewCount


def record_view(*, page_id: int) -> int:
    """Count one view of a page and return the new total.

    The increment is one atomic UPDATE; the row is created on first view
    (a concurrent first view that loses the insert race just updates)."""
    with transaction.atomic():
        updated = PageViewCount.objects.filter(page_id=page_id).update(views=F("views") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    PageViewCount.objects.create(page_id=page_id, views=1)
            except IntegrityError:
                PageViewCount.objects.filter(page_id=page_id).update(views=F("views") + 1)
        return PageViewCount.objects.values_list("views", flat=True).get(page_id=page_id)
