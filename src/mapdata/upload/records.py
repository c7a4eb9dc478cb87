"""From mapped rows to an Atlas: normalise, geocode offline, write a temporary data package, load it by its rules."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from mapdata.atlas.model import Atlas, load_atlas
from mapdata.atlas.problems import Problem
from mapdata.atlas.schema import resources, vocabulary
from mapdata.dates import first_day, last_day
from mapdata.geo.gazetteer import Gazetteer, gazetteer
from mapdata.text import fold, slug
from mapdata.upload.columns import (
    _KIND_SYNONYMS,
    _LABEL_SYNONYMS,
    _country_names,
    _number,
    _suggest,
    country_code,
    normalise_date,
)
from mapdata.upload.read import Upload

LIST_ID, FILE_SOURCE = "user-list", "user-file"  # the network and source every upload gets

@dataclass
class Settings:
    """How to read the rows: the column mapping and what applies to the whole file."""

    mapping: dict[str, str] = field(default_factory=dict)  # target -> column
    country: str = ""  # ISO code for rows without a country
    default_what: str = ""  # network id or label for rows naming none ("" = only your own list)
    source: str = ""  # one source (URL or title) for the whole file
    choices: dict[tuple[str, str, str], int] = field(default_factory=dict)  # ambiguous place -> GeoNames id, 0 = none


@dataclass
class Ambiguity:
    """A place name the gazetteer finds several times: a person chooses."""

    name: str
    country_code: str
    admin1: str
    rows: list[int]
    candidates: list

    @property
    def key(self) -> tuple[str, str, str]:
        return fold(self.name), self.country_code, fold(self.admin1)


@dataclass
class _Record:
    """One accepted-so-far row, normalised to the atlas' terms."""

    row: int
    place: str
    country_code: str
    admin1: str = ""
    kind: str = "municipality"
    lat: str = ""
    lon: str = ""
    geonames_id: str = ""
    population: str = ""
    date: str = ""
    end: str = ""
    fact: str = ""  # membership, declaration or "" (your list only)
    what: str = ""  # network id or label
    policy: str = ""
    title: str = ""
    outcome: str = ""
    status: str = "unverified"
    source: str = ""
    quote: str = ""
    note: str = ""


@dataclass
class UploadResult:
    """What became of every row: accepted rows (in `atlas`), problems, places to choose or not found."""

    filename: str
    uploaded: int
    accepted: list[int]
    problems: list[Problem]
    ambiguous: list[Ambiguity]
    unmatched: list[dict]
    records: list[_Record]
    tables: dict[str, pd.DataFrame]
    atlas: Atlas | None

    @property
    def rejected(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.severity == "error"})

    @property
    def places(self) -> int:
        return 0 if self.atlas is None else len(self.atlas.places)


def _what_index(base: Atlas) -> dict[str, tuple[str, str]]:
    """Folded name -> (fact, term): declaration labels first, then networks by id, name and short name."""
    index = {fold(label): ("declaration", label) for label in vocabulary("declarations", "label")}
    index.update({k: ("declaration", v) for k, v in _LABEL_SYNONYMS.items()})
    for nid, net in base.networks.iterrows():
        for name in (nid, net["name"], net["short_name"]):
            index.setdefault(fold(name), ("membership", nid))
    return index


def _policy_index(base: Atlas) -> dict[str, str]:
    terms = vocabulary("policies", "policy_type")
    return {**{fold(t): t for t in terms}, **{fold(base.label("policy_type", t)): t for t in terms}}


