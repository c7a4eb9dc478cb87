"""Stories: small YAML or JSON files of saved views (date, filters, centre, zoom, caption) stepped through in order.

The schema is documented in data/stories/README.md. Reading a story checks every field against the atlas and
reports all problems at once, each naming the file, the step, the field and what to do.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry
import yaml

from mapdata import dates
from mapdata.atlas.model import Atlas
from mapdata.paths import STORIES_DIR
from mapdata.view.facet_list import FACETS
from mapdata.view.query import FilterState

MAX_BYTES = 200_000
MAX_CAPTION = 400  # characters: a caption must read from the back of a room
STORY_FIELDS = {"title", "description", "steps"}
STEP_FIELDS = {"title", "date", "caption", "sources", "filters", "center", "zoom", "place", "note", "undated"}
FILTERS = {f.field: (f.noun, f.ids_from) for f in FACETS}


@dataclass(frozen=True)
class Citation:
    """A source of the atlas (sources.csv) and, for a document we hold, the words quoted from it."""

    source_id: str
    quote: str = ""


@dataclass(frozen=True)
class Step:
    """One saved view. The map shows the atlas as it stood on `day`, the last day of the partial `date`."""

    title: str
    caption: str
    date: str
    day: date
    citations: tuple[Citation, ...]
    filters: FilterState = field(default_factory=FilterState)
    center: tuple[float, float] | None = None
    zoom: int | None = None
    place: str | None = None
    note: str = ""
    undated: bool = False  # also show places with no date at all (dashed), as they stand today

    @property
    def dates(self) -> str:
        """Which places the step shows: listed-by dates always, no date at all when `undated` (presenter modes)."""
        return "all" if self.undated else "listed"

    @property
    def precision(self) -> str:
        """'year', 'month' or 'day': how the map labels the step's date."""
        return {4: "year", 7: "month"}.get(len(self.date), "day")


@dataclass(frozen=True)
class Story:
    """A titled sequence of steps, read from one file."""

    name: str
    title: str
    steps: tuple[Step, ...]
    description: str = ""


@dataclass(frozen=True)
class StoryProblem:
    """One thing wrong in a story file: step 0 is the story itself; row numbers are not meaningful in YAML."""

    file: str
    step: int
    field: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"step {self.step}" if self.step else "the story"
        return f"{self.file}, {where}" + (f", '{self.field}'" if self.field else "") + f": {self.message}"


class StoryError(ValueError):
    """A story that cannot be shown; `problems` lists every reason."""

    def __init__(self, problems: list[StoryProblem]):
        self.problems = problems
        super().__init__("; ".join(map(str, problems[:5]))
                         + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""))


def _allowed(atlas: Atlas) -> dict[str, set[str]]:
    """The ids a story may name: the atlas's, and any ISO country (a story may look ahead of the data)."""
    allowed = {f.field: f.known(atlas) for f in FACETS}
    allowed["countries"] |= {c.alpha_2 for c in pycountry.countries}
    return allowed


def _hint(value: str, allowed: set[str], what: str) -> str:
    close = difflib.get_close_matches(value, sorted(allowed), n=1)
    return f"did you mean '{close[0]}'?" if close else f"see {what} for the ids"


