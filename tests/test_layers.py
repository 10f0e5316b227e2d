"""The layer contracts in pyproject.toml hold, and would catch a breach."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
    )


def _copy_sources(target: Path) -> None:
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {".venv", "node_modules", "var"}:
            continue
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / relative)
    shutil.copyfile(ROOT / "pyproject.toml", target / "pyproject.toml")


@pytest.mark.slow
def test_the_layer_contracts_hold():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("module", "statement", "message"),
    [
        (
            "stories/probe.py",
            "def f():\n    from printing import views\n",
            "stories is not allowed to import printing",
        ),
        ("languages/probe.py", "import stories.models\n", "languages is not allowed to import stories"),
        (
            "printing/probe.py",
            "from syndication import models\n",
            "printing is not allowed to import syndication",
        ),
    ],
)
def test_a_core_app_importing_a_feature_breaks_the_contract(tmp_path, module, statement, message):
    _copy_sources(tmp_path)
    (tmp_path / module).write_text(statement)
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert message in result.stdout
