"""A small atlas written for the tests: a few German, Italian and Spanish places, networks and facts."""
from __future__ import annotations

import shutil
from pathlib import Path

from helpers import ROOT
from mapdata import load_atlas
from mapdata.atlas.model import Atlas

CSV = {
    "cities.csv": """city_id,name,country_code,admin1,kind,lat,lon,geonames_id,population
de-berlin,Berlin,DE,Berlin,municipality,52.52,13.405,2950159,3426354
de-potsdam,Potsdam,DE,Brandenburg,municipality,52.3989,13.0657,2852458,159456
de-kiel,Kiel,DE,Schleswig-Holstein,municipality,54.3213,10.1349,2891122,232758
it-palermo,Palermo,IT,Sicily,municipality,38.1157,13.3615,2523920,668405
es-barcelona,Barcelona,ES,Catalonia,municipality,41.3888,2.159,3128760,1620343
us-oakland,Oakland & Piedmont,US,California,municipality,37.8044,-122.2711,5378538,419267
""",
    "networks.csv": """network_id,name,short_name,kind,scope,founded,description,url,source_id
seebruecke,Seebrücke – Sichere Häfen,Seebrücke,campaign,national,2018,A campaign,https://seebruecke.org,s1
iash,International Alliance of Safe Harbours,IASH,network,transnational,2021-06,An alliance,javascript:alert(1),s1
eccar,European Coalition of Cities against Racism,ECCAR,network,transnational,,,,
""",
    "memberships.csv": """city_id,network_id,role,start,end,end_reason,status,source_id,quote,note
de-berlin,seebruecke,member,2018-07,,,unverified,s1,,
de-berlin,seebruecke,member,2019,,,verified,s1,,
de-potsdam,seebruecke,member,2019-03,,,verified,s1,,
de-kiel,seebruecke,member,2019,2020,left,verified,s1,,
de-potsdam,iash,founder,2021-06,,,verified,s1,,
it-palermo,iash,founder,2021-06,,,verified,s1,,
de-berlin,iash,member,,,,verified,s1,,
it-palermo,eccar,member,,,,verified,s1,,
es-barcelona,eccar,member,2008,,,verified,s1,,
""",
    "declarations.csv": """city_id,label,date,body,outcome,title,status,source_id,quote,note
de-berlin,Safe Harbour,2018-11,council,adopted,,verified,s1,,
de-potsdam,Safe Harbour,2018-08,council,adopted,,verified,s1,,
it-palermo,Other,2015,mayor,adopted,,verified,s1,,
us-oakland,Sanctuary City,1986,council,adopted,,verified,s1,,
us-oakland,City of Refuge,,council,adopted,,verified,s1,,
es-barcelona,City of Refuge,2015-09,council,adopted,,verified,s1,,
de-berlin,Sanctuary City,2019,council,rejected,,verified,s1,,
""",
    "policies.csv": """city_id,policy_type,title,description,start,end,outcome,status,source_id,quote,note
us-oakland,non_cooperation_with_enforcement,Resolution,,1989,,adopted,verified,s1,,
es-barcelona,housing,Housing plan,,,,adopted,verified,s1,,
""",
    "sources.csv": """source_id,title,author,publisher,date,url,kind,licence
s1,A test source,,Publisher,2020,https://example.org/source,document,CC BY 4.0
""",
}


def write_small_atlas(folder: Path) -> Atlas:
    """The small package written into `folder`, loaded (and checked clean)."""
    for name, text in CSV.items():
        (folder / name).write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "data" / "vocabularies.csv", folder / "vocabularies.csv")
    shutil.copy(ROOT / "data" / "datapackage.json", folder / "datapackage.json")
    atlas = load_atlas(folder)
    assert not [p for p in atlas.problems if p.severity == "error"], atlas.problems
    return atlas
