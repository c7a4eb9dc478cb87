"""Build the data package (`data/*.csv`) from the curation files (`data/curation/`), geocoding offline.

Curation facts name places in words; the build places each one (placement overrides first, then the
gazetteer), gives it a stable `city_id`, and writes the tables the data package describes. Places it
cannot place unambiguously are listed for a person (`geocode_review.csv`) with their facts left out.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from mapdata.atlas.schema import resources
from mapdata.curation.columns import FACT_COLUMNS, PLACE_COLUMNS
from mapdata.dates import first_day
from mapdata.geo.admin1 import admin1_codes
from mapdata.geo.gazetteer import Candidate, Gazetteer, gazetteer
from mapdata.paths import CURATION, DATA_DIR, GEOCODE_REVIEW
from mapdata.text import fold, slug

MANUAL = "places_manual.csv"  # a person's decisions: they win over every other placement row
AMBIGUOUS = "ambiguous"  # a placement row's geonames_id when a person found the name fits several places
KEY = ["place", "country_code", "admin1", "kind"]  # how facts name a place
OTHER_NAMES_MAX = 60  # per place, in cities.csv's `other_names`: GeoNames' order is alphabetical, a low cap kept
# 'Afina' for Athens and cut 'Athen' (12 left out 'New York' for New York City)
OTHER_NAMES_MAX_LENGTH = 40
OTHER_NAMES_SEPARATOR = " | "
OWN_GEONAMES_KINDS = ("municipality", "district")  # the other kinds are drawn at a seat and carry its geonames_id
AS_OF = re.compile(r"as_of=(\d{4}(?:-\d{2}(?:-\d{2})?)?)")  # a list's or article's date, in a note
_CODE = re.compile(r"^[A-Z]{1,4}$")  # airport codes and abbreviations among GeoNames' names: MUC, CGN, PRG


def read_curation(folder: Path, prefix: str, columns: list[str] | None = None) -> pd.DataFrame:
    """All `prefix_*.csv` files of the folder as one table of strings, with the file each row came from."""
    frames = []
    for path in sorted(Path(folder).glob(f"{prefix}_*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False).apply(lambda s: s.str.strip())
        frames.append(frame.assign(_file=path.name))
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    for col in columns or ():
        if col not in out.columns:
            out[col] = ""
    return out.fillna("")


@dataclass
class Placement:
    """Where a curation place is drawn, or why it is not."""

    name: str
    country_code: str
    admin1: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    geonames_id: str = ""
    population: str = ""
    problem: str = ""
    candidates: list[Candidate] = field(default_factory=list)


def _place(row: pd.Series, overrides: dict, gaz: Gazetteer) -> Placement:
    """Place one (place, country, admin1, kind) key.

    A row that names a region (`admin1`) is placed only in that region: when the region's name has no GeoNames
    code here (`mapdata.geo.admin1`), or no gazetteer place of the name lies in it, the place goes to review,
    never to a namesake elsewhere. A placement row whose `geonames_id` is `ambiguous` (a person found that the
    name fits several places, one perhaps missing from the gazetteer) keeps it in review too."""
    name, cc, admin1, kind = row["place"], row["country_code"].upper(), row["admin1"], row["kind"] or "municipality"
    over = overrides.get((name, cc, admin1)) or overrides.get((name, cc, "")) or {}
    out = Placement(name, cc, admin1 or over.get("admin1", ""), over.get("kind") or kind)
    if over.get("geonames_id", "").lower() == AMBIGUOUS:
        match = gaz.lookup(over.get("seat") or name, cc, out.admin1)
        out.problem = (f"ambiguous (a person's decision in {over.get('_file') or 'a places file'}): "
                       f"{over.get('note', '')}")
        out.candidates = match.candidates
        return out
    if over.get("geonames_id") and not over.get("lat"):
        known = gaz.by_id(over["geonames_id"])
        if known is None:
            out.problem = f"geonames_id {over['geonames_id']} is not in the gazetteer: give lat and lon"
            return out
        return _from_candidate(out, known, over, rename=out.kind == "municipality")
    if over.get("lat") and over.get("lon"):
        lat, lon = float(over["lat"]), float(over["lon"])
        same = gaz.near(name, cc, lat, lon) if out.kind == "municipality" else None
        if same:  # the same town as the gazetteer's: one record, not two
            return _from_candidate(out, same, over, rename=True)
        out.lat, out.lon = lat, lon
        out.geonames_id, out.population = over.get("geonames_id", ""), over.get("population", "")
        return out
    seat = over.get("seat", "")
    query = seat or name
    match = gaz.lookup(query, cc, out.admin1)
    if out.admin1 and not admin1_codes(cc, out.admin1):
        out.problem = (f"unknown region: '{out.admin1}' has no GeoNames admin1 code in mapdata.geo.admin1 (add it, "
                       "checked against the package data), so the region cannot be checked")
        out.candidates = match.candidates
        return out
    if match.best:
        return _from_candidate(out, match.best, over, rename=out.kind == "municipality" and not seat)
    out.problem, out.candidates = match.status, match.candidates
    if match.status == "unmatched" and out.admin1:
        out.problem = (f"unmatched in {out.admin1}: no gazetteer place '{query}' lies in that region"
                       + ("; the namesakes listed lie elsewhere and are never chosen" if match.candidates else ""))
    return out


def _from_candidate(out: Placement, best: Candidate, over: dict, rename: bool) -> Placement:
    """Place at a GeoNames place (a municipality takes its GeoNames name and population)."""
    if rename:
        out.name = best.name
    out.lat, out.lon, out.geonames_id = best.lat, best.lon, str(best.geonames_id)
    out.population = over.get("population") or (str(best.population) if out.kind == "municipality" else "")
    return out


def _latin(name: str) -> bool:
    """Latin letters (with or without diacritics: ü, ł, ø), spaces, hyphens and apostrophes only."""
    for char in unicodedata.normalize("NFKD", name):
        if unicodedata.combining(char) or char in " -'’":
            continue
        if not (char.isalpha() and unicodedata.name(char, "").startswith("LATIN ")):
            return False
    return True


def other_names(name: str, alternates: list[str] | tuple[str, ...], prefer: list[str] | tuple[str, ...] = (),
                limit: int = OTHER_NAMES_MAX) -> list[str]:
    """The names a place is also known by, for search, chosen from GeoNames' alternate names.

    Kept: names in Latin script, with at least one capital (GeoNames' all-lower-case names are machine
    romanisations of names in other scripts: 'bu la ge'), of at most 40 characters; dropped: the place's own
    name, codes (all capitals, 4 letters or fewer; anything with digits), and longer forms that contain the
    place's name or another kept name as whole words ('Lungsod ng München', 'E-Chicago'). Spellings that fold
    to the same letters count once (the first; the one in `prefer` if there). GeoNames' order (alphabetical in
    cities500), except that the names in `prefer` (how the curation facts name the place, e.g. 'München' for
    Munich) come first; at most `limit`.
    """
    own = fold(name)
    groups: dict[str, list[str]] = {}
    for alt in alternates:
        alt = alt.strip()
        folded = fold(alt)
        if (not alt or len(alt) > OTHER_NAMES_MAX_LENGTH or not _latin(alt) or alt == alt.lower()
                or _CODE.match(alt) or not folded or folded == own):
            continue
        groups.setdefault(folded, []).append(alt)
    preferred = {fold(p): p for p in prefer}
    words = {f: f" {f} " for f in [*groups, own]}
    kept = [f for f in groups if not any(other != f and words[other] in words[f] for other in words)]
    kept.sort(key=lambda f: f not in preferred)  # stable: GeoNames' order otherwise
    return [preferred[f] if preferred.get(f) in groups[f] else groups[f][0] for f in kept[:limit]]


def place_all(facts: pd.DataFrame, places: pd.DataFrame, gaz: Gazetteer) -> pd.DataFrame:
    """One placement per distinct place key of the facts."""
    places = places.sort_values("_file", key=lambda f: f == MANUAL, kind="stable") if len(places) else places
    overrides = {(r["place"], r["country_code"].upper(), r["admin1"]): r for r in places.to_dict("records")}
    keys = facts[KEY].drop_duplicates()
    rows = []
    for _, key in keys.iterrows():
        p = _place(key, overrides, gaz)
        rows.append({**{f"key_{k}": key[k] for k in KEY}, **vars(p)})
    return pd.DataFrame(rows, columns=[*(f"key_{k}" for k in KEY), *Placement.__dataclass_fields__])


def _city_ids(placed: pd.DataFrame) -> pd.DataFrame:
    """Stable ids: one per drawn place (same GeoNames place and kind = same record), homonyms told apart. A region,
    county or collective drawn at its seat is itself by its name too: the Generalitat de Catalunya and the
    Diputació de Barcelona share a seat, not an identity."""
    placed = placed.copy()
    placed["identity"] = placed.apply(
        lambda r: (r["country_code"], r["kind"], r["geonames_id"] or f"{r['lat']},{r['lon']}",
                   "" if r["kind"] in OWN_GEONAMES_KINDS else fold(r["name"])), axis=1)
    first = placed.drop_duplicates("identity").copy()
    first["city_id"] = first.apply(lambda r: f"{r['country_code'].lower()}-{slug(r['name'])}", axis=1)
    clash = first["city_id"].duplicated(keep=False)
    if clash.any():  # (apply on no rows returns a frame, which cannot be set to one column)
        first.loc[clash, "city_id"] = first[clash].apply(
            lambda r: f"{r['city_id']}-{slug(r['admin1']) or r['geonames_id'] or slug(r['kind'])}", axis=1)
    return placed.merge(first[["identity", "city_id"]], on="identity")


def build(data_dir: Path = DATA_DIR, gaz: Gazetteer | None = None) -> dict[str, int]:
    """Write every table of the package from the curation folder; returns row counts (and unplaced places)."""
    data_dir = Path(data_dir)
    cur = data_dir / CURATION
    facts = read_curation(cur, "facts", FACT_COLUMNS)
    facts["country_code"] = facts["country_code"].str.upper()
    gaz = gaz or gazetteer()
    placed = place_all(facts, read_curation(cur, "places", PLACE_COLUMNS), gaz)
    unplaced = placed[placed["problem"] != ""]
    _write_review(unplaced, cur / GEOCODE_REVIEW)
    placed = _city_ids(placed[placed["problem"] == ""])
    facts = facts.merge(placed[[*(f"key_{k}" for k in KEY), "city_id"]], left_on=KEY,
                        right_on=[f"key_{k}" for k in KEY])
    res = resources(DATA_DIR)
    cities = placed.drop_duplicates("city_id").copy()
    cities["lat"], cities["lon"] = cities["lat"].round(5), cities["lon"].round(5)
    cities["other_names"] = _other_names(cities, placed.groupby("city_id")["key_place"].agg(list), gaz)
    sources = read_curation(cur, "sources")
    facts["known_by"] = known_by(facts, sources)
    tables = {
        "cities": cities,
        "networks": read_curation(cur, "networks"),
        "sources": sources,
        "memberships": facts[facts["fact"] == "membership"].rename(columns={"date": "start"}),
        "declarations": facts[facts["fact"] == "declaration"],
        "policies": facts[facts["fact"] == "policy"].rename(columns={"date": "start"}),
    }
    counts = {}
    for name, frame in tables.items():
        columns = res[name].columns
        out = frame.reindex(columns=columns).fillna("").drop_duplicates()
        out = out.sort_values(columns[: 3 if name not in ("networks", "sources", "cities") else 1], kind="stable")
        out.to_csv(data_dir / res[name].path, index=False)
        counts[name] = len(out)
    counts["unplaced"] = len(unplaced)
    return counts


def known_by(facts: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """The earliest date at which a source held here states each fact: the earliest `as_of=` bound in its note,
    else its source's publication date; at that precision, empty when neither is known. A bound, never the
    decision date."""
    dated = sources.drop_duplicates("source_id").set_index("source_id")["date"]
    published = facts["source_id"].map(dated).fillna("")
    bounds = facts["note"].str.findall(AS_OF)
    return pd.Series([min(b, key=first_day) if b else p for b, p in zip(bounds, published)], index=facts.index,
                     dtype=object)


def _other_names(cities: pd.DataFrame, curated: pd.Series, gaz: Gazetteer) -> list[str]:
    """Per place, its other names joined by ' | ', when its GeoNames id is the place itself. A county, region,
    state, metropolitan area, island or collective is drawn at its seat and carries the seat's id (Cook County
    at Chicago; Tenerife at Santa Cruz de Tenerife, one of whose alternate names is 'Tenerife'): it does not take
    the seat's names; nor does a town drawn at another town (its name is not among that town's names)."""
    out = []
    for city_id, name, kind, geonames_id in zip(cities["city_id"], cities["name"], cities["kind"],
                                                cities["geonames_id"]):
        own = kind in OWN_GEONAMES_KINDS and str(geonames_id).isdigit()
        known = gaz.by_id(geonames_id) if own else None
        names = (known.name, *gaz.alternate_names(known.geonames_id)) if known else ()
        if fold(name) not in {fold(n) for n in names}:
            out.append("")
            continue
        out.append(OTHER_NAMES_SEPARATOR.join(other_names(name, names, prefer=curated.get(city_id, ()))))
    return out


def _write_review(unplaced: pd.DataFrame, path: Path) -> None:
    """List places the gazetteer could not place, with the candidates it found, for a person to decide."""
    rows = [{"place": r["key_place"], "country_code": r["key_country_code"], "admin1": r["key_admin1"],
             "problem": r["problem"],
             "candidates": "; ".join(f"{c.name} ({c.admin1_code}, pop. {c.population}, geonames {c.geonames_id}, "
                                     f"{c.lat:.4f},{c.lon:.4f})" for c in r["candidates"])}
            for _, r in unplaced.iterrows()]
    pd.DataFrame(rows, columns=["place", "country_code", "admin1", "problem", "candidates"]).to_csv(path, index=False)
