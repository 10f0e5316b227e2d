from django.utils import translation

from . import registry


def language(request):
    """Expose the active Language (code, dir, script, font) to templates."""
    code = translation.get_language() or registry.DEFAULT_CODE
    try:
        current = registry.get(code)
    except KeyError:
        current = registry.get(registry.DEFAULT_CODE)
    return {"current_language": current}
