"""`known_by`, the bound on every fact: the earliest date a source held here states it (an `as_of=` in the note,
else the source's date). Every verified fact has a date or a bound, except the ones listed here with the reason;
and no source states a fact before the fact's own date, except the rows listed here."""
from __future__ import annotations

from mapdata.dates import first_day, last_day

# Verified facts with no date (start, date or end) and no known_by, per source: (how many, why no held file dates the
# source). A new undated verified fact, or one of these dated, changes a count: update the list, with the reason.
UNDATED = {
    "github-pgourdongeo-etmun-members": (286, "the ETMUN extract gives no join year (Year_of_Joining NA on every "
                                              "row) and no date of its own; its README's 'UIA Yearbook 2015' dates "
                                              "what it was compiled from, not the file"),
    "iash-eu-who-we-are": (36, "the stored IASH member list shows no date, nor does the lists README"),
    "ak-asyl-vaihingen-sicherer-hafen": (23, "'page undated' (the list's note)"),
    "filiz-polat-niedersachsen-nrw-bieten": (14, "press release Nr. 198 is not dated on the stored page; the README's "
                                                 "'c. July 2019' is an estimate from its content"),
    "norskpen-norske-fribyer": (11, "'page undated' ('c. 2015–2018' is an estimate)"),
    "bosch-stiftung-mayors-migration-council": (9, "project page; the stored copy shows no date"),
    "solidaritycities-solidarity-cities-homepage-2": (8, "homepage (older stored copy); no date"),
    "icorn-faq-city-refuge": (7, "FAQ page; no date"),
    "cityofsanctuary-how-local-authorities": (7, "'So far this year' – the stored post shows no year"),
    "solidaritycities-solidarity-cities-homepage": (6, "homepage; no date"),
    "radiokw-xanten-will-sicherem": (5, "'article undated in excerpt'"),
    "tnimmigrant-welcoming": (4, "'undated'"),
    "lyac-sanctuary-cities": (4, "blog page; 'c. 2017' is an estimate"),
    "danskpen-kbenhavn-bliver-igen": (4, "the article's date is not in the stored excerpt"),
    "gruene-willkommensstaedte-solidarische-kantone": (3, "campaign page; no date"),
    "interculturalcities-org-intercultural-cities-uk": (3, "homepage; 'undated'"),
    "bloiscapitale-l-anvita-attractive": (3, "'undated in excerpt' ('likely 2024' is a guess)"),
    "minneapolis-city-joins-welcoming": (2, "'release undated in excerpt' ('c. 2017' is inferred)"),
    "certifiedwelcoming-blog": (2, "blog archive page; no date"),
    "baraondanews-fronte-dei-sindaci": (2, "'undated in excerpt' (context January 2019)"),
    "genevacitieshub-mayors-migration-council": (2, "project page (later stored version); no date"),
    "bernau-live-tritt-buendnis-staedte": (1, "'article date not in excerpt' ('c. 2021' is an estimate)"),
    "eposten-nej-till-stoed": (1, "'date not in excerpt'"),
    "chalandri": (1, "'undated in excerpt' ('c. 2015' is an estimate)"),
    "asker-kommune-har-blitt-friby": (1, "'year not printed'"),
    "londonnewsonline-co-greenwich-joins-lewisham": (1, "'article undated in excerpt'"),
    "la-cityofsanctuary-motions-support": (1, "list page; no date"),
    "kv-sa-mye-vil": (1, "'article date not in excerpt' ('c. late 2022' is an estimate)"),
    "kreiszeitung-wochenblatt-politik": (1, "'date not in excerpt'"),
    "krakowcityofliterature-city-refuge": (1, "page; no date"),
    "piratenpartei-bw-ulm-schliesst-sich": (1, "'heute' – 'date not shown in stored excerpt'"),
    "newwestrecord-new-westminster-takes": (1, "the year of its 'In January' is inferred, not printed"),
    "n-land-altdorf-wird-kein": (1, "'date not in excerpt'"),
    "muensterlandzeitung-dorsten-wird-kein": (1, "'date not in stored excerpt'"),
    "section-ldh-toulon-l-association-anvita": (1, "'date not in stored excerpt'"),
    "puntogrecia-citta-solidali": (1, "no date of its own; the date it gives is the initiative's launch, not "
                                      "Athens' joining"),
    "ratsinfo-friedberg-hessen-top-beschluss": (1, "'date not in excerpt'"),
    "salzburg-orf-hallwang-resolution": (1, "'date not shown in stored excerpt'"),
    "solidaritycities-mayor-lucerne-beat": (1, "testimonial page; no date"),
    "sn-nykoeping-kan-bli": (1, "'date not in excerpt'"),
    "seebruecke-lausanne": (1, "page; no date"),
    "sueddeutsche-ebersberg-keine-erneute": (1, "'year not printed in excerpt' (the article id is no date)"),
    "tennesseestar-articles-tagged-dayton": (1, "tag page; 'date not given in stored excerpt'"),
    "vitryenmieux-vitry-ville-accueillante": (1, "'year not stated'"),
    "waz-staedtebuendnis-beraet-ueber": (1, "'page undated in excerpt'"),
    "welcomingamerica-welcoming-cities-counties": (1, "'post date not shown in stored excerpt'"),
    # sources_search.csv (pages the search tool returned; sources/pages/<source_id>.txt)
    "cordopolis-pleno-aprueba-acoger-refugiados": (1, "'este martes' in an article the stored page does not date"),
    "granadadigital-mocion-ciudadana-ciudad-refugio": (1, "'el pasado día 14', no year and no article date"),
    "nortexpres-oposicion-vitoria-acogida-refugiados": (1, "EFE wire copy; 'hoy'/'ayer', no date on the page"),
    "nsd-fristaden-lulea": (1, "opinion piece; no date on the stored page"),
    "valencianews-pleno-declara-valencia-ciudad-refugio": (1, "archive article; no date on the stored page"),
    "probstei-ris-laboe-sicherer-hafen": (1, "decision text only; the session date is not in the stored excerpt"),
    "litteraturcentrum-more-swedish-cities-joining-icorn": (1, "news post; no date on the stored page"),
    "informacionsanfernando-gilena-red-ciudades-refugio": (2, "news item; no date on the stored page"),
    "nervionaldia-sevilla-crisis-refugiados": (1, "'firmaron ayer' in an article the stored page does not date"),
    "turunvihreat-valtuustoaloite-icorn": (1, "party page printing a council motion; no date"),
    "wendela-fristadsforfattare-sodertalje": (2, "opinion piece; no date of its own (the court dates it gives "
                                                  "are not the decisions' dates)"),
    "umea-tjansteskrivelse-fristadsprogram-forfattare": (1, "Landskrona, named in a motion the report quotes; "
                                                         "the report has versions of 2011-11-18 to 2012-03-02"),
}

