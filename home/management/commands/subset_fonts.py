"""Write woff2 subsets of the Noto faces the site uses (one per script of
languages.registry.SCRIPTS and weight) into home/static/fonts/, and a
stylesheet per script (home.fonts.stylesheet). Run at build
time (`make run`, `make test`); the output is git-ignored. Skips files that are
already newer than their source."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.fonts import NOTO_DIR, OUTPUT_DIR, WEIGHTS, parse_unicode_range, write_stylesheets
from languages import registry


def subset_font(source: Path, target: Path, unicodes: list[int]) -> None:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep every shaping feature: conjuncts, Nastaliq joins
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)


class Command(BaseCommand):
    help = "Subset the Noto fonts for each script into static woff2 files."

    def add_arguments(self, parser):
        parser.add_argument("--source", default=str(NOTO_DIR), help="folder of Noto .ttf files")
        parser.add_argument("--force", action="store_true", help="rebuild even if up to date")

    def handle(self, *args, source, force, **options):
        source_dir = Path(source)
        if not source_dir.is_dir():
            raise CommandError(f"Noto fonts not found in {source_dir}: install fonts-noto-core")
        total = 0
        for script in registry.SCRIPTS.values():
            unicodes = parse_unicode_range(script.unicode_range)
            for style in WEIGHTS.values():
                src = source_dir / f"{script.font_file_stem}-{style}.ttf"
                dst = OUTPUT_DIR / f"{script.font_file_stem}-{style}.woff2"
                if not src.exists():
                    raise CommandError(f"missing font file {src}")
                if force or not dst.exists() or dst.stat().st_mtime < src.stat().st_mtime:
                    subset_font(src, dst, unicodes)
                total += dst.stat().st_size
        write_stylesheets()
        self.stdout.write(f"Fonts ready in {OUTPUT_DIR} ({total // 1024} KB for all scripts)")
