"""Data and sources: what the atlas holds, where every fact comes from, how it was checked."""
import streamlit as st

from mapdata import ui
from mapdata.atlas import package
from mapdata.atlas.stats import stats_lines
from mapdata.view.query import FilterState

atlas = ui.active_atlas()
ui.session_state(atlas)
st.title("Data and sources")
st.markdown(
    "Every fact on this map (a declaration, a network membership or a policy) cites a source, with a short "
    "verbatim quote where the source is a document. Dates are given at the precision the source gives "
    "(`2019`, `2019-06` or `2019-06-14`); where the source gives none, the map says *date unknown*. "
    "**Verified** facts are stated by a document or list held by this project; **unverified** facts come from a "
    "named public list we hold no copy of. Where sources disagree, each is recorded with its own citation.")
facts = atlas.facts
cols = st.columns(5)
for col, (label, value) in zip(cols, [("Places", len(atlas.places)),
                                       ("Countries", atlas.places["country_code"].nunique()),
                                       ("Facts", len(facts)), ("Verified", int((facts["status"] == "verified").sum())),
                                       ("Sources", len(atlas.sources))]):
    col.metric(label, f"{value:,}")
on_map = len(ui.current_view(atlas, FilterState()).places)
if on_map < len(atlas.places):
    st.caption(f"The map shows {on_map:,} of the {len(atlas.places):,} places: those with a network membership or "
               f"an adopted declaration or policy. The other {len(atlas.places) - on_map:,} have only proposed, "
               "rejected or revoked declarations, or documented gaps; “Find a place” opens their panels.")

st.subheader("Sources")
st.caption("How many facts cite each source. Search with the table's own search box.")
st.dataframe(package.source_usage(atlas)[["title", "author", "publisher", "date", "kind", "facts", "url", "licence"]],
             hide_index=True, use_container_width=True, height=360,
             column_config={"url": st.column_config.LinkColumn("url")})

st.subheader("The data package")
st.caption("A Frictionless data package: datapackage.json describes every file, field, vocabulary and licence.")
st.dataframe(package.tables_overview(atlas), hide_index=True, use_container_width=True)
st.download_button("Download the data package (zip)", package.package_zip(), "solidarity-cities-atlas.zip",
                   "application/zip", icon=":material/download:")
with st.expander("Vocabularies: policy types, declaration labels, roles"):
    st.dataframe(atlas.vocabularies, hide_index=True, use_container_width=True)
with st.expander("Numbers (python -m mapdata stats)"):
    st.code("\n".join(stats_lines(atlas)), language=None)

st.subheader("Checks")
report = package.validation_report(atlas)
if report.empty:
    st.success("The data package validated clean: unique ids, references resolve, vocabularies hold, dates "
               "parse, every point lies in or near its country.")
else:
    st.warning(f"{len(report)} problems were found while loading; the rows concerned are left out.")
    st.dataframe(report, hide_index=True, use_container_width=True)
    st.download_button("Download the report (CSV)", report.to_csv(index=False), "validation-report.csv", "text/csv")
review = package.geocode_review()
if not review.empty:
    st.info(f"{len(review)} place names could not be placed without a person's decision (ambiguous or "
            "unknown to the gazetteer); their facts wait in the curation files.")
    st.dataframe(review, hide_index=True, use_container_width=True)
ui.sync_url()
ui.credits(atlas)