def _prepare(upload: Upload, settings: Settings, base: Atlas) -> tuple[list[_Record], list[Problem]]:
    """Normalise each row; rows with a problem are reported and left out."""
    cols = {t: upload.columns.index(c) for t, c in settings.mapping.items() if c in upload.columns}
    whats, policies = _what_index(base), _policy_index(base)
    known_whats = [*vocabulary("declarations", "label"), *base.networks["short_name"]]
    records, problems = [], [p for p in upload.problems]
    for n, cells in zip(upload.row_numbers, upload.rows):
        get = {t: cells[i].strip() for t, i in cols.items()}.get
        found: list[Problem] = []

        def bad(target: str, value: str, kind: str, message: str) -> None:
            found.append(Problem(upload.filename, n, settings.mapping.get(target, target), value, kind, message))

        rec = _Record(n, get("place", ""), "")
        if not rec.place:
            bad("place", "", "required", "the place name is empty")
        raw_country = get("country", "") or settings.country
        rec.country_code = country_code(raw_country) or ""
        if not raw_country:
            bad("country", "", "required", "no country: map a country column or choose one for the whole file")
        elif not rec.country_code:
            bad("country", raw_country, "country", f"'{raw_country}' is not a country name or ISO code"
                + _suggest(raw_country, _country_names()))
        rec.admin1 = get("admin1", "")
        kind = fold(get("kind", ""))
        rec.kind = _KIND_SYNONYMS.get(kind, kind.replace(" ", "_")) or "municipality"
        rec.lat, rec.lon = _number(get("lat", "")), _number(get("lon", ""))
        if bool(rec.lat) != bool(rec.lon):
            bad("lat" if not rec.lat else "lon", "", "required", "give both latitude and longitude, or neither "
                "(the place is then found by its name)")
        for target in ("date", "end"):
            value, reason = normalise_date(get(target, ""))
            setattr(rec, target, value)
            if reason:
                bad(target, get(target, ""), "date", reason)
        what = get("network_or_label", "") or settings.default_what
        if what:
            hit = whats.get(fold(what))
            if hit:
                rec.fact, rec.what = hit
            else:
                bad("network_or_label", what, "vocabulary", f"'{what}' is not a network or a declaration label of "
                    "the atlas" + _suggest(what, known_whats) + "; see the Networks page for names")
        policy = get("policy", "")
        rec.policy = policies.get(fold(policy), policy)
        rec.title = get("title", "") or (base.label("policy_type", rec.policy) if rec.policy else "")
        outcome = get("outcome", "").lower()
        rec.outcome = outcome or "adopted"
        if rec.fact == "membership" and not rec.policy and outcome not in ("", "adopted"):
            bad("outcome", outcome, "vocabulary", f"a membership has no outcome, got '{outcome}': leave it empty")
        rec.status = get("status", "").lower() or "unverified"
        rec.source, rec.quote, rec.note = get("source", "") or settings.source, get("quote", ""), get("note", "")
        if (rec.fact or rec.policy) and not rec.source:
            bad("source", "", "required", "a network, label or policy needs a source: map a source column or name "
                "one source for the whole file")
        problems.extend(found)
        if not found and not any(p.row == n and p.severity == "error" for p in upload.problems):
            records.append(rec)
    return records, problems


def _geocode(records: list[_Record], settings: Settings, gaz: Gazetteer, filename: str
             ) -> tuple[list[_Record], list[Problem], list[Ambiguity], list[dict]]:
    """Place rows without coordinates by name; ambiguous and unknown names are reported, never guessed."""
    kept, problems, ambiguous, unmatched = [], [], {}, {}
    column = settings.mapping.get("place", "place")
    for rec in records:
        if rec.lat:
            kept.append(rec)
            continue
        match = gaz.lookup(rec.place, rec.country_code, rec.admin1)
        key = (fold(rec.place), rec.country_code, fold(rec.admin1))
        chosen = settings.choices.get(key)
        best = match.best or next((c for c in match.candidates if chosen and c.geonames_id == chosen), None)
        if best:
            if rec.kind == "municipality":
                rec.place, rec.population = best.name, str(best.population)
            rec.lat, rec.lon, rec.geonames_id = str(best.lat), str(best.lon), str(best.geonames_id)
            kept.append(rec)
        elif match.status == "ambiguous":
            amb = ambiguous.setdefault(key, Ambiguity(rec.place, rec.country_code, rec.admin1, [], match.candidates))
            amb.rows.append(rec.row)
            names = ", ".join(dict.fromkeys(c.name for c in match.candidates))
            why = "you left it out" if chosen == 0 else "choose one under 'Places with several matches'"
            problems.append(Problem(filename, rec.row, column, rec.place, "ambiguous",
                                    f"'{rec.place}' matches {len(match.candidates)} places in {rec.country_code} "
                                    f"({names}): {why}, or add a state/region or lat and lon columns"))
        else:
            unmatched.setdefault(key, {"place": rec.place, "country": rec.country_code, "admin1": rec.admin1,
                                       "rows": []})["rows"].append(rec.row)
            problems.append(Problem(filename, rec.row, column, rec.place, "unmatched",
                                    f"'{rec.place}' is not in the GeoNames gazetteer for {rec.country_code} (places "
                                    "of 500 or more people): check the spelling or add lat and lon columns"))
    return kept, problems, list(ambiguous.values()), list(unmatched.values())


