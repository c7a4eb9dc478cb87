"""The round 2 lists (`list2_*.csv`: stored copies of public pages, conventions in `sources/lists/README.md`).

Every row goes through its file's table (`labels2_eu.py`, `labels2_na.py`); an unknown `network_or_label`
raises `KeyError`. The rules, which hold for every file:

* `quote="..."` in the note becomes the fact's `quote`, verbatim; a `quote_unavailable` row has no quote and
  its note says it is a fact read from the page, not a verified quote.
* `as_of=` stays in the note, an upper bound, never the date. A date the file derived (`derived_date=` in the
  Europe files, `DATE DERIVED` in the North America files) is kept only where the row's quote holds the words
  that pin the day to the article's date (`_PINNED` names them, and the note repeats them); otherwise `date` is
  empty and the derived date stays in the note as an `as_of=` bound. `_NOT_THE_DATE` moves dates that are not
  the fact's (a recertification, a year inferred from the article) to the note.
* `status` is `verified` (stored copies) unless the row's note flags doubt (`_DOUBT`); the note then says why.
* One source row per URL (the collector); a URL another curation file already holds is cited by its id.
* A row that repeats a fact already collected (same place, fact, term, outcome, dates and source) adds no row;
  its quote fills the earlier fact's missing quote.
* Places: renames and seats in `places.py`; a region name that `mapdata.geo.admin1` cannot name stays in the
  note, not in `admin1` (the build would send the place to review for the region's name alone).
"""
from __future__ import annotations

import re
from pathlib import Path

from mapdata.curation.importers.cells import _admin1, _country, _join, _place, _status
from mapdata.curation.importers.collector import _Collector
from mapdata.curation.importers.labels import Spec
from mapdata.curation.importers.labels2 import Spec2
from mapdata.curation.importers.lists import _read_csv
from mapdata.curation.importers.places import _ADMIN_AREAS, _AMBIGUOUS, _SEATS_IN_REGION, _US_CAPITALS
from mapdata.geo.admin1 import admin1_codes

_QUOTE = re.compile(r'quote="(.*?)"(?=\s*(?:;|$))')
_UNAVAILABLE = re.compile(r"quote_unavailable(?: \([^)]*\))?")
_NO_QUOTE = "no quote: the page's text was not kept in round 2 (a fact read from the page, not a verified quote)"
_DERIVED = re.compile(r"derived_date=(\d{4}(?:-\d{2}){0,2})")
_DOUBT = re.compile(r"verify|LOW CONFIDENCE|low-trust|low-reliability|possibly|likely|\bcheck\b|membership inferred"
                    r"|wording loose", re.I)
