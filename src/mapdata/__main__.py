"""Command line: `python -m mapdata validate|stats|build|import-candidates [DIR]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mapdata.paths import CURATION, DATA_DIR, GEOCODE_REVIEW, LISTS_DIR


def _validate(args) -> int:
    from mapdata.atlas.model import load_atlas
    atlas = load_atlas(args.dir)
    errors = [p for p in atlas.problems if p.severity == "error"]
    for p in atlas.problems:
        print(f"{p.severity.upper():7} {p}")
    print(f"{len(atlas.places)} places, {len(atlas.facts)} facts loaded; {len(errors)} errors, "
          f"{len(atlas.problems) - len(errors)} warnings in {args.dir}")
    return 1 if errors else 0


def _stats(args) -> int:
    from mapdata.atlas.model import load_atlas
    from mapdata.atlas.stats import stats_lines
    print("\n".join(stats_lines(load_atlas(args.dir))))
    return 0


def _build(args) -> int:
    from mapdata.curation.build import build
    counts = build(args.dir)
    print(f"placed and written: {counts}")
    review = Path(args.dir) / CURATION / GEOCODE_REVIEW
    if counts["unplaced"]:
        print(f"{counts['unplaced']} places are ambiguous or unmatched; their facts are left out. "
              f"Decide them in a data/curation/places_*.csv row (seat, lat/lon or geonames_id); list: {review}")
        print(review.read_text(encoding="utf-8"))
    return 0


def _import(args) -> int:
    from mapdata.curation.importers import write_candidates
    counts = write_candidates(Path(args.dir), DATA_DIR / CURATION)
    print(f"imported from {args.dir}: {counts}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mapdata", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, default, text in [
        ("validate", _validate, DATA_DIR, "validate the data package; non-zero exit on errors"),
        ("stats", _stats, DATA_DIR, "places, facts, networks, countries, share dated, counts per decade"),
        ("build", _build, DATA_DIR,
         "place every curation fact offline and rebuild data/*.csv; list what needs a person"),
        ("import-candidates", _import, LISTS_DIR, "import the candidate lists into data/curation/*_candidates.csv"),
    ]:
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("dir", nargs="?", type=Path, default=default)
        cmd.set_defaults(func=func)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
