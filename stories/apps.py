from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Success stories"

    def ready(self):
        from . import signals
        from .annotations import register_story_annotation
        from .selectors import story_rows

        signals.connect()
        # The route's query reads the story's tags, sellers, districts and
        # products with it (selectors.story_rows).
        for name, expression in story_rows().items():
            register_story_annotation(name, expression)