# Derived dates kept: (file, name or '*' for every row of the date, date) -> the words of the quote that pin the
# day to the article's date. A row whose quote lacks the words keeps the date as a bound only.
_PINNED = {
    ("list2_belgium_communes_hospitalieres.csv", "Liège", "2017-11-27"): "Le 27 novembre",
    ("list2_buendnis_staedte_sicherer_haefen_joins.csv", "Dormagen", "2020-12-17"): "am heutigen Donnerstag",
    ("list2_buendnis_staedte_sicherer_haefen_joins.csv", "Bonn", "2019-09-26"): "am Donnerstag, 26. September",
    ("list2_buendnis_staedte_sicherer_haefen_joins.csv", "Saarbrücken", "2019-07-19"): "seit Freitag, 19. Juli",
    ("list2_safe_harbour_decisions_de.csv", "Tübingen", "2019-05-02"): "am Donnerstag",
    # not Landkreis Göttingen's 'am 2. Oktober': a session the article announces, after its own date, not a decision
    ("list2_safe_harbour_decisions_de.csv", "Rostock", "2018-09-05"): "am Mittwochabend",
    ("list2_safe_harbour_decisions_de.csv", "Rostock", "2019-07-03"): "am 3. Juli",
    # not Lingen's 'am Donnerstag': the file reckons it from another page's date, not the article's
    ("list2_spain_ciudades_refugio_2015_extra.csv", "El Prat de Llobregat", "2015-09-16"): "ahir dimecres",
    ("list2_spain_ciudades_refugio_2015_extra.csv", "Bocairent", "2015-09-11"): "aquest divendres",
    ("list2_canada_sanctuary_cities.csv", "Ottawa", "2017-04-26"): "today",
    ("list2_canada_sanctuary_cities.csv", "Edmonton", "2017-08-21"): "On Monday",
    ("list2_canada_sanctuary_cities.csv", "Toronto", "2014-06-10"): "Tuesday",
    ("list2_us_hostile_designations.csv", "*", "2017-11-15"): "Wednesday",
    ("list2_us_hostile_designations.csv", "*", "2017-03-20"): "released Monday",
    ("list2_us_local_sanctuary_policies.csv", "Denver", "2017-08-28"): "approved Monday night",
    ("list2_us_local_sanctuary_policies.csv", "Washington, D.C.", "2012-07-10"): "on Tuesday",
    ("list2_us_local_sanctuary_policies.csv", "Milwaukee County", "2012-05-24"): "On Thursday",
    ("list2_us_local_sanctuary_policies.csv", "Milwaukee County", "2012-06-04"): "On Monday",
    ("list2_us_local_sanctuary_policies.csv", "Washington County (Oregon)", "2014-04-14"): "changed its policy Monday",
    ("list2_us_local_sanctuary_policies.csv", "Multnomah County", "2014-04-16"): "Wednesday evening",
    ("list2_us_local_sanctuary_policies.csv", "Clackamas County", "2014-04-16"): "Wednesday evening",
    ("list2_us_local_sanctuary_policies.csv", "Hartford", "2008-08-11"): "passed Monday",
    ("list2_us_local_sanctuary_policies.csv", "Jersey City", "2017-02-03"): "on Friday",
    ("list2_us_local_sanctuary_policies.csv", "Prospect Park", "2017-02-03"): "on Friday",
    ("list2_us_local_sanctuary_policies.csv", "Ithaca", "2025-02-05"): "Wednesday night",
    ("list2_us_local_sanctuary_policies.csv", "Oakland", "2018-01-16"): "late Tuesday night",
    ("list2_us_local_sanctuary_policies.csv", "Boulder", "2017-01-03"): "Tuesday night",
    ("list2_us_state_laws.csv", "Vermont", "2017-03-28"): "signed into law Tuesday",
    ("list2_us_state_laws.csv", "North Carolina", "2015-10-28"): "on Wednesday",
    ("list2_us_state_laws.csv", "Mississippi", "2017-03-27"): "on Monday",
    ("list2_us_state_laws.csv", "Rhode Island", "2014-08-14"): "on Thursday",
}
# Dates a file gives that are not the fact's date: (file, name, date) -> the note that keeps the date instead.
_NOT_THE_DATE = {
    ("list2_canada_sanctuary_cities.csv", "New Westminster", "2019-01"):
        "the file gives 2019-01, its year inferred from the article, not printed: not the decision date",
    ("list2_icorn_cities.csv", "Aarhus", "2014-03"):
        "the file gives 2014-03, the month its second guest writer arrived, not the start of its membership",
    ("list2_us_welcoming_networks.csv", "Salt Lake County", "2022-06"):
        "the file gives 2022-06, the month of the redesignation, not the start of the certification (2018)",
    ("list2_us_welcoming_networks.csv", "Louisville", "2022"):
        "the file gives 2022, the year of the recertification, not the start of the certification (2018)",
    ("list2_us_welcoming_networks.csv", "Pittsburgh", "2014-12-01"):
        "as_of=2014-12-01 (the date of the launch release that quotes the mayor: a bound, not a decision date)",
}
_SAME = ("place", "country_code", "admin1", "fact", "network_id", "label", "policy_type", "role", "outcome", "date",
         "end", "source_id")
_LEGAL_HOSTS = re.compile(r"legistar\.com|legiscan\.com|iqm2\.com|mkcclegisearch|cookcountygov\.com|ratsinfo|"
                          r"/bi/(?:to|vo)0\d\d0|buergerinfo|mgDecisionDetails|ieDecisionDetails|ieIssueDetails|"
                          r"toronto\.ca/(?:council|tmmis)|mass\.gov/decision|larinconada\.es/.*/pleno", re.I)
_PRESS = re.compile(r"latimes|nytimes|cnn\.com|denverpost|dailycamera|wral\.com|tampabay|vtdigger|mississippitoday|"
                    r"masslive|irishcentral|wtop\.com|wpri\.com|kut\.org|oregonlive|dallasobserver|telesur|wgbh|"
                    r"msnewsnow|thestar\.com|metronews|thetyee|journaldemontreal|newwestrecord|prairiedogmag|"
                    r"theguardian|noz\.de|goettinger-tageblatt|nwzonline|ndr\.de|ostsee-zeitung|tagblatt|"
                    r"rheinpfalz|sueddeutsche|wp\.de|waz\.de|wn\.de|rp-online|wz\.de|epd\.de|bayreuther-tagblatt|"
                    r"n-land\.de|jena-tv|journal-frankfurt|levante-emv|vilaweb|ilgiornale|secoloditalia|tg24\.sky|"
                    r"ilpopulista|baraondanews|trojmiasto|dziennikwschodni|radiokaszebe|acorianooriental|sapo\.pt|"
                    r"nu\.nl|ad\.nl|waldnet|lameuse|metrotime|smalandsdagblad|sn\.se|eposten|dagsavisen|kv\.no|"
                    r"noen\.at|londonnewsonline|communityimpact|marshfieldnewsherald|washingtontimes|wlrn|"
                    r"miamiherald|colorlines|localdvm|thesomervilletimes|pantagraph|nystateofpolitics|"
                    r"riverviewobserver|topix|kjrh|littlevillagemag|ruidosonews|csmonitor|washingtonpost|"
                    r"scpr\.org|law\.com|radio\.foxnews|dfw\.cbslocal|sanfrancisco\.cbslocal|1losangeles|"
                    r"fox9\.com|wabe\.org|breitbart|gopusa|menrec|yournewswire|pressreader|bernau-live|saarnews|"
                    r"das-marburger|kreiszeitung-wochenblatt|hiergeblieben|ckom\.com|paherald", re.I)