def _plain(text: str) -> str:
    return text.replace("<", "").replace(">", "")


def _package(records: list[_Record], filename: str, base: Atlas) -> tuple[dict[str, pd.DataFrame], dict]:
    """The accepted rows as data package tables, and each table row's upload rows (file, row) -> [rows]."""
    name = _plain(filename)
    origins: dict[tuple[str, int], list[int]] = {}
    tables: dict[str, list[dict]] = {k: [] for k in ("cities", "memberships", "declarations", "policies", "sources")}

    def add(table: str, rows: list[int], **values) -> None:
        tables[table].append(values)
        origins[(resources()[table].path, len(tables[table]) + 1)] = rows

    ids, place_rows = {}, {}
    for rec in records:  # one place per GeoNames place and kind (or per name and point); homonyms told apart
        identity = (rec.country_code, rec.kind, rec.geonames_id or f"{fold(rec.place)} {rec.lat} {rec.lon}")
        if identity not in ids:
            cid = f"{rec.country_code.lower()}-{slug(rec.place) or 'place'}"
            for suffix in (slug(rec.admin1), rec.geonames_id, str(rec.row)):
                if cid in ids.values() and suffix:
                    cid = f"{cid}-{suffix}"
            ids[identity] = cid
        place_rows.setdefault(ids[identity], []).append(rec)
    for cid, recs in place_rows.items():
        r = recs[0]
        add("cities", [x.row for x in recs], city_id=cid, name=r.place, country_code=r.country_code, admin1=r.admin1,
            kind=r.kind, lat=r.lat, lon=r.lon, geonames_id=r.geonames_id, population=r.population)
    sources = {s: f"user-source-{i}" for i, s in enumerate(dict.fromkeys(r.source for r in records if r.source), 1)}
    bundled = {**{s: s for s in base.sources.index}, **dict(zip(base.sources["url"], base.sources.index))}
    bundled.pop("", None)
    add("sources", [], source_id=FILE_SOURCE, title=f"Your data: {name}", publisher="uploaded in this session",
        kind="dataset")
    for text, sid in sources.items():
        if text in bundled:
            sources[text] = bundled[text]
            continue
        is_url = text.startswith(("http://", "https://"))
        add("sources", [r.row for r in records if r.source == text], source_id=sid,
            title=f"{_plain(text)} (your data: {name})", url=text if is_url else "",
            kind="web_page" if is_url else "document")
    for cid, recs in place_rows.items():
        for r in recs:
            note = "; ".join(x for x in (r.note, f"row {r.row} of {name}") if x)
            common = dict(city_id=cid, status=r.status, quote=r.quote, note=note)
            src = sources.get(r.source, FILE_SOURCE)
            if r.fact == "membership":
                add("memberships", [r.row], **common, network_id=r.what, role="member", start=r.date, end=r.end,
                    source_id=src)
            elif r.fact == "declaration":
                add("declarations", [r.row], **common, label=r.what, date=r.date, outcome=r.outcome,
                    title=r.title if not r.policy else "", source_id=src)
            if r.policy:
                add("policies", [r.row], **common, policy_type=r.policy, title=r.title, start=r.date, end=r.end,
                    outcome=r.outcome, source_id=src)
            if not r.fact and not r.policy:
                add("memberships", [r.row], **common, network_id=LIST_ID, role="listed", start=r.date, end=r.end,
                    source_id=src)
        if all(r.fact or r.policy for r in recs):
            _mark(add, cid, recs, name)
    countries = {r.country_code for r in records}
    used = {r.what for r in records if r.fact == "membership"}
    networks = pd.concat([pd.DataFrame([dict(
        network_id=LIST_ID, name=f"Your data: {name}", short_name=f"Your data: {Path(name).stem[:30]}",
        kind="designation", scope="national" if len(countries) == 1 else "transnational",
        description=f"The places in {name}, the file you uploaded in this session", source_id=FILE_SOURCE)]),
        base.networks[base.networks["network_id"].isin(used)]], ignore_index=True)
    cited = set(networks["source_id"]) | set(sources.values())
    out = {k: pd.DataFrame(v, columns=resources()[k].columns, dtype=object).fillna("") for k, v in tables.items()}
    out["sources"] = pd.concat([out["sources"], base.sources[base.sources["source_id"].isin(cited)]], ignore_index=True)
    out["networks"] = networks.reindex(columns=resources()["networks"].columns).fillna("")
    out["vocabularies"] = base.vocabularies
    return out, origins


