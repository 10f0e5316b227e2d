#!/usr/bin/env python
"""List the untranslated, fuzzy or placeholder-mismatched entries of every catalog.

    .venv/bin/python scripts/untranslated.py          # all 23 catalogs
    .venv/bin/python scripts/untranslated.py hi ur    # some of them

Run it after ``makemessages`` (see README, Languages): each line names the
catalog, the line in its .po file and the msgid. Exit status 1 when anything
is left, so it can gate a merge.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from languages.catalogs import all_problems  # noqa: E402
from languages.registry import ALL_CODES  # noqa: E402


def main(argv: list[str]) -> int:
    codes = tuple(argv) or ALL_CODES
    unknown = [code for code in codes if code not in ALL_CODES]
    if unknown:
        print(
            f"Unknown language code(s): {', '.join(unknown)}. Known: {', '.join(ALL_CODES)}", file=sys.stderr
        )
        return 2
    problems = all_problems(codes)
    for problem in problems:
        print(problem)
    counts = {code: sum(1 for p in problems if p.code == code) for code in codes}
    left = ", ".join(f"{code} {n}" for code, n in counts.items() if n)
    print(
        f"{len(problems)} entr{'y' if len(problems) == 1 else 'ies'} to fix" + (f" ({left})" if left else "")
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
