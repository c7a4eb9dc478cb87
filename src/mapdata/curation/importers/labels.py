"""What each list's values mean in the data model: one `Spec` per value, mapped on purpose."""
from __future__ import annotations

from dataclasses import dataclass


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
    """A membership of `network_id`."""
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
    ("Sicherer Hafen – declared + joins Bündnis Städte Sicherer Häfen + signs Potsdamer Erklärung "
     "(Stadtrat, 'ungeändert beschlossen')"):
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
        (policy("sea_rescue_support", "'Sicherer Hafen mit Leben erfüllen' (sea-rescue sponsorship etc.)",
                "rejected"),),
    "follow-up decision on implementing 'Sicherer Hafen' (direct admission, Ocean Viking sponsorship to be examined)":
        (policy("reception_relocation", "Direct admission of refugees rescued at sea"),
         policy("sea_rescue_support", "Sponsorship of rescue ship Ocean Viking (to be examined)", "proposed")),
    ("diluted compromise: solidarity with aims of Bündnis Städte Sicherer Häfen, no extra admission – "
     "not a Safe Harbour"):
        (declared("Other"),),
    "council decision 'beschlossen' (content truncated on stored page)": (declared("Other"),),
    "council decision 'teilweise beschlossen' (partially adopted)": (declared("Other"),),
    "urgent motion not dealt with ('nicht behandelt')": (declared("Other", "proposed"),),
}
_CH_LABELS = {
    "Aufnahmebereitschaft (willingness to admit refugees from Greek camps) – declared": (declared(WTA, body=""),),
    "Aufnahmebereitschaft – Stadtrat letter to 'evakuieren jetzt'": (declared(WTA, body="executive"),),
    ("eight largest Swiss cities declare readiness (founding of Allianz «Städte und Gemeinden für die Aufnahme von "
     "Flüchtlingen»)"):
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
    "Italian national network of Intercultural Cities – founding meeting participant":
        (member(ICC_ITALY, "associate"),),
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
    ("list_solidarity_cities_eurocities.csv", "Athens", "2016-10-17"):
        "launch date of the initiative at the EUROCITIES Social Affairs Forum, not the date Athens joined or "
        "founded it",
    ("list_city_of_sanctuary_uk.csv", "Sheffield", "2007"):
        "year worked out from 'In 2017, the Council passed another support motion to mark 10 years' (2017 minus 10), "
        "not a date the page gives",
    **{("list_safe_harbour_decisions_de.csv", name, date): _ARTICLE for name, date in [
        ("Münster", "2020-05"), ("Krefeld", "2018-08"), ("Kreis Steinburg", "2020-07"),
        ("Saalfeld/Saale", "2020-10"), ("Greifswald", "2021-03"), ("Weimar", "2019-12"),
        ("Herzogenaurach", "2020-10"), ("Flensburg", "2019-02"), ("Kiel", "2019-02"), ("Lübeck", "2019-02"),
        ("Sylt", "2019-02"), ("Region Hannover", "2019-02"), ("Marburg", "2019-06-04"),
        ("Kevelaer", "2020-11-14"), ("Grafing bei München", "2019-07"), ("Münster", "2019-05-23"),
    ]},
}
