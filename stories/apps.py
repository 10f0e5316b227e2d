from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Success stories"

    def ready(self):
        from django.db.models import Exists, OuterRef

        from . import signals
        from .annotations import register_story_annotation
        from .models import Seller, StoryTag

        signals.connect()
        # Sellers and tags are optional: the route's query says whether the
        # story has any, so a page without them asks for neither.
        register_story_annotation(
            HAS_SELLERS, lambda: Exists(Seller.objects.filter(page_id=OuterRef("pk")).order_by())
        )
        register_story_annotation(
            HAS_TAGS, lambda: Exists(StoryTag.objects.filter(content_object_id=OuterRef("pk")).order_by())
        )


HAS_SELLERS = "stories_has_sellers"
HAS_TAGS = "stories_has_tags"
