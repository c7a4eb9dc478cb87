"""Countries: one country's places on a map, its first and latest declarations, networks and policies."""
import streamlit as st

from mapdata import ui
from mapdata.render import charts
from mapdata.render.tables import places_table
from mapdata.view import facets
from mapdata.words import counted

atlas = ui.active_atlas()
filters = ui.sidebar_filters(atlas)
view = ui.current_view(atlas, filters.with_(as_of=None, place=None))

st.title("Countries")
countries = facets.facet_values(view, atlas, "country")
if not countries:
    st.info("No place matches these filters. Remove a filter in the sidebar to see more.")
    ui.sync_url()
    ui.credits(atlas)
    st.stop()

codes = [c.value for c in countries]
count_of = {c.value: c.count for c in countries}
label_of = {c.value: c.label for c in countries}
default = filters.countries[0] if len(filters.countries) == 1 and filters.countries[0] in codes else codes[0]
if st.session_state.get("country_pick") not in codes:
    st.session_state.country_pick = default
code = st.selectbox("Country", codes, key="country_pick",
                    format_func=lambda c: f"{label_of[c]} · {counted(count_of[c], 'place')}",
                    help="Countries with places that match the sidebar filters, most places first.")
cview = facets.all_time(ui.current_view(atlas, filters.with_(countries=(code,), as_of=None, place=None)))
facts = cview.facts

st.header(label_of[code])
kinds = facts["fact"].value_counts()
verified = int((facts["status"] == "verified").sum())
with st.container(horizontal=True, horizontal_alignment="distribute"):
    st.metric("Places", f"{len(cview.places):,}", width="content")
    st.metric("Declarations", f"{kinds.get('declaration', 0):,}", width="content")
    st.metric("Network memberships", f"{kinds.get('membership', 0):,}", width="content")
    st.metric("Policies", f"{kinds.get('policy', 0):,}", width="content")
    st.metric("Verified facts", f"{verified / len(facts):.0%}" if len(facts) else "–", width="content",
              help="Share of facts stated by a document or list this project holds; the others come from public "
                   "lists we hold no copy of.")
undated = facets.undated_text(facts)
if undated:
    st.caption(f"Date unknown: {undated}. They are counted here, never placed on a guessed year.")

first, latest = facets.milestones(cview, atlas, "declaration")
left, right = st.columns(2)
left.html(charts.milestone_html("First declaration", first, "No dated declaration in this view."))
right.html(charts.milestone_html("Latest declaration", latest if latest != first else None,
                                 "No later dated declaration." if first else "No dated declaration in this view."))

table = places_table(cview, atlas).drop(columns="Country")
table_key = ui.sync_table_pick(table, prefix="country_table")  # a picked row opens the panel beside the map
st.subheader("Map")
map_col = ui.map_with_panel(atlas, cview, key="country_map", height=480)
with map_col:
    for col, (title, facet, empty) in zip(st.columns(2), [
            ("Networks present", "network", "No place of this view belongs to a network."),
            ("Policy types", "policy_type", "No policy recorded for the places of this view.")]):
        with col:
            st.subheader(title)
            values = facets.facet_values(cview, atlas, facet)
            if values:
                st.plotly_chart(charts.facet_chart(values), key=f"country_{facet}", config={"displayModeBar": False})
            else:
                st.caption(empty)
    st.subheader("Places")
    st.caption(f"{counted(len(table), 'place')} in {label_of[code]}. Tick a row to read its facts and sources.")
    ui.places_grid(table, table_key)
ui.sync_url()
ui.credits(atlas)