def import_round2(path: Path, out: _Collector, table: dict, held: dict | None = None) -> list[tuple[Spec, dict]]:
    """Map every row of a round 2 list through `table`; return the (spec, fact) pairs it added."""
    added = []
    for row in _read_csv(path).to_dict("records"):
        for spec in table[row["network_or_label"]]:
            fact = _fact(path.name, row, spec, out, held or {})
            if fact is not None:
                added.append((spec, fact))
    return added


def _fact(file: str, row: dict, spec: Spec, out: _Collector, held: dict) -> dict | None:
    """One fact of one row (None when it repeats a fact already collected)."""
    place, country, admin1, kind, place_note = _where(row, out)
    quote, note = _quote(row["note"])
    date, date_note = _date(file, row, quote)
    status, why = _status(note, _AMBIGUOUS.get((country, place), ""), _DOUBT, "the row's note flags doubt")
    url = row["source_url"].strip()
    source = out.refer(url, held[url]) if url in held else out.cite(url, row["source_title"], _kind(url))
    fact = dict(place=place, country_code=country, admin1=admin1, kind=kind, fact=spec.fact,
                network_id=spec.network_id, label=spec.label, policy_type=spec.policy_type, role=spec.role,
                title=spec.title, description=row["network_or_label"], date=date, end="", end_reason="",
                body=spec.body, outcome=spec.outcome, status=status, source_id=source, quote=quote,
                note=_join(note, date_note, place_note, why))
    if isinstance(spec, Spec2) and spec.ends == "exit":
        fact["date"], fact["end"], fact["end_reason"] = "", fact["date"], spec.end_reason
        fact["note"] = _join(fact["note"], "the row is the end of the membership" +
                             ("" if fact["end"] else "; its date is not given") + "; the start is not given")
    if _repeat(out, fact, file):
        return None
    out.add(row_title=row["source_title"], **fact)
    return out.facts[-1]


def _where(row: dict, out: _Collector) -> tuple[str, str, str, str, str]:
    """(place, country, admin1, kind, note): renames, a US state as a state, seats of homonymous counties."""
    country = _country(row["country_iso2"])
    area = _ADMIN_AREAS.get((country, row["admin_area"]), row["admin_area"])
    notes = [f"admin_area as given: '{row['admin_area']}'" if area != row["admin_area"] else ""]
    if area and not admin1_codes(country, _admin1(country, area)):
        notes.append(f"region as given: {area} (not an admin1 name the build knows, kept here)")
        area = ""
    place, admin1, kind, rename_note = _place(country, row["name"], _admin1(country, area))
    if country == "US" and place == admin1 and place in _US_CAPITALS:
        kind = "state"
    if (country, admin1, place) in _SEATS_IN_REGION:
        kind, seat = _SEATS_IN_REGION[(country, admin1, place)]
        out.place(place=place, country_code=country, admin1=admin1, kind=kind, seat=seat)
    return place, country, admin1, kind, _join(rename_note, *notes)


def _quote(note: str) -> tuple[str, str]:
    """(quote, the rest of the note): a `quote_unavailable` row has no quote and says so."""
    match = _QUOTE.search(note)
    rest = note[:match.start()] + note[match.end():] if match else note
    rest = _UNAVAILABLE.sub(_NO_QUOTE, rest) if "quote_unavailable" in rest else rest
    rest = "; ".join(p.strip() for p in rest.split(";") if p.strip())
    return (match.group(1) if match else ""), rest


def _date(file: str, row: dict, quote: str) -> tuple[str, str]:
    """(date, note): derived dates kept only where the quote pins the day; dates not the fact's moved to the note."""
    date, note = row["date"], row["note"]
    if (instead := _NOT_THE_DATE.get((file, row["name"], date))) is not None:
        return "", instead
    derived = _DERIVED.search(note)
    if derived:
        date = derived.group(1)
    elif "DATE DERIVED" not in note or not date:
        return date, ""
    words = _PINNED.get((file, row["name"], date)) or _PINNED.get((file, "*", date))
    if words and words in quote:
        return date, f"date derived from the article's date ({words})"
    bound = "" if re.search(rf"as_of={date}(?![\d-])", note) else f"as_of={date} "
    return "", f"{bound}(the file's derived date {date}: the quote does not pin the day, so a bound, not the date)"


def _repeat(out: _Collector, fact: dict, file: str) -> bool:
    """True when the collector holds the same fact from the same source (its missing quote is filled in)."""
    key = tuple(fact[c] for c in _SAME)
    for old in out.facts:
        if tuple(old[c] for c in _SAME) == key:
            if fact["quote"] and not old["quote"]:
                old["quote"], old["note"] = fact["quote"], _join(old["note"], f"quote from {file}")
            return True
    return False


def _kind(url: str) -> str:
    """A source's kind from its address: a council or legislative record, press, or a web page."""
    if _LEGAL_HOSTS.search(url):
        return "legal_text"
    return "press" if _PRESS.search(url) else "web_page"
