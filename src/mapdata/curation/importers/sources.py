"""Source rows the importers cite: titles, publishers and dates the lists' URLs stand for."""
from __future__ import annotations

import re

ETMUN_FILE = "etmun_eccar_eurocities_clip_members.csv"
KEVINNBASS_FILE = "us_sanctuary_jurisdictions_kevinnbass.json"

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
# The page's own date where its URL and title give none, as a file held here states it (a candidate list's note or
# quote, its README): URL -> (date, where it is stated). The date of the page, article or document, never of the
# fact it reports; at the precision stated. A page of two stored versions takes the date of the version its title
# names; a fact read from another dated version gets that version's date as its bound (`_Collector`). Not here:
# pages whose held rows give no date of their own, or only a guess ('c. 2017', 'likely 2024', 'article id
# suggests 2019'), a date inferred from the content, or an `as_of=` taken from another site's copy of the text.
_STATED_DATES: dict[str, tuple[str, str]] = {
    "https://www.diepresse.com/5779787/fluchtlinge-spo-ortschefs-in-oberosterreich-wollen-frauen-und-kind"
    "er-aufnehmen":
        ("2020-03", "the list's note: as_of=2020-03 (article date stamp)"),
    "https://www.nachrichten.at/oberoesterreich/muehlviertel/mauthausen-will-fluechtende-im-ort-aufnehmen":
        ("2020-07", "the list's note: 'month = article date stamp'"),
    "https://www.noen.at/mistelbach/fluechtlingspolitk-mahnwache-fuer-asyl-in-wolkersdorf-wolkersdorf-im-"
    "weinviertel-mahnwache-asyl-gemeinderat-redaktion-269891081":
        ("2021-04", "the list's note: 'month = article date stamp'"),
    "https://docslib.org/doc/10393737/vpd-report-1807p03-access-to-police":
        ("2018-06-27", "the report's own date, quoted in the list: 'REPORT DATE: June 27, 2018'"),
    "https://www.thestar.co.uk/whats-on/city-place-sanctuary-466500":
        ("2007-09-17", "the list's note: 'article dated Monday 17 September 2007'"),
    "https://www.omropfryslan.nl/nieuws/944752-gemeenteraad-leeuwarden-stemt-met-opvangen-vluchtelingkinderen":
        ("2020-03", "the list's note: 'month = article date stamp'"),
    "https://www.rf-news.de/2020/kw20/stadt-will-mehr-fluechtlinge-aufnehmen":
        ("2020-05", "the list's note: 'month from article URL/date stamp (2020, calendar week 20)'"),
    "https://rp-online.de/nrw/staedte/krefeld/krefeld-will-lifeline-fluechtlinge-aufnehmen-ob-frank-meyer"
    "-schreibt-an-merkel_aid-24183033":
        ("2018-08", "the list's note: 'month = article date stamp'"),
    "https://www.neues-deutschland.de/artikel/1138856.seenotrettung-die-sicheren-haefen-stehen-bereit.html":
        ("2020-07", "the list's note: 'article dated 2020-07'"),
    "https://www.otz.de/regionen/saalfeld/stadt-saalfeld-und-landkreis-wollen-sichere-haefen-sein-id230710636.html":
        ("2020-10", "the list's note: 'article date 2020-10'"),
    "https://www.ostsee-zeitung.de/Vorpommern/Greifswald/Seenotrettungsschiff-Sea-Eye-4-bekommt-Hilfe-aus"
    "-Greifswald":
        ("2021-03", "the list's note: 'article date stamp 2021-03'"),
    "https://www.tlz.de/regionen/weimar/stadtrat-weimar-ist-und-bleibt-ein-sicherer-hafen-id227831151.html":
        ("2019-12", "the list's note: 'month = article date stamp'"),
    "https://www.infranken.de/lk/erlangenhoechstadt/herzogenaurach-ist-ein-sicherer-hafen-art-5105094":
        ("2020-10", "the list's note: 'month = article date stamp'"),
    "http://www.kn-online.de/Kiel/Kiel-Sylt-und-Flensburg-bringen-Mittelmeer-Fluechtlinge-unter":
        ("2019-02", "the list's note: 'month = article date stamp'"),
    "https://www.br.de/nachrichten/bayern/stadtrat-entscheidet-muenchen-wird-sicherer-hafen,RWZb66O":
        ("2019-07", "the list's note: 'article date stamp 2019-07'"),
    "https://www.radioq.de/cn/sicherer-hafen-im-rat-abgelehnt/":
        ("2019-05-23", "the list's note: post date 'Geschrieben am 23. Mai 2019'"),
    "https://www.br.de/nachrichten/bayern/sichere-haefen-staedte-wollen-mehr-fluechtlinge-aufnehmen,RXoLKd8":
        ("2019-08", "the list's note: 'named in article dated 2019-08'"),
    "https://www.schwaebische.de/landkreis/landkreis-tuttlingen/villingen-schwenningen_artikel,-mehr-fl%C"
    "3%BCchtlinge-willkommen-hei%C3%9Fen-_arid,11081931.html":
        ("2019-07", "the list's note: 'month = article date stamp'"),
    "https://www.nds-fluerat.org/aktionen/sichererhafen/sichere-haefen-niedersachsen/":
        ("2020-06-15", "'Stand: 15. Juni 2020' of the stored copy most rows come from (lists README and the "
                       "rows' notes; the rows of the February 2021 copy carry as_of=2021-02)"),
    "https://seebruecke.ch/en/demand/willingness-to-accept-additional-refugees/":
        ("2020-06-16", "the list's note: as_of=2020-06-16"),
    "http://pointdappui.be/liege-neuvieme-commune-hospitaliere-de-belgique/":
        ("2017-11-30", "the list's note: as_of=2017-11-30"),
    "http://watermael-boitsfort.be/fr/commune/vie-politique/conseil-communal/proces-verbaux-2018/20-fevrier-2018":
        ("2018-02-20", "the title: minutes of the council session of '20 février 2018'"),
    "https://potsdam.de/potsdamer-erklaerung-der-staedte-sicherer-haefen":
        ("2019-06-03", "the list's note, quoting potsdam.de: 'In der am 3. Juni 2019 veröffentlichten "
                       "Erklärung'"),
    "https://gruene-wuppertal.de/fraktion/anfragen/sicherer-hafen-wuppertal":
        ("2024-06-06", "the list's note: 'Anfrage of 6 June 2024'"),
    "https://www.wp.de/staedte/dinslaken-huenxe-voerde/sichere-haefen-dinslaken-ist-offizielles-mitglied-"
    "id228320463.html":
        ("2020-02", "the list's note: as_of=2020-02"),
    "https://www.puls-stuttgart.org/antraege/__-2024-zweiter-versuch-stuttgart-setzt-ein-zeichen-fuer-ein"
    "e-menschliche-fluechtlingspolitik/":
        ("2024", "the title: 'Antrag 2024'"),
    "http://www.jena-tv.de/mediathek/74801/Stadtratsbeschluss_zur_Seenotrettung_rechtswidrig.html":
        ("2024-01-18", "the list's note: as_of=2024-01-18"),
    "https://www.rheinpfalz.de/lokal/landau_artikel,-gefl%C3%BCchtete-sicherer-hafen-landau-_arid,5083938.html":
        ("2023-03", "the list's note: as_of=2023-03"),
    "https://weltoffen-bonn.de/forum/bonn-gehoert-jetzt-zu-den-staedten-sicherer-haefen-0":
        ("2019-09-30", "the list's note: as_of=2019-09-30"),
    "https://www.giessen.de/Rathaus/Gie%C3%9Fen-ist-Mitglied-im-B%C3%BCndnis-St%C3%A4dte-Sicherer-H%C3%A4"
    "fen-.php?object=tx,2874.5&ModID=7&FID=2874.3155.1&NavID=1894.6":
        ("2020-02-20", "the list's note: as_of=2020-02-20"),
    "https://www.andrewstevensward3.ca/access_without_fear_city":
        ("2017-06-26", "the page's text dates itself, quoted in the list: 'this evening (June 26, 2017)'"),
    "https://councilmeetings.lewisham.gov.uk/ieDecisionDetails.aspx?AIId=33592":
        ("2023-05-10", "the title: 'Mayor and Cabinet, 10/05/2023'"),
    "https://das-marburger.de/?p=80790":
        ("2022-05-16", "the list's note: as_of=2022-05-16"),
    "https://norway2019.com/de/news/icorn-internationales-netzwerk-staedte-der-zuflucht":
        ("2019-10", "the list's note: as_of=2019-10"),
    "http://www.ilgiornale.it/news/politica/decreto-salvini-i-sindaci-ribelli-si-contano-spunta-mappa-1625453.html":
        ("2019-01", "the list's note: as_of=2019-01"),
    "http://www.ilpopulista.it/news/7-Gennaio-2019/31434/de-magistris-pronto-a-salpare-su-una-barchetta-p"
    "er-i-clandestini.html":
        ("2019-01-07", "the title '(7 gennaio 2019)', the URL path /7-Gennaio-2019/ and the list's "
                       "as_of=2019-01-07"),
    "https://www.anvita.fr/en/actualites/notre-plaidoyer/view/communique-de-presse-la-prefecture-de-seine"
    "-maritime-deboutee":
        ("2022-02-15", "the list's note: as_of=2022-02-15"),
    "https://www.trojmiasto.pl/wiadomosci/Gdansk-przyjal-uchwale-ws-integracji-imigrantow-n103146.html?strona=1":
        ("2016-06-30", "the list's note: as_of=2016-06-30"),
    "http://rkold.radiokaszebe.pl/pomoc-uchodzcom-nie-bedzie-kosztem-gdanszczan":
        ("2015-09-16", "the list's note: as_of=2015-09-16"),
    "http://rkold.radiokaszebe.pl/?p=35658":
        ("2015-09-24", "the list's note: as_of=2015-09-24"),
    "http://www.dziennikwschodni.pl/kraj-swiat/najwieksze-miasta-beda-wspolpracowac-ws-migracji-prezydent"
    "-lublina-podpisal-deklaracje,n,1000201722.html":
        ("2017-06", "the list's note: as_of=2017-06"),
    "https://24.sapo.pt/atualidade/artigos/refugiados-tem-entradas-gratuitas-em-piscinas-e-espacos-cultur"
    "ais-em-portalegre":
        ("2018-07", "the list's note: as_of=2018-07"),
    "https://kede.gr/omofona-dekti-i-protasi-tis-athinas-gia-diktyo-poleon-allilengyis-sto-prosfygiko":
        ("2016-04-23", "the list's note: as_of=2016-04-23"),
    "https://www.noen.at/ybbstal/waidhofen-ybbs-fufu-resolution-an-regierung-fuer-fluechtlings-aufnahme-w"
    "aidhofen-an-der-ybbs-fufu-liste-fufu-martin-dowalil-werner-krammer-fluechtlinge-nofb-223955958":
        ("2020-09", "the list's note: as_of=2020-09"),
    "https://www.nu.nl/groningen/6046675/gemeente-groningen-bereid-tot-opvang-griekse-minderjarige-vlucht"
    "elingen.html":
        ("2020-04", "the list's note: as_of=2020-04"),
    "https://www.waldnet.nl/wn/nieuws/57432/Smallingerland:_039;Minder_streng_Kinderpardon039;.html":
        ("2018-01-25", "the list's note: as_of=2018-01-25"),
    "https://steenwijkerland.pvda.nl/nieuws/raad-positief-over-opvang-vluchtelingen/":
        ("2015-09-30", "the list's note: as_of=2015-09-30"),
    "http://www.wz.de/lokales/duesseldorf/appell-zur-seenotrettung-im-mittelmeer-oberbuergermeister-schre"
    "iben-brief-an-merkel-1.2731735":
        ("2018-07", "the list's note: as_of=2018-07"),
    "https://seebruecke.org/mach-mit/deutschland/baden-wuerttemberg/herrenberg/sicherer-hafen":
        ("2020-05-07", "the page's 'Zuletzt aktualisiert 07.05.2020', quoted in the list"),
    "https://seebruecke.org/mach-mit/deutschland/hessen/kassel/sicherer-hafen":
        ("2019-02-22", "the page's 'Zuletzt aktualisiert 22.02.2019', quoted in the list"),
    "https://www.seebruecke.org/aktuelles/sicherer-hafen-lk-kassel":
        ("2023-04-06", "the list's note: as_of=2023-04-06"),
    "https://www.nwzonline.de/oldenburg/blaulicht/oldenburg-rettungsschiff-alan-kurdi-sucht-sicheren-hafe"
    "n-seebruecke-oldenburg-fordert-stadt-muss-gerettete-aufnehmen_a_50,4,1662727638.html":
        ("2019-04", "the list's note: as_of=2019-04"),
    "http://www.nordbayern.de/region/erlangen/erlangen-will-ein-sicherer-hafen-sein-1.8557935?rssPage=bm9"
    "yZGJheWVybi5kZQ==":
        ("2019-02", "the list's note: as_of=2019-02"),
    "https://www.tagblatt.de/Nachrichten/Sicherer-Hafen-Tuebingen-413472.html?bPrint=true":
        ("2019-05-04", "the list's note: as_of=2019-05-04"),
    "https://www.tagblatt.de/Nachrichten/Hafen-fuer-30-Gefluechtete-mehr-466109.html?bPrint=true":
        ("2020-07-28", "the list's note: as_of=2020-07-28"),
    "https://www.goettinger-tageblatt.de/Die-Region/Goettingen/Landkreis-Goettingen-soll-weitere-Fluechtl"
    "inge-aufnehmen":
        ("2019-10-01", "the list's note: as_of=2019-10-01"),
    "https://www.bayreuther-tagblatt.de/nachrichten_meldungen_news/gruenes-licht-aus-dem-stadtrat-bayreut"
    "h-soll-sicherer-hafen-werden/":
        ("2019-11", "the list's note: as_of=2019-11"),
    "https://www.ndr.de/nachrichten/mecklenburg-vorpommern/Rostock-will-Mittelmeer-Fluechtlinge-aufnehmen"
    ",aufnahme114.html":
        ("2018-09-06", "the list's note: as_of=2018-09-06"),
    "https://www.ostsee-zeitung.de/Mecklenburg/Rostock/Rostock-will-20-Gefluechtete-aufnehmen-und-Kosten-"
    "tragen-OB-Methling-erneuert-Zusage":
        ("2019-07", "the list's note: as_of=2019-07"),
    "https://rp-online.de/nrw/staedte/viersen/buergermeisterin-von-viersen-fuer-aufnahme-von-fluechtlinge"
    "n-aus-lager-moria_aid-53363845":
        ("2020-09", "the list's note: as_of=2020-09"),
    "https://www.werne-plus.de/gesellschaftlich/2021/linke-fordert-werne-als-sicherer-hafen-fuer-gefluechtete/":
        ("2021", "the URL path /2021/ and the list's as_of=2021"),
    "https://bergkamen-infoblog.de/antrag-von-bergauf-und-linke-im-stadtrat-bergkamen-soll-sicherer-hafen"
    "-werden/?print=print":
        ("2021", "the list's note: as_of=2021 ('post written in 2021')"),
    "https://www.elprat.cat/actualitat/noticies/lajuntament-aprova-una-mocio-de-suport-lacollida-de-refugiats-0":
        ("2015-09-17", "the list's note: as_of=2015-09-17"),
    "https://ontinyent.vilaweb.cat/noticies/bocairent-debatra-tambe-en-el-ple-municipal-la-incorporacio-a"
    "-la-xarxa-de-ciutats-refugi":
        ("2015-09-12", "the list's note: as_of=2015-09-12"),
    "https://larinconada.es/es/ayuntamiento/actividad-de-plenos/pleno/166/punto/7":
        ("2015-09-16", "the title: 'Pleno ordinario 16 de septiembre de 2015'"),
    "https://www.gopusa.com/no-sanctuary-miami-dade-to-honor-immigration-detainer-requests/":
        ("2017-01", "the list's note: as_of=2017-01 (a reprint of a Miami Herald story of 2017-01-26)"),
    "https://www.latimes.com/local/lanow/la-me-ln-special-order-40-retrospective-20170205-story.html":
        ("2017-02-05", "the URL ('-20170205-story') and the list's as_of=2017-02-05"),
    "https://assets.documentcloud.org/documents/4385794/Immigration-Enforcement.txt":
        ("2018-02-06", "the directive's own date, quoted in the list: 'MAYORAL DIRECTIVE Date: February 6, "
                       "2018'"),
    "https://assets.documentcloud.org/documents/3984987/Executive-Order-142-Standing-With-Immigrants-amp.txt":
        ("2017-08-31", "the order's own date, quoted in the list: 'Mayor Michael B. Hancock August 31, 2017'"),
    "https://www.miamiherald.com/news/local/community/miami-dade/article134164734.html":
        ("2017-02-21", "the list's note: as_of=2017-02-21"),
    "https://littlevillagemag.com/bill-aimed-at-punishing-iowa-city-over-immigration-passes-iowa-house/":
        ("2018-04", "the list's note: as_of=2018-04"),
    "http://www.cityofnewhaven.com/Mayor/ReadMore.asp?ID=%7B874974A9-AC89-465B-A649-57D122E9FAF9%7D":
        ("2006-12-14", "the title '(12/14/2006)'; the list's note: 'release dated Thursday Dec. 14, 2006'"),
    "https://riverviewobserver.net/mayor-fulop-signs-executive-order-re-affirming-jersey-city-sanctuary-city/":
        ("2017-02", "the list's note: as_of=2017-02 (city press release text)"),
    "http://blognewjerseypatriot.newjerseypatriot.us/yet-limit-right-defend-new-jersey-mayors-use-executi"
    "ve-orders-fight-back-trump/":
        ("2017-02-03", "the title: a repost of the Observer article of '02/03/17' (the repost's own date is "
                       "not given)"),
    "https://jlfattorneys.com/immigration/standing-with-immigrants-a-city-of-safety-refuge-and-opportunity-for-all":
        ("2017-03-21", "the directive's own date, quoted in the list: 'Issue Date: March 21, 2017' (the law "
                       "firm's reprint is not dated)"),
    "https://1losangeles.net/mayor-garcetti-bars-la-police-civil-servants-from-acting-as-immigration-enforcers/":
        ("2017-03-21", "the list's note: as_of=2017-03-21"),
    "https://portal.ct.gov/office-of-the-governor/news/press-releases/2019/05-2019/governor-lamont-applau"
    "ds-final-passage-of-legislation-strengthening-the-connecticut-trust-act":
        ("2019-05", "the URL path /2019/05-2019/ (the list: 'month from press-release URL path')"),
    "https://www.governor.ny.gov/news/no-1701-amendment-executive-order-170-state-policy-concerning-immig"
    "rant-access-state-services":
        ("2018-04-25", "the page's dateline, quoted in the list: 'April 25, 2018 Albany, NY'"),
    "http://mass.gov/decision/lunn-v-commonwealth":
        ("2017-07-24", "the decision's own date, quoted in the list: 'Supreme Judicial Court, July 24, 2017'"),
    "https://www.kjrh.com/news/national/bill-outlawing-sanctuary-cities-in-tennessee-will-become-law-with"
    "out-governor-s-signature":
        ("2018-05-21", "the list's note: as_of=2018-05-21"),
    "https://welcomingamerica.org/blog-article-tag/certified-welcoming":
        ("2020-06-22", "the post's byline, quoted in the list: 'Welcoming America | June 22, 2020'"),
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
