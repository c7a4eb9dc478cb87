"""'Cite this view': what a view shows in words, the sources behind it, and a citation to paste."""
from __future__ import annotations

from datetime import date

import pandas as pd

from mapdata.atlas.model import Atlas
from mapdata.atlas.schema import descriptor
from mapdata.paths import DATA_DIR
from mapdata.view.facet_list import FACETS
from mapdata.view.query import FilterState, View
from mapdata.words import counted


def describe_filters(state: FilterState, atlas: Atlas) -> str:
    """The filters in words: 'Italy · network: Safe Harbours · verified facts only' ('all places' when none)."""
    parts = [f.cited_as + ", ".join(f.name(atlas, v) for v in values)
             for f in FACETS if (values := getattr(state, f.field))]
    parts += ["verified facts only" if state.verified_only else "",
              f"as of {state.as_of.isoformat()}" if state.as_of else ""]
    return " · ".join(p for p in parts if p) or "all places"


def view_sources(view: View, atlas: Atlas) -> pd.DataFrame:
    """The sources the shown facts cite (source_id, title, publisher, date, url, facts), most used first."""
    counts = view.shown_facts()["source_id"].value_counts()
    known = atlas.sources.reindex(counts.index)
    out = pd.DataFrame({"source_id": counts.index,
                        "title": known["title"].fillna(pd.Series(counts.index, index=counts.index)).values,
                        "publisher": known["publisher"].fillna("").values, "date": known["date"].fillna("").values,
                        "url": known["url"].fillna("").values, "facts": counts.values})
    return out.sort_values(["facts", "title"], ascending=[False, True], ignore_index=True)


def cite_view(view: View, atlas: Atlas, url: str, accessed: date | None = None) -> str:
    """A plain-text citation of the view: title, data version, what it shows, the link, and its sources."""
    pkg = descriptor(DATA_DIR)
    places = view.shown_places()
    n, m = len(places), places["country_code"].nunique()
    sources = view_sources(view, atlas)
    lines = [f"{pkg['title']} (version {pkg['version']}, data of {str(pkg['created'])[:10]}). "
             f"View: {describe_filters(view.state, atlas)}: {counted(n, 'place')} in "
             f"{counted(m, 'country', 'countries')}. Licence: {pkg['licenses'][0]['name']}. "
             f"Accessed {(accessed or date.today()).isoformat()}.",
             url, "", f"Sources used by this view ({len(sources)}):"]
    for s in sources.itertuples():
        who = ", ".join(x for x in [s.publisher, s.date] if x)
        lines.append(f"- {s.title}" + (f" ({who})" if who else "") + (f". {s.url}" if s.url else ""))
    return "\n".join(lines)
