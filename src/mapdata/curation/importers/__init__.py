"""Import the candidate lists in `shared/data_candidates/` into the curation format.

`import_candidates(dir)` reads every trusted candidate file (`list_*.csv`, `seed_*.csv`, the
ETMUN extract and the kevinnbass JSON; *not* `seeds_extracted_*` nor the Natural Earth geojson) and
returns the rows of `facts`, `sources`, `places` and `networks` (columns as in
`data/curation/README.md`). `write_candidates(dir, out_dir)` writes them as `*_candidates.csv`.

Rules applied everywhere (they are the rules of the data):

* Each `network_or_label` value of a list file is mapped on purpose (see the `_*_LABELS` tables);
  an unknown value raises `KeyError` so that a new value is never mapped by accident.
* Dates are copied at the precision given, never rounded or guessed. Where the file's date is only
  the date of the article or post that reports a decision (`_DATE_TO_NOTE`), it goes to `note` as
  `as_of=...` and `date` stays empty.
* `status` is `verified` (the candidate files are stored copies), except for rows the file itself
  flags (`verify`, low quality, inferred, uncertain, contested, ambiguous place); the note says why.
* A page excerpt in the note (`page: '...'`) becomes `quote`.
* One source row per distinct URL; a fact cites the first URL of its row, further URLs go to the note.
  The two GitHub copies are cited as repository + path + commit; each kevinnbass entry cites its own
  `source_url` (noted "via kevinnbass dataset").
* Places: names as GeoNames has them where the file's spelling would not match (`_RENAMES`);
  regions, counties, states, districts and collectives get a `places` row with a seat town or
  coordinates (`_PLACES`, US state capitals). ETMUN rows are checked against GeoNames
  (`check_coordinates`): a slipped country code is corrected, implausible coordinates are dropped,
  and the file's coordinates are written only where a name lookup would not find the place.

Modelling choices a reader should know: a Seebrücke/Flüchtlingsrat list entry is a `listed`
membership of `seebruecke-safe-harbours`, a council decision is a "Safe Harbour" declaration, a
Bündnis join a `staedte-sicherer-haefen` membership; readiness to admit (CH, AT, NL, some DE) is a
"Willing to Admit" declaration; "considering" rows and motions not (yet) decided are `proposed`;
Vancouver's Access Without Fear policy is a policy (`social_services`), not a declaration; the
EUROCITIES 2008 exchange strand and the Italian ICC network are their own networks (`networks`).

Not imported, on purpose:

* kevinnbass JSON: states classified `neutral`/`anti_sanctuary`/`aggressive_anti_sanctuary`,
  cities `cooperative`/`policy_conflict`, and the `counties_287g_agreements` list: none of them
  is a solidarity fact. Minnesota is classified `sanctuary` while its own entry says "No statewide
  policy" (detainers case by case): the entry contradicts itself and is skipped.
* Mayors Migration Council: "the former mayor of Athens" is a person, not the city government.
* Round 2: the `NOT immigration` row of `list2_canada_sanctuary_cities.csv` (Saskatoon's 2SLGBTQQIA+ 'sanctuary
  city', another meaning of the term).

The round 2 lists (`list2_*.csv`) have their own rules (`round2.py`: quotes, derived dates, doubt) and what their
rows do to other facts (`round2_lists.py`: exits, reversals, pre-emption laws, designation lists).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from mapdata.curation.importers.collector import _Collector
from mapdata.curation.importers.github import import_etmun, import_kevinnbass
from mapdata.curation.importers.lists import (
    import_anvita_extra,
    import_austria,
    import_canada,
    import_city_of_sanctuary_uk,
    import_icorn,
    import_intercultural_cities,
    import_mayors_migration_council,
    import_netherlands,
    import_safe_harbour_decisions_de,
    import_sichere_haefen_baden_wuerttemberg,
    import_sichere_haefen_niedersachsen,
    import_solidarity_cities,
    import_spain_ciudades_refugio,
    import_switzerland,
    import_welcoming_america,
)
from mapdata.curation.importers.round2_lists import IMPORTERS2
from mapdata.curation.importers.seeds import (
    import_anvita_founders,
    import_certified_welcoming,
    import_iash,
    import_staedte_sicherer_haefen_founders,
    import_us_doj_2025,
)
from mapdata.curation.importers.sources import ETMUN_FILE, KEVINNBASS_FILE

_IGNORED = ("seeds_extracted_*", "*.geojson", "README.md")

IMPORTERS = {
    "list_anvita_members_extra.csv": import_anvita_extra,
    "list_austria_aufnahme_gemeinden.csv": import_austria,
    "list_canada_sanctuary_cities.csv": import_canada,
    "list_city_of_sanctuary_uk.csv": import_city_of_sanctuary_uk,
    "list_icorn_cities.csv": import_icorn,
    "list_intercultural_cities.csv": import_intercultural_cities,
    "list_mayors_migration_council.csv": import_mayors_migration_council,
    "list_netherlands_moria_gemeenten_2020.csv": import_netherlands,
    "list_safe_harbour_decisions_de.csv": import_safe_harbour_decisions_de,
    "list_sichere_haefen_baden_wuerttemberg.csv": import_sichere_haefen_baden_wuerttemberg,
    "list_sichere_haefen_niedersachsen.csv": import_sichere_haefen_niedersachsen,
    "list_solidarity_cities_eurocities.csv": import_solidarity_cities,
    "list_spain_ciudades_refugio_2015.csv": import_spain_ciudades_refugio,
    "list_switzerland_aufnahmebereite_staedte.csv": import_switzerland,
    "list_welcoming_america_network.csv": import_welcoming_america,
    "seed_anvita_founders.csv": import_anvita_founders,
    "seed_certified_welcoming.csv": import_certified_welcoming,
    "seed_iash_members.csv": import_iash,
    "seed_staedte_sicherer_haefen_founders.csv": import_staedte_sicherer_haefen_founders,
    "seed_us_doj_sanctuary_list_2025-08-05.csv": import_us_doj_2025,
    ETMUN_FILE: import_etmun,
    KEVINNBASS_FILE: import_kevinnbass,
    **IMPORTERS2,  # round 2, after every other list
}


def import_candidates(candidates_dir: Path) -> dict[str, pd.DataFrame]:
    """Import every registered candidate file present in `candidates_dir`.

    Returns DataFrames keyed `facts`, `sources`, `places`, `networks` (curation columns).
    A candidate file without an importer triggers a warning, so no list is skipped silently.
    """
    candidates_dir = Path(candidates_dir)
    for path in sorted(candidates_dir.iterdir()):
        if path.name not in IMPORTERS and not any(path.match(p) for p in _IGNORED):
            warnings.warn(f"candidate file without importer: {path.name}", stacklevel=2)
    out = _Collector()
    for name, importer in IMPORTERS.items():
        if (candidates_dir / name).exists():
            importer(candidates_dir / name, out)
    return out.frames()


def write_candidates(candidates_dir: Path, out_dir: Path) -> dict[str, int]:
    """Write `{facts,sources,places,networks}_candidates.csv` to `out_dir`; return row counts.

    The networks file is written only when there are networks (a stale one is removed).
    """
    out_dir = Path(out_dir)
    counts = {}
    for key, frame in import_candidates(candidates_dir).items():
        target = out_dir / f"{key}_candidates.csv"
        if key == "networks" and frame.empty:
            target.unlink(missing_ok=True)
        else:
            frame.to_csv(target, index=False, encoding="utf-8")
        counts[key] = len(frame)
    return counts
