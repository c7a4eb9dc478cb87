"""Round 2, Europe: each `network_or_label` value of the `list2_*.csv` files, mapped on purpose.

"(rejected)", "(not adopted)" and "declined" keep outcome `rejected`, "(proposed)" and motions not (yet) decided
`proposed`; a mayor's stance is `body` mayor; a name on a third party's page with no decision of its own is a
`listed` membership or a declaration with an empty `body`.
"""
from __future__ import annotations

from mapdata.curation.importers.labels import LISTED, SSH
from mapdata.curation.importers.labels2 import (
    COMMUNES,
    COR,
    COS,
    ICC,
    ICORN,
    SH,
    WTA,
    declared,
    exited,
    member,
    policy,
    titled,
)

SAFE_HARBOUR_DE = {
    "Willing to Admit – council decision to admit refugees beyond the quota (unanimous)": (declared(WTA),),
    "Safe Harbour – council decides to join 'Seebrücke – Schafft sichere Häfen' (vote 28:20)": (declared(SH),),
    "Willing to Admit – council offers 15 additional places (kommunale Initiative 'Sichere Häfen')": (declared(WTA),),
    "Willing to Admit – resolution: ready to take a share of unaccompanied minors from Greece (einstimmig, 33:0:4)":
        (declared(WTA),),
    "Safe Harbour – declared (supports SEEBRÜCKE, 'erklärt sich zum sicheren Hafen'; mehrheitlich 10:8)":
        (declared(SH, body=""),),  # body not in the excerpt (a committee?): the row asks to verify it
    "Safe Harbour – council decision supporting SEEBRÜCKE (cited as model in Haan protocol)": (declared(SH),),
    "Safe Harbour – declared + joins Bündnis Städte Sicherer Häfen (frnrw: 'teilweise beschlossen')":
        (declared(SH), member(SSH)),
    "Safe Harbour (rejected) – motion to join Bündnis Städte Sicherer Häfen (20:10)": (declared(SH, "rejected"),),
    ("Safe Harbour / Willing to Admit – council: up to 10 additional refugees (vote 15:11) on motion to declare "
     "Hünxe a Sicherer Hafen"): (declared(WTA),),  # what was decided: admission; the motion's label is not shown
    "Safe Harbour – joins kommunales Bündnis 'Sichere Häfen' (unanimous; frnrw: 'teilweise beschlossen')":
        (member(SSH),),
    "sea-rescue appeal – council appeal + support for open letter (content truncated)":
        (policy("sea_rescue_support", "Council appeal on sea rescue and support for an open letter"),),
    "Other – council decision 'beschlossen' (content truncated on stored page)": (declared("Other"),),
    "Safe Harbour – declared (Ratsbeschluss)": (declared(SH),),
    "Safe Harbour – declared": (declared(SH),),
    "Willing to Admit – mayors' joint letter to Chancellor Merkel offering to take in sea-rescued refugees":
        (declared(WTA, body="mayor"),),
    "Safe Harbour – declared (solidarity with Seebrücke)": (declared(SH),),
    "Safe Harbour – declared (resolution of solidarity)": (declared(SH),),
    "Safe Harbour – Landkreis (Seebrücke news item)": (LISTED,),
    "Safe Harbour (rejected) – Linke motion rejected in roll-call vote (Stadtverordnetenversammlung)":
        (declared(SH, "rejected"),),
    "Safe Harbour – symbolic declaration by governing coalition": (declared(SH, body="other"),),
    "Safe Harbour – named as already declared": (declared(SH, body=""),),
    "Safe Harbour – declared (Stadtrat)": (declared(SH),),
    "Safe Harbour (proposed) – Linke motion for Gemeinderat session": (declared(SH, "proposed"),),
    "Willing to Admit – council decides admission of several unaccompanied children": (declared(WTA),),
    ("Safe Harbour – council amendment (Ampel coalition) 'versteht … Hannover als sicheren Hafen' (adoption not "
     "confirmed in excerpt)"): (declared(SH, "proposed"),),
    "sea-rescue resolution (Rat)": (policy("sea_rescue_support", "Council resolution on sea rescue"),),
    "Willing to Admit – OB and Bürgermeisterinnen letter to the Chancellor ('Erlangen will ein sicherer Hafen sein')":
        (declared(WTA, body="mayor"),),
    "Safe Harbour – declared (Gemeinderat, no votes against)": (declared(SH),),
    "Willing to Admit – 30 additional places": (declared(WTA, body=""),),
    "Safe Harbour – declared (Mehrheitsbeschluss im Rat)": (declared(SH),),
    "Safe Harbour (proposed) – Kreistag vote scheduled": (declared(SH, "proposed"),),
    "sea-rescue solidarity (Ratsbeschluss)":
        (policy("sea_rescue_support", "Council resolution of solidarity with sea rescue"),),
    "Willing to Admit – Gemeinderat: Stuttgart joins initiative of Köln, Düsseldorf, Bonn": (declared(WTA),),
    "Safe Harbour – resolution (Gemeinderat, unanimous)": (declared(SH),),
    "Safe Harbour – declared (Stadtratsbeschluss)": (declared(SH),),
    "Safe Harbour – solidarity with Seebrücke ('zum Bündnis Seebrücke bekannt')": (declared(SH),),
    "Safe Harbour (proposed) – Green motion to join Seebrücke for Stadtrat session": (declared(SH, "proposed"),),
    "Safe Harbour (rejected) – first motion found no majority": (declared(SH, "rejected"),),
    "Safe Harbour – declared (second attempt; unanimous with 1 abstention)": (declared(SH),),
    "Safe Harbour – joins 'Seebrücke schafft sichere Häfen' + supports Potsdamer Erklärung (mehrheitlich)":
        (declared(SH),),  # the Potsdamer Erklärung: list2_buendnis_staedte_sicherer_haefen_joins.csv
    "Safe Harbour (rejected) – motion rejected 10:29": (declared(SH, "rejected"),),
    "Safe Harbour (rejected)": (declared(SH, "rejected"),),
    ("Safe Harbour (proposed) – Bürgerantrag 'Macht Bayreuth zum sicheren Hafen' submitted; Stadtrat agrees to "
     "deal with it"): (declared(SH, "proposed"),),
    "Willing to Admit – Bürgerschaft offers admission of sea-rescued refugees (joins Düsseldorf/Köln/Bonn initiative)":
        (declared(WTA),),  # Rostock's Bürgerschaft is its city council
    "Willing to Admit – new Bürgerschaft reaffirms offer in constituent session (up to 20 additional)":
        (declared(WTA),),
    "Safe Harbour – Bürgerschaft adopts interfraktioneller Antrag 'Sichere Häfen schaffen'": (declared(SH),),
    "Safe Harbour – declared (Ratsversammlung, 21:18:1)": (declared(SH),),
    "Willing to Admit – council readiness to take sea-rescued refugees beyond quota": (declared(WTA),),
    "Safe Harbour (proposed) – Linke/BergAUF motion to declare SH + join Bündnis": (declared(SH, "proposed"),),
    "Safe Harbour – Kreis declares solidarity with 'Seebrücke – schafft sichere Häfen'": (declared(SH),),
    "Safe Harbour (proposed) – Linke motion to join 'Seebrücke – schafft Sichere Häfen'": (declared(SH, "proposed"),),
    "Safe Harbour (not adopted) – council (June 2020) passes only a compromise appeal, no 'Sicherer Hafen'":
        (declared(SH, "rejected"),),
    "Safe Harbour (proposed) – Sozialausschuss recommends declaring SH (clear majority)": (declared(SH, "proposed"),),
    "Safe Harbour – named as already declared ('zu Sicheren Häfen bekannt')": (declared(SH, body=""),),
}
BUENDNIS_JOINS = {
    # the Potsdamer Erklärung's first signatories (published 2019-06-03), not the founding of 2019-06-14
    "Potsdamer Erklärung der 'Städte Sicherer Häfen' – first signatory (Erstunterzeichner)": (member(SSH, "founder"),),
    "Bündnis Städte Sicherer Häfen – join (council)": (member(SSH),),
    "Bündnis 'Sichere Häfen' – join (council, unanimous)": (member(SSH),),
    "Bündnis Städte Sicherer Häfen – joined (signing Potsdamer Erklärung)": (member(SSH),),
    "Bündnis Städte Sicherer Häfen – joined": (member(SSH),),
    "Bündnis Städte Sicherer Häfen – join (proposed; Stadtrat to decide)": (declared(SH, "proposed"),),
    "Bündnis Städte Sicherer Häfen – council commits to Bündnis; later official (32nd) member": (member(SSH),),
    "International Alliance of Safe Harbours (IASH) – council decision": (member("iash"),),
    "Bündnis Städte Sicherer Häfen – join (proposed by administration)": (declared(SH, "proposed", body="executive"),),
    "Bündnis Städte Sicherer Häfen – Potsdamer Erklärung signed by OB Nopper": (member(SSH, "signatory"),),
    "Potsdamer Erklärung – OB reports solidarity/accession": (member(SSH, "signatory"),),
    "Bündnis Städte Sicherer Häfen – join (Stadtrat 19:18)": (member(SSH),),
    ("Bündnis Städte Sicherer Häfen – join decision ruled unlawful by Thüringer Landesverwaltungsamt (rescission on "
     "agenda)"): (titled("Other", "Council decision to join the Bündnis Städte Sicherer Häfen ruled unlawful",
                         "revoked", body="other"),),
    "Bündnis Städte Sicherer Häfen – join (Stadtrat)": (member(SSH),),
    "Bündnis/Sicherer Hafen – join rejected (Kreis- und Strategieausschuss)": (declared(SH, "rejected"),),
    "Bündnis Städte Sicherer Häfen – join (proposed; SPD Kreistag motion KT 2020/341)": (declared(SH, "proposed"),),
    "Bündnis Städte Sicherer Häfen – supporter/member (named)": (member(SSH),),
    "Bündnis Städte Sicherer Häfen – join (Stadtverordnetenversammlung, majority; Linke motion)": (member(SSH),),
    "Bündnis Städte Sicherer Häfen – member (named)": (member(SSH),),
    "Bündnis Städte Sicherer Häfen – join (Rat; joins Potsdamer Erklärung)": (member(SSH),),
    "Bündnis Städte Sicherer Häfen – join (Stadtrat, majority)": (member(SSH),),
    "Bündnis Städte Sicherer Häfen – member ('ist nun Mitglied')": (member(SSH),),
    "Bündnis Städte Sicherer Häfen – member since": (member(SSH),),
    "Potsdamer Erklärung – supported (council, mehrheitlich)": (member(SSH, "signatory"),),
    "Bündnis Städte Sicherer Häfen – represented at BMI expert exchange with the Bündnis": (member(SSH),),
    "Bündnis Städte Sicherer Häfen – join rejected": (declared(SH, "rejected"),),
}
BELGIUM = {
    "Commune hospitalière – motion adopted (conseil communal, unanimous; 9th in Belgium)":
        (member(COMMUNES, "signatory"),),
    "Commune hospitalière – motion adopted (the week before Liège)": (member(COMMUNES, "signatory"),),
    "Commune hospitalière – among the first nine communes (named)": (member(COMMUNES, "listed"),),
    "Commune hospitalière – motion adopted (among the first two communes, before Huy)":
        (member(COMMUNES, "signatory"),),
    "Commune hospitalière (proposed) – could become the third commune":
        (titled("Other", "Commune hospitalière motion", "proposed"),),
    "Commune hospitalière – conseil communal adheres to the motion": (member(COMMUNES, "signatory"),),
    "Commune hospitalière (proposed) – motion on council agenda (outcome not shown)":
        (titled("Other", "Commune hospitalière motion", "proposed"),),
}
_DECRETO = "opposes the 'decreto sicurezza' (Salvini decree)"
ITALY = {
    # mayors' stances of January 2019, not council decisions: public advocacy towards the national government
    "opposition to 'decreto sicurezza' (Salvini) – mayor named on 'sindaci ribelli' map":
        (policy("advocacy", f"Mayor {_DECRETO}"),),
    "opposition to 'decreto sicurezza' – region named on 'sindaci ribelli' map":
        (policy("advocacy", f"Region {_DECRETO}"),),
    "opposition to 'decreto sicurezza' – mayor Orlando suspends application of the decree":
        (policy("municipal_administration", "Mayor suspends the application of the 'decreto sicurezza'"),),
    "opposition to 'decreto sicurezza' – mayor named among 'sindaci ribelli'":
        (policy("advocacy", f"Mayor {_DECRETO}"),),
    "opposition to 'decreto sicurezza' – mayor in 'fronte dei sindaci anti-Salvini'":
        (policy("advocacy", f"Mayor {_DECRETO}"),),
    "porti aperti – mayor de Magistris declares the port of Naples open to rescue ships":
        (titled("Open Port", "The port of Naples is open to rescue ships", body="mayor"),),
}
SPAIN = {
    "Red de Ciudades Refugio – pleno approves asylum plan; will join the network (unanimous)":
        (policy("reception_relocation", "Municipal asylum plan for refugees"), member("ciudades-refugio")),
    ("refugee-reception support motion (Ple; all groups except PP abstaining) – supports FCCD/FMC/ACM proposal"):
        (declared(WTA),),
    "Xarxa de ciutats-refugi (proposed) – Compromís motion to join": (declared(COR, "proposed"),),
    "refugee-aid motion (IU) – pleno, unanimous":
        (titled("Other", "Moción para la aplicación de políticas reales de ayudas a refugiados"),),
    "Ciudad Refugio – pleno declares Yecla (unanimous)": (declared(COR),),
    "Red de 'Ciudades Refugio' – adhesion (pleno, unanimous)": (member("ciudades-refugio"),),
}
NETHERLANDS = {
    "Moria/Greek camps – council motion to take in children adopted": (declared(WTA),),
    "Moria/Greek camps – motion on reception of unaccompanied children (outcome not shown)":
        (declared(WTA, "proposed"),),
    "Coalition of the Willing (municipal) – joins": (member("dutch-coalition-of-the-willing"),),
    "Moria/Greek camps – municipality willing to take unaccompanied minors": (declared(WTA, body=""),),
    "Moria/Greek camps (proposed) – college to seek support for reception": (declared(WTA, "proposed", "executive"),),
    "Kinderpardon – council motion for less strict Kinderpardon (unanimous)":
        (policy("residence_status", "Council motion for a less strict Kinderpardon (children's amnesty)"),),
    "Kinderpardon – council motion adopted unanimously":
        (policy("residence_status", "Council motion on the Kinderpardon (children's amnesty)"),),
    "Kinderpardon – municipality supported broader Kinderpardon (named)":
        (policy("residence_status", "Support for a broader Kinderpardon (children's amnesty)"),),
    "Welcoming – council motion 'asielzoekers zijn welkom in onze stad' adopted":
        (titled("Other", "Motion 'asielzoekers zijn welkom in onze stad'"),),
    "refugee reception – near-unanimous council motion supporting proactive reception": (declared(WTA),),
    ("asylum-reception solidarity motion (calls on all councils to take responsibility; Ter Apel) – adopted "
     "council-wide"): (policy("advocacy", "Motion calling on all councils to share asylum reception (Ter Apel)"),),
}
INTERCULTURAL_CITIES = {
    "Intercultural Cities – joined second phase (one of ten new cities)": (member(ICC),),
    "Intercultural Cities – joined (end of 2018)": (member(ICC),),
    "Intercultural Cities – joined as 144th member": (member(ICC),),
    "Intercultural Cities – joined as 145th member": (member(ICC),),
    "Intercultural Cities (UK network) – new member (named)": (member(ICC),),  # UK members of the CoE network
}
_FRIBY = "ICORN city of refuge (friby/fristad)"
ICORN_CITIES = {
    "ICORN – membership agreement signed (becomes friby)": (member(ICORN),),
    "ICORN – kommunestyret decides unanimously to become friby; agreement signed 16 November": (member(ICORN),),
    # a friby before ICORN existed (2006): a declaration, not an ICORN membership
    "friby – Norway's first city of refuge (pre-ICORN); ICORN seat since 2006":
        (titled(COR, "Norway's first friby (city of refuge for writers)", body=""),),
    "ICORN (proposed) – kommunedirektør proposes 2023 as preparation year":
        (titled(COR, _FRIBY, "proposed", body="executive"),),
    "ICORN friby (member city, Norway; named)": (member(ICORN),),
    "ICORN – became fristad": (member(ICORN),),
    "ICORN (proposed) – Vänsterpartiet motion to join (debated before in autumn 2013)":
        (titled(COR, _FRIBY, "proposed"),),
    "ICORN – kommunfullmäktige decides to work towards membership": (titled(COR, _FRIBY, "proposed"),),
    "ICORN (rejected) – kommunfullmäktige rejects motion to join": (titled(COR, _FRIBY, "rejected"),),
    "ICORN – membership ended (kommunledning decides not to continue)": (exited(ICORN),),
    "ICORN – county council joined; county became fristad 'last year'": (member(ICORN),),
    "ICORN – recent new fristad (named)": (member(ICORN),),
    "ICORN – left the friby scheme": (exited(ICORN),),
    "ICORN – rejoins friby scheme via budget agreement (funds 2016–2018)": (member(ICORN),),
    "ICORN – left the friby scheme (cost reasons)": (exited(ICORN),),
    "ICORN – friby scheme paused": (exited(ICORN, "other"),),
    "ICORN – friby; welcomed second guest writer": (member(ICORN),),
    "ICORN – Magistrat decides to become 'Stadt der Zuflucht' and apply to ICORN":
        (titled(COR, _FRIBY, "proposed", body="executive"),),
    "ICORN member city (Germany: 3 members)": (member(ICORN),),
}
_COS = member("city-of-sanctuary-uk")
CITY_OF_SANCTUARY_UK = {
    "City of Sanctuary – committee resolves re-accreditation application + joining the Local Authority Network":
        (declared(COS),),
    ("City of Sanctuary (proposed) – Notice of Motion on joining referred by Full Council (committee considered "
     "2024-09-09)"): (declared(COS, "proposed"),),
    "Council of Sanctuary – full council motion passed": (declared(COS),),
    "Council of Sanctuary – Cabinet agrees to work towards application ('Recommendations approved')":
        (declared(COS, body="executive"),),
    "Borough of Sanctuary strategy – Mayor and Cabinet decision (notes select committee comments)":
        (policy("integration_strategy", "Borough of Sanctuary strategy"),),
    "Council of Sanctuary – first recognised in London (named)": (_COS,),
    "Borough of Sanctuary – council 'Sanctuary' motion (work towards becoming a Royal Borough of Sanctuary)":
        (declared(COS),),
    "Borough of Sanctuary – council motion carried unanimously": (declared(COS),),
    "Borough of Sanctuary (proposed) – motion due 'next week'": (declared(COS, "proposed"),),
    "Council of Sanctuary (proposed) – council to decide on pledge": (declared(COS, "proposed"),),
    "District of Sanctuary (proposed) – policy committee agrees; full council to decide": (declared(COS, "proposed"),),
    "refugee-welcome motion – London Assembly 'Welcoming Refugees to London'": (declared(WTA, body="assembly"),),
    "City of Sanctuary – bid launched": (declared(COS, "proposed", body=""),),
}
_MAYORS_PL = "Declaration of Polish big-city mayors on cooperation on migration (Gdańsk, 2017)"
_CPR = "Declares availability to receive refugees (2015)"
MISC_EUROPE = {
    "ANVITA – adhesion contested by prefecture; administrative court upholds it": (member("anvita"),),
    "refugee welcome – city council votes unanimously to welcome refugees (first Polish city)": (declared(WTA),),
    "refugee support – council resolution enabling housing support for refugees":
        (policy("housing", "Council resolution enabling housing support for refugees"),),
    "Gdańsk Model of Immigrant Integration – council resolution adopted":
        (policy("integration_strategy", "Gdańsk Model of Immigrant Integration"),),
    "refugee welcome – municipality declares readiness to help refugees": (declared(WTA, body=""),),
    "refugee welcome – preliminary declaration of readiness to receive refugees (to voivode)":
        (declared(WTA, body=""),),
    "declaration of Polish big-city mayors on cooperation on migration – signatory":
        (titled("Other", _MAYORS_PL, body="mayor"),),
    "refugee welcome – municipality declares availability to receive refugees (2015 crisis)":
        (titled(WTA, _CPR, body=""),),
    "refugee welcome – approves proposal to receive ten refugee families": (declared(WTA, body=""),),
    ("refugee welcome – one of 15 municipalities declaring solidarity/availability to the Conselho Português para os "
     "Refugiados"): (titled(WTA, _CPR, body=""),),
    ("refugee solidarity – Assembleia Municipal unanimous 'voto de solidariedade' (free access to pools/culture for "
     "refugees)"): (policy("social_services", "Free entry to municipal pools and cultural spaces for refugees"),),
    ("Solidarity Cities – mayor's proposal for a Network of Solidarity Cities adopted unanimously by 28 EU capital "
     "mayors (Amsterdam)"):
        (policy("international_cooperation", "Proposal for a Network of Solidarity Cities (adopted by 28 EU "
                                             "capitals' mayors)"),),
    "Solidarity Cities – mayor announces readiness to receive 100 refugees from Athens": (declared(WTA, body="mayor"),),
    "refugee solidarity – municipal council resolution on refugees":
        (titled("Other", "Council resolution on refugees"),),
    ("Moria/Greek camps (rejected) – NEOS urgent motion to declare readiness not granted urgency; new urgent motion "
     "filed"): (declared(WTA, "rejected"),),
    ("Moria/Greek camps (proposed) – FUFU resolution of readiness to take refugees planned for council session of "
     "28 Sept"): (declared(WTA, "proposed"),),
}
