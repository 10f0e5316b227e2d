"""System checks: every press profile a partner may choose must be a CMYK output profile."""

from __future__ import annotations

from django.core.checks import Error, register

from . import conf
from .services.finishing import ProfileError, check_output_profile


@register()
def check_output_profiles(app_configs=None, **kwargs) -> list[Error]:
    errors = []
    for name, path in conf.output_profiles().items():
        try:
            check_output_profile(path)
        except (OSError, ProfileError) as error:
            errors.append(
                Error(
                    f"PRINT_OUTPUT_PROFILES[{name!r}] = {str(path)!r} cannot be a press profile: {error}",
                    hint="Point it at a CMYK output (printer) ICC profile, such as ISOnewspaper26v4.icc.",
                    id="printing.E001",
                )
            )
    return errors
