from django.apps import AppConfig


class VisitorsConfig(AppConfig):
    name = "visitors"
    verbose_name = "Visitor counter"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from stories.annotations import register_story_annotation

        from .selectors import VIEWS_ANNOTATION, views_annotation

        register_story_annotation(VIEWS_ANNOTATION, views_annotation)
