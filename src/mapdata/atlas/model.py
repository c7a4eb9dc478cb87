"""The atlas: the validated, in-memory data package (places as a GeoDataFrame, facts, networks, sources)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import pandas as pd

from mapdata import dates
from mapdata.atlas.checks import check_references, check_table
from mapdata.atlas.problems import ROW, Problem
from mapdata.atlas.read import read_table
from mapdata.atlas.schema import resources
from mapdata.geo.countries import country_name, is_near_country
from mapdata.paths import DATA_DIR
from mapdata.text import fold


@dataclass
class Atlas:
    """Everything the app shows. `facts` joins memberships, declarations and policies in one long table."""

    places: gpd.GeoDataFrame
    networks: pd.DataFrame
    memberships: pd.DataFrame
    declarations: pd.DataFrame
    policies: pd.DataFrame
    sources: pd.DataFrame
    vocabularies: pd.DataFrame
    facts: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)

    def source_ref(self, source_id: str) -> tuple[str, str]:
        """A source's title and address by id (the id itself, and no address, for an unknown one)."""
        if source_id in self.sources.index:
            return self.sources.at[source_id, "title"], self.sources.at[source_id, "url"]
        return source_id, ""

    def label(self, vocabulary: str, term: str) -> str:
        """A vocabulary term for people ('health_care' -> 'Health care')."""
        return self._labels.get((vocabulary, term), term)

    @cached_property
    def _labels(self) -> dict[tuple[str, str], str]:
        v = self.vocabularies
        return dict(zip(zip(v["vocabulary"], v["term"]), v["label"]))

    @cached_property
    def search_keys(self) -> pd.DataFrame:
        """Per place, its name folded (`name`) and its other names folded, each between '|' (`other`:
        '|munchen|minca|'), for `query.search_places`: folded once per atlas, not per search."""
        names = self.places["name"].map(fold)
        others = self.places.get("other_names", pd.Series("", index=self.places.index)).fillna("")
        other = others.map(lambda text: "|" + "|".join(fold(n) for n in text.split("|") if fold(n)) + "|")
        return pd.DataFrame({"name": names, "other": other}, index=self.places.index)


def load_atlas(data_dir: Path | str = DATA_DIR) -> Atlas:
    """Read and validate every table; bad rows are reported in `atlas.problems` and left out."""
    data_dir = Path(data_dir)
    res = resources(DATA_DIR)  # the schema is the project's, whatever folder the data comes from
    problems: list[Problem] = []
    tables = {name: check_table(read_table(data_dir / r.path, r, problems), r, r.path, problems)
              for name, r in res.items()}
    tables["cities"] = _check_places(tables["cities"], problems)
    tables = check_references(tables, res, problems)
    tables = {name: frame.drop(columns=[ROW]).reset_index(drop=True) for name, frame in tables.items()}
    facts = _facts(tables)
    return Atlas(_places(tables["cities"]), tables["networks"].set_index("network_id", drop=False),
                 tables["memberships"], tables["declarations"], tables["policies"],
                 tables["sources"].set_index("source_id", drop=False), tables["vocabularies"], facts, problems)


def _check_places(cities: pd.DataFrame, problems: list[Problem]) -> pd.DataFrame:
    """Leave out places whose point lies far from their country (geocoding slips)."""
    far = cities.apply(lambda r: not is_near_country(r["country_code"], float(r["lat"]), float(r["lon"])), axis=1)
    if far.any():
        from mapdata.geo.gazetteer import countries_near  # read only when the basemap check fails (islands, slips)
        for idx in far[far].index:
            r = cities.loc[idx]
            if r["country_code"] in countries_near(float(r["lat"]), float(r["lon"])):
                far[idx] = False
                continue
            problems.append(Problem("cities.csv", int(r[ROW]), "lat", f"{r['lat']}, {r['lon']}", "wrong-country",
                                    f"the point {r['lat']}, {r['lon']} is not in or near "
                                    f"{country_name(r['country_code'])} "
                                    f"({r['country_code']}); check the coordinates or the country code"))
    return cities[~far] if len(cities) else cities


def _places(cities: pd.DataFrame) -> gpd.GeoDataFrame:
    frame = cities.assign(lat=cities["lat"].astype(float), lon=cities["lon"].astype(float),
                          country=cities["country_code"].map(country_name))
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326").set_index(
        "city_id", drop=False)


def _facts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per fact: what (network id, label or policy type), start and end days, positive or not."""
    parts = [
        tables["memberships"].assign(fact="membership", what=lambda t: t["network_id"], outcome="adopted"),
        tables["declarations"].assign(fact="declaration", what=lambda t: t["label"], start=lambda t: t["date"], end=""),
        tables["policies"].assign(fact="policy", what=lambda t: t["policy_type"]),
    ]
    facts = pd.concat(parts, ignore_index=True).fillna("")
    facts["positive"] = facts["outcome"] == "adopted"
    facts["start_day"] = facts["start"].map(dates.first_day)
    facts["end_day"] = facts["end"].map(dates.last_day)
    facts["known_by"] = facts["known_by"] if "known_by" in facts else ""
    today = date.today()  # a source held here was published by today: "listed by 2026" holds today already
    facts["known_day"] = facts["known_by"].map(lambda k: min(d, today) if (d := dates.last_day(k)) else None)
    # ended at a date no source gives (an exit, a network that ended): over no later than the source that says so
    reason = facts["end_reason"] if "end_reason" in facts else pd.Series("", index=facts.index)
    ended = (facts["end"] == "") & (reason.fillna("") != "")
    facts.loc[ended, "end_day"] = facts.loc[ended, "known_day"]
    _end_revoked_declarations(facts)
    return facts


def _end_revoked_declarations(facts: pd.DataFrame) -> None:
    """An adopted declaration ends where a later revocation of the same label by the same place is dated."""
    revoked = facts[(facts["fact"] == "declaration") & (facts["outcome"] == "revoked") & facts["start_day"].notna()]
    for _, rev in revoked.iterrows():
        ended = ((facts["fact"] == "declaration") & facts["positive"] & (facts["city_id"] == rev["city_id"])
                 & (facts["what"] == rev["what"])
                 & facts["start_day"].map(lambda d: d is not None and d <= rev["start_day"]))
        facts.loc[ended, "end_day"] = rev["start_day"]


def atlas_from_tables(tables: dict[str, pd.DataFrame], problems: list[Problem] | None = None) -> Atlas:
    """An Atlas from tables already checked (cells as `load_atlas` reads them), e.g. two atlases merged."""
    return Atlas(_places(tables["cities"]), tables["networks"].set_index("network_id", drop=False),
                 tables["memberships"], tables["declarations"], tables["policies"],
                 tables["sources"].set_index("source_id", drop=False), tables["vocabularies"], _facts(tables),
                 list(problems or []))
