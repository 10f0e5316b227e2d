from django.apps import AppConfig


class PublicCacheConfig(AppConfig):
    name = "publiccache"
    verbose_name = "Public page cache"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
