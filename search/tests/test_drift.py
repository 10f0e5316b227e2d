import json

import pytest
from django.core.management import call_command
from modelsearch.conf import get_app_config

from .builders import story


@pytest.mark.django_db
def test_drift_is_reported_per_locale_and_update_index_fixes_it(capsys):
    story("hi", title="एक", summary="कारीगर")
    story("hi", title="दो", summary="कारीगर")
    lost = story("ta", title="மூன்று", summary="கைவினைஞர்கள்")
    call_command("search_drift", "--json")
    assert json.loads(capsys.readouterr().out)["drift"] is False

    # An import that bypassed signals, or a task that never ran.
    get_app_config().get_model("IndexEntry").objects.filter(object_id=str(lost.pk)).delete()
    with pytest.raises(SystemExit) as exit_info:
        call_command("search_drift", "--json")
    assert exit_info.value.code == 1
    report = json.loads(capsys.readouterr().out)
    assert {row["locale"]: row["missing"] for row in report["locales"]} == {"hi": 0, "ta": 1}

    call_command("update_index", verbosity=0)
    call_command("search_drift")
    assert "matches the live stories" in capsys.readouterr().out
