"""Read wrk's --latency output: req/s, p50, p99, errors. Used by
scripts/loadtest_compare.sh (and its test, on a canned wrk output)."""

from __future__ import annotations

import re
import statistics
import sys


def ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)


def parse(out: str) -> dict:
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        # Anchored: the thread stats have percentages too ("+/- Stdev 65.99%").
        "p50_ms": ms(re.search(r"^\s*50%\s+(\S+)", out, re.MULTILINE).group(1)),
        "p99_ms": ms(re.search(r"^\s*99%\s+(\S+)", out, re.MULTILINE).group(1)),
        "non_2xx": int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }


def compare(runs: dict[str, list[dict]], pages: list[str]) -> list[dict]:
    """One row per page: the median over rounds of each side's req/s, p50 and
    p99, and the ratios ours/bakerydemo (median, min and max over rounds)."""
    rows = []
    for page in pages:
        row = {"page": page}
        for side in ("ours_uncached", "ours_cached", "bakery"):
            samples = runs.get(f"{page}:{side}", [])
            if samples:
                row[side] = {
                    key: round(statistics.median(s[key] for s in samples), 2)
                    for key in ("requests_per_second", "p50_ms", "p99_ms")
                }
                row[side]["errors"] = sum(s["non_2xx"] + s["socket_errors"] for s in samples)
        bakery = runs.get(f"{page}:bakery", [])
        for side in ("ours_uncached", "ours_cached"):
            ours = runs.get(f"{page}:{side}", [])
            if ours and bakery:
                ratios = [
                    o["requests_per_second"] / b["requests_per_second"]
                    for o, b in zip(ours, bakery, strict=False)
                ]
                row[f"ratio_{side}"] = {
                    "median": round(statistics.median(ratios), 2),
                    "min": round(min(ratios), 2),
                    "max": round(max(ratios), 2),
                }
        rows.append(row)
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| Page (ours vs bakerydemo) | ours uncached req/s (p50/p99 ms) | ours cached req/s (p50/p99 ms) "
        "| bakerydemo req/s (p50/p99 ms) | ratio uncached (min-max) | ratio cached (min-max) |",
        "|---|---|---|---|---|---|",
    ]

    def cell(value):
        if not value:
            return "-"
        return f"{value['requests_per_second']} ({value['p50_ms']}/{value['p99_ms']})"

    def ratio(value):
        return f"{value['median']} ({value['min']}-{value['max']})" if value else "-"

    for row in rows:
        lines.append(
            f"| {row['page']} | {cell(row.get('ours_uncached'))} | {cell(row.get('ours_cached'))} "
            f"| {cell(row.get('bakery'))} | {ratio(row.get('ratio_ours_uncached'))} "
            f"| {ratio(row.get('ratio_ours_cached'))} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    # python scripts/wrkparse.py WORKDIR page1,page2,...: reads WORKDIR/<page>-<side>-<round>.txt
    import json
    from pathlib import Path

    work, pages = Path(sys.argv[1]), sys.argv[2].split(",")
    runs: dict[str, list[dict]] = {}
    for path in sorted(work.glob("*-r*.txt")):
        page, side, _round = path.stem.rsplit("-", 2)
        runs.setdefault(f"{page}:{side}", []).append(parse(path.read_text()))
    rows = compare(runs, pages)
    (work / "results.json").write_text(json.dumps(rows, indent=2))
    print(table(rows))
