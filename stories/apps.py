from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Success stories"

    def ready(self):
        from . import signals

        signals.connect()