class _Checker:
    """Collects problems while reading one story."""

    def __init__(self, name: str, atlas: Atlas):
        self.name, self.atlas, self.problems = name, atlas, []
        self.allowed = _allowed(atlas)

    def add(self, step: int, field_: str, value, message: str) -> None:
        self.problems.append(StoryProblem(self.name, step, field_, str(value)[:80], message))

    def problems_for(self, step: int, fields: tuple[str, ...]) -> bool:
        return any(p.step == step and p.field in fields for p in self.problems)

    def text(self, raw: dict, step: int, key: str, *, required: bool, limit: int = 0) -> str:
        value = raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(step, key, "", f"'{key}' is missing: every step needs a {key}")
            return ""
        if isinstance(value, (dict, list)):
            self.add(step, key, value, f"'{key}' should be text, got a {type(value).__name__}")
            return ""
        text = " ".join(str(value).split())
        if limit and len(text) > limit:
            self.add(step, key, text, f"'{key}' is {len(text)} characters: keep it under {limit} so it reads "
                                      "from the back of a room (put the rest in 'note')")
        return text

    def when(self, raw: dict, step: int) -> tuple[str, date | None]:
        value = raw.get("date")
        text = value.isoformat() if isinstance(value, date) else str(value).strip() if value is not None else ""
        if not text:
            self.add(step, "date", "", "'date' is missing: give the date the map should show, e.g. 2019 or 2019-06")
            return "", None
        if text == "today":
            return date.today().isoformat(), date.today()
        day = dates.last_day(text)
        if day is None:
            self.add(step, "date", text, f"'date' should look like {dates.FORMAT_HINT} (or be 'today'), got '{text}'")
        return text, day

    def citations(self, raw: dict, step: int) -> tuple[Citation, ...]:
        value = raw.get("sources")
        if not value:
            self.add(step, "sources", "", "'sources' is missing: every caption cites at least one source "
                                          "(an id from data/sources.csv, with a quote where you have one)")
            return ()
        if not isinstance(value, list):
            value = [value]
        out = []
        for item in value:
            item = {"id": item} if isinstance(item, str) else item
            if not isinstance(item, dict) or not item.get("id"):
                self.add(step, "sources", item, "each source should be an id, or 'id:' with an optional 'quote:'")
                continue
            sid = str(item["id"]).strip()
            if sid not in self.atlas.sources.index:
                self.add(step, "sources", sid,
                         f"unknown source '{sid}': {_hint(sid, set(self.atlas.sources.index), 'data/sources.csv')}")
                continue
            out.append(Citation(sid, " ".join(str(item.get("quote") or "").split())))
        return tuple(out)

    def filters(self, raw: dict, step: int) -> FilterState:
        value = raw.get("filters") or {}
        if not isinstance(value, dict):
            self.add(step, "filters", value, f"'filters' should map {', '.join(FILTERS)} to lists of ids")
            return FilterState()
        changes = {}
        for key, terms in value.items():
            if key not in FILTERS:
                self.add(step, f"filters.{key}", key, f"unknown filter '{key}': use {', '.join(FILTERS)}")
                continue
            terms = [terms] if isinstance(terms, str) else terms or []
            good, (noun, where_) = [], FILTERS[key]
            for term in map(str, terms):
                if term in self.allowed[key]:
                    good.append(term)
                else:
                    self.add(step, f"filters.{key}", term,
                             f"unknown {noun} '{term}': {_hint(term, self.allowed[key], where_)}")
            changes[key] = tuple(good)
        return FilterState(**changes)

    def view(self, raw: dict, step: int) -> tuple[tuple[float, float] | None, int | None, str | None]:
        center, zoom, place = raw.get("center"), raw.get("zoom"), raw.get("place")
        if center is not None:
            try:
                lat, lon = (float(x) for x in center)
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError
                center = (lat, lon)
            except (TypeError, ValueError):
                self.add(step, "center", center, "'center' should be [latitude, longitude], e.g. [48.1, 11.6]")
                center = None
        if zoom is not None:
            if isinstance(zoom, bool) or not isinstance(zoom, int) or not 1 <= zoom <= 18:
                self.add(step, "zoom", zoom,
                         f"'zoom' should be a whole number from 1 (world) to 18 (street), got {zoom!r}")
                zoom = None
        if (center is None) != (zoom is None) and not self.problems_for(step, ("center", "zoom")):
            self.add(step, "center" if center is None else "zoom", "",
                     "'center' and 'zoom' go together: give both, or neither to fit the map to the places")
        if place is not None:
            place = str(place)
            if place not in self.atlas.places.index:
                self.add(step, "place", place,
                         f"unknown place '{place}': {_hint(place, set(self.atlas.places.index), 'data/cities.csv')}")
                place = None
        return center, zoom, place

    def step(self, raw, number: int) -> Step | None:
        if not isinstance(raw, dict):
            self.add(number, "", raw, "a step should be a mapping of fields (title, date, caption, sources, ...)")
            return None
        for key in sorted(set(raw) - STEP_FIELDS):
            self.add(number, str(key), key, f"unknown field '{key}': a step has {', '.join(sorted(STEP_FIELDS))}")
        title = self.text(raw, number, "title", required=True, limit=120)
        caption = self.text(raw, number, "caption", required=True, limit=MAX_CAPTION)
        text, day = self.when(raw, number)
        cites = self.citations(raw, number)
        filters = self.filters(raw, number)
        center, zoom, place = self.view(raw, number)
        note = self.text(raw, number, "note", required=False)
        undated = raw.get("undated", False)
        if not isinstance(undated, bool):
            self.add(number, "undated", undated, "'undated' should be true or false")
        if day is None:
            return None
        return Step(title, caption, text, day, cites, filters, center, zoom, place, note, undated is True)


def _load(text: str, name: str) -> object:
    if name.lower().endswith(".json"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise StoryError([StoryProblem(
                name, 0, "", "", f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")]) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise StoryError([StoryProblem(
            name, 0, "", "", f"not valid YAML{where}: {getattr(exc, 'problem', None) or exc}")]) from None


def parse_story(text: str | bytes, name: str, atlas: Atlas) -> Story:
    """Read a story from YAML or JSON text (JSON when `name` ends in .json); raises StoryError listing every problem."""
    if len(text) > MAX_BYTES:
        raise StoryError([StoryProblem(
            name, 0, "", "", f"the file is {len(text):,} bytes: a story should stay under {MAX_BYTES:,}")])
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise StoryError([StoryProblem(name, 0, "", "", "the file is not UTF-8 text: save it as UTF-8")]) from None
    raw = _load(text, name)
    check = _Checker(name, atlas)
    if not isinstance(raw, dict):
        raise StoryError([StoryProblem(
            name, 0, "", "", "a story should be a mapping with 'title' and 'steps' (see data/stories/README.md)")])
    for key in sorted(set(raw) - STORY_FIELDS, key=str):
        check.add(0, str(key), key, f"unknown field '{key}': a story has {', '.join(sorted(STORY_FIELDS))}")
    title = check.text(raw, 0, "title", required=True, limit=120)
    description = check.text(raw, 0, "description", required=False)
    steps_raw = raw.get("steps")
    if not isinstance(steps_raw, list) or not steps_raw:
        check.add(0, "steps", steps_raw or "", "'steps' should be a non-empty list of steps")
        steps_raw = []
    steps = [check.step(s, i) for i, s in enumerate(steps_raw, start=1)]
    if check.problems:
        raise StoryError(check.problems)
    return Story(name, title, tuple(steps), description)


def read_story(path: Path | str, atlas: Atlas) -> Story:
    """Read a story file (.yaml, .yml or .json)."""
    path = Path(path)
    return parse_story(path.read_bytes(), path.name, atlas)


def bundled_stories(atlas: Atlas, folder: Path = STORIES_DIR) -> dict[str, Story | StoryError]:
    """Every story in the folder by file name (milestones first), or the error that keeps it from showing."""
    out: dict[str, Story | StoryError] = {}
    files = sorted((p for p in Path(folder).glob("*") if p.suffix.lower() in (".yaml", ".yml", ".json")),
                   key=lambda p: (p.stem != "milestones", p.name))
    for path in files:
        try:
            out[path.name] = read_story(path, atlas)
        except StoryError as exc:
            out[path.name] = exc
    return out
