"""What frames every page: the page style, the summary line and the credits."""
from __future__ import annotations

from datetime import date

import streamlit as st

from mapdata.atlas.model import Atlas
from mapdata.atlas.schema import descriptor
from mapdata.paths import DATA_DIR
from mapdata.render.css import style
from mapdata.view.query import DATE_BASES, View
from mapdata.words import counted


def credits(atlas: Atlas) -> None:
    """Where the data comes from: sources, licence, last updated and the disclaimer (every page)."""
    pkg = descriptor(DATA_DIR)
    licence = pkg["licenses"][0]
    with st.expander("Sources, licence and how to read this map"):
        st.markdown(f"**{pkg['title']}** · version {pkg['version']} · last updated {pkg['created'][:10]} · "
                    f"licence: {licence['title']}")
        st.markdown(pkg["disclaimer"])
        st.caption(f"{len(atlas.sources)} sources; every fact cites one. Verified: a document or list held by this "
                   "project states it. Unverified: taken from a named public list we hold no copy of.")
        st.dataframe(atlas.sources[["title", "publisher", "date", "url", "kind", "licence"]], hide_index=True,
                     column_config={"url": st.column_config.LinkColumn("url")}, height=220)


def summary_line(view: View, day: date) -> str:
    """'N places in M countries · as of DATE'."""
    shown = view.visible_on(day)
    n, m = len(shown), shown["country_code"].nunique()
    bases = view.date_bases(shown)
    tail = (" (" + ", ".join(f"{n:,} {DATE_BASES[b]}" for b, n in bases.items() if n) + ")"
            if bases["exact"] < n else "")
    return f"{bold(counted(n, 'place'))} in {bold(counted(m, 'country', 'countries'))}{tail} · as of {day.isoformat()}"




def app_style() -> None:
    """Page-wide style shared by every page (app.py calls it once per run)."""
    st.html(style("app"))


def bold(counted_text: str) -> str:
    """'**1,030** places': the number of a count in bold."""
    number, _, rest = counted_text.partition(" ")
    return f"**{number}** {rest}"
