import json
import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from benchmarks.services import run_benchmark, timing_rows
from languages import registry


class Command(BaseCommand):
    help = (
        "Build N stories x L locales in a throwaway database and run every app's bench suite "
        "(<app>/bench.py, run(ctx)). Example: bench --stories 200,2000 --locales en,hi,ta,ur --out var/bench.json"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stories", default="2000", help="One size or several, comma-separated (200,2000)."
        )
        parser.add_argument("--locales", default="en,hi,ta,ur", help="Comma-separated language codes.")
        parser.add_argument("--repeat", type=int, default=50, help="Requests per measurement.")
        parser.add_argument(
            "--budget",
            type=float,
            default=3.0,
            help="Seconds after which a measurement stops, once it has 10 samples (0: always --repeat).",
        )
        parser.add_argument("--out", help="Write the full report as JSON to this file.")
        parser.add_argument("--only", help="Run only these suites (app labels, comma-separated).")
        parser.add_argument("--keep-db", action="store_true", help="Keep the throwaway database afterwards.")
        parser.add_argument(
            "--in-place",
            action="store_true",
            help="Use the configured database instead of a throwaway one (adds bench stories to it).",
        )

    def handle(self, *args, **options):
        sizes = self._sizes(options["stories"])
        locales = self._locales(options["locales"])
        if options["repeat"] < 1:
            raise CommandError("--repeat must be at least 1")
        if options["verbosity"] < 2:
            # Wagtail logs every page it creates and publishes while the dataset is built.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        only = [label.strip() for label in options["only"].split(",")] if options["only"] else None
        report = run_benchmark(
            sizes=sizes,
            locales=locales,
            repeat=options["repeat"],
            budget_s=max(0.0, options["budget"]),
            only=only,
            keep=options["keep_db"],
            in_place=options["in_place"],
            log=lambda line: self.stdout.write(line),
        )
        self._print_table(report)
        if options["out"]:
            path = Path(options["out"])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
            self.stdout.write(f"Wrote {path}")

    def _sizes(self, value: str) -> list[int]:
        try:
            sizes = [int(part) for part in value.split(",") if part.strip()]
        except ValueError as error:
            raise CommandError(f"--stories must be whole numbers such as 200,2000, not {value!r}") from error
        if not sizes or min(sizes) < 1:
            raise CommandError(f"--stories must be positive numbers, not {value!r}")
        return sizes

    def _locales(self, value: str) -> list[str]:
        codes = [code.strip() for code in value.split(",") if code.strip()]
        unknown = [code for code in codes if code not in registry.BY_CODE]
        if unknown or not codes:
            raise CommandError(
                f"--locales has unknown language codes: {', '.join(unknown) or value!r}. "
                f"Known: {', '.join(registry.ALL_CODES)}"
            )
        return codes if "en" in codes else ["en", *codes]

    def _print_table(self, report: dict) -> None:
        db = report["meta"].get("database", {})
        self.stdout.write("")
        self.stdout.write(
            f"Database: {db.get('vendor')} ({db.get('name')}); locales {','.join(report['meta']['locales'])}"
        )
        for size, run in report["runs"].items():
            build = run["dataset"]["build"]
            self.stdout.write(
                f"  {size} stories: dataset built in {build['total_s']} s, {run['dataset']['pages']} pages, "
                f"suites ran in {run['dataset'].get('suites_s', '?')} s"
            )
        header = (
            "stories",
            "suite",
            "measurement",
            "median ms",
            "p95 ms",
            "cpu med",
            "cpu p95",
            "queries",
            "n",
        )
        rows = [header, *timing_rows(report)]
        widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
        for i, row in enumerate(rows):
            self.stdout.write("  ".join(str(cell).ljust(widths[k]) for k, cell in enumerate(row)))
            if i == 0:
                self.stdout.write("  ".join("-" * w for w in widths))
        for size, run in report["runs"].items():
            for suite, result in run["suites"].items():
                memory = result.get("peak_memory_mb") if isinstance(result, dict) else None
                if memory:
                    self.stdout.write(f"  {size} {suite}: peak memory {memory}")
        growth = report.get("growth") or {}
        if growth.get("measurements"):
            self.stdout.write(
                f"Growth of the median from {growth['from']} to {growth['to']} stories "
                f"(target <= {growth['target_percent']}%):"
            )
            for name, item in growth["measurements"].items():
                verdict = "ok" if item["meets_growth_target"] else "OVER"
                self.stdout.write(
                    f"  {name}: {item['median_ms'][0]} -> {item['median_ms'][1]} ms "
                    f"({item['median_growth_percent']:+}%), queries {item['queries'][0]} -> "
                    f"{item['queries'][1]}  {verdict}"
                )
        self.stdout.write(f"Process max RSS: {report['meta']['max_rss_mb']} MB")