# Facts whose source is dated before the fact's own date: (city_id, what, date, source_id) -> why.
STATED_BEFORE = {
    ("us-new-haven", "non_cooperation_with_enforcement", "2006-12-21", "cityofnewhaven-new-police-general"):
        "announced ahead: the release of 2006-12-14 says the General Order takes effect 'one week later, Dec. 21st'",
    ("us-texas", "non_cooperation_with_enforcement", "2017-09-01", "radio-foxnews-governor-greg-abbott-2017"):
        "announced ahead: the article of 2017-05-09 gives the law's planned effective date",
    ("ca-vancouver", "non_cooperation_with_enforcement", "2018-07-19", "docslib-access-police-services"):
        "data error to fix: the report of 2018-06-27 names the Board meeting of 2018-07-19 that is to consider the "
        "guidelines; it cannot state their adoption (the list: 'approval outcome not in excerpt')",
}


def _undated(facts):
    return facts[(facts["status"] == "verified") & (facts["start"] == "") & (facts["end"] == "")
                 & (facts["known_by"] == "")]


def test_every_verified_fact_has_a_date_or_a_bound_except_the_ones_listed(atlas):
    counts = _undated(atlas.facts).groupby("source_id").size().to_dict()
    assert counts == {source: count for source, (count, _) in UNDATED.items()}


def test_the_listed_sources_are_undated_and_say_why(atlas):
    dates = atlas.sources["date"]
    assert all(dates.get(source, "x") == "" and len(why) > 5 for source, (_, why) in UNDATED.items())


def test_no_source_states_a_fact_before_its_own_date_except_the_ones_listed(atlas):
    facts = atlas.facts[(atlas.facts["known_by"] != "") & (atlas.facts["start"] != "")]
    early = facts[[last_day(k) < first_day(s) for k, s in zip(facts["known_by"], facts["start"])]]
    found = set(zip(early["city_id"], early["what"], early["start"], early["source_id"]))
    assert found == set(STATED_BEFORE)


def test_known_by_is_a_partial_date_wherever_it_is_given(atlas):
    given = atlas.facts.loc[atlas.facts["known_by"] != "", "known_by"]
    assert len(given) and given.map(first_day).notna().all()