def _mark(add, cid: str, recs: list[_Record], name: str) -> None:
    """List a place whose rows all name a fact in 'Your data' too, over the span of those rows' dates."""
    starts = [r.date for r in recs if first_day(r.date)]
    ends = [r.end for r in recs if last_day(r.end)]
    rows = [r.row for r in recs]
    add("memberships", rows, city_id=cid, network_id=LIST_ID, role="listed",
        start=min(starts, key=first_day) if starts else "",
        end=max(ends, key=last_day) if len(ends) == len(recs) else "",
        status="verified" if all(r.status == "verified" for r in recs) else "unverified", source_id=FILE_SOURCE,
        note=f"row {rows[0]} of {name}" if len(rows) == 1 else f"rows {', '.join(map(str, rows))} of {name}; "
                                                                  "dates: the span of those rows")


_FIELD_TARGET = {"name": "place", "country_code": "country", "geonames_id": "place", "population": "place",
                 "network_id": "network_or_label", "label": "network_or_label", "role": "network_or_label",
                 "start": "date", "policy_type": "policy", "source_id": "source", "description": "title"}


def _load(tables: dict[str, pd.DataFrame], origins: dict, settings: Settings, filename: str
          ) -> tuple[Atlas, list[Problem]]:
    """Load the tables with `load_atlas`; its problems, named by upload row and column."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, frame in tables.items():
            frame.to_csv(Path(tmp) / resources()[name].path, index=False)
        atlas = load_atlas(tmp)
    found = []
    for p in atlas.problems:
        if p.type == "reference" and p.field == "city_id":
            continue  # the place itself was left out: its own problem names the reason
        target = _FIELD_TARGET.get(p.field, p.field)
        if target in ("lat", "lon") and "lat" not in settings.mapping:
            target = "place"
        for row in origins.get((p.file, p.row), []):
            value = p.value.removesuffix(f"; row {row} of {_plain(filename)}")  # the note as written
            found.append(Problem(filename, row, settings.mapping.get(target, target), value, p.type, p.message,
                                 p.severity))
    return atlas, found


def process(upload: Upload, settings: Settings, base: Atlas,
            gazetteer: Callable[[], Gazetteer] = gazetteer) -> UploadResult:
    """Validate, geocode and load the rows; `gazetteer` is called only when a row lacks coordinates."""
    records, problems = _prepare(upload, settings, base)
    ambiguous, unmatched = [], []
    if any(not r.lat for r in records):
        records, geo, ambiguous, unmatched = _geocode(records, settings, gazetteer(), upload.filename)
        problems += geo
    rejected = {p.row for p in problems if p.severity == "error"}
    while True:  # a row the package rejects is left out whole, and the rest loaded again
        records = [r for r in records if r.row not in rejected]
        tables, origins = _package(records, upload.filename, base)
        atlas, found = _load(tables, origins, settings, upload.filename)
        errors = [p for p in found if p.severity == "error"]
        newly = {p.row for p in errors} - rejected
        problems += errors if newly else found
        if not newly:
            break
        rejected |= newly
    atlas.problems = problems
    accepted = [r.row for r in records]
    return UploadResult(upload.filename, len(upload.rows), accepted, problems, ambiguous, unmatched, records, tables,
                        atlas if accepted else None)
