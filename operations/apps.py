from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Background work")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.health import register_check
        from stories.signals import scheduler_tick

        from . import health, signals

        scheduler_tick.connect(signals.run_upkeep, dispatch_uid="operations.upkeep")
        for name, check in health.NON_CRITICAL.items():
            register_check(name, check)
