"""Present: the atlas full-screen for a room — the timeline played, or a story stepped through."""
import streamlit as st
from streamlit_folium import st_folium

from mapdata import ui
from mapdata.export import frames, registry
from mapdata.render import presenter, story_step
from mapdata.text import markdown_literal
from mapdata.view import story

HEADING_CSS = """<style>
h1 { font-size: 1.5rem !important; padding: 0.2rem 0 !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem !important; }
</style>"""
NO_CHROME_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stExpandSidebarButton"], [data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.5rem 1.2rem 1rem !important; max-width: 100% !important; }
</style>"""
HEIGHTS = (540, 720, 900, 1080)


def _reset_step() -> None:
    st.session_state.present_step = 0


def _use_upload() -> None:
    """Show a story as soon as it is loaded."""
    _reset_step()
    upload = st.session_state.get("present_upload")
    if upload is None:
        st.session_state.pop("present_story", None)
    else:
        st.session_state.present_story = f"Your file: {upload.name}"


def _move(delta: int, total: int) -> None:
    st.session_state.present_step = min(max(st.session_state.present_step + delta, 0), total - 1)


atlas = ui.active_atlas()
filters = ui.sidebar_filters(atlas)
first_year, last_year = presenter.year_span(atlas)
st.session_state.setdefault("present_step", 0)

head, mode_col, settings_col, export_col, leave_col = st.columns([3, 2.4, 1.3, 1.3, 1], vertical_alignment="center")
head.title("Present the atlas")
mode = mode_col.segmented_control("Mode", ["Timeline", "Story"], default="Timeline", key="present_mode",
                                  label_visibility="collapsed") or "Timeline"
with settings_col.popover("Settings", icon="⚙️", width="stretch"):
    st.markdown("**Timeline**")
    years = st.select_slider("Years", options=list(range(first_year, last_year + 1)), value=(first_year, last_year),
                             key="present_years")
    speed = st.select_slider("Speed", options=presenter.SPEEDS, value=1.0, key="present_speed",
                             format_func=lambda s: f"{s:g} year{'s' if s != 1 else ''} a second")
    autoplay = st.toggle("Play when the map opens", value=True, key="present_autoplay")
    loop = st.toggle("Loop", value=False, key="present_loop")
    dates = st.radio("Places shown", list(presenter.DATE_MODES), index=1, format_func=presenter.DATE_MODES.get,
                     key="present_dates", help="A place with no exact date plays from the date of the source that "
                     "lists it (“listed by”, pale); with everything, places with no date at all stand dashed "
                     "at every date. Those left out are counted under the counter.")
    st.markdown("**Screen**")
    height = st.select_slider("Map height", options=HEIGHTS, value=720, key="present_height",
                              format_func=lambda h: f"{h} px")
    cluster = st.toggle("Group nearby places", value=False, key="present_cluster")
    chrome = st.toggle("Hide the sidebar and menus", value=True, key="present_chrome",
                       help="Switch off to change filters in the sidebar; the timeline plays what they select.")
    st.markdown("**Story**")
    stories = story.bundled_stories(atlas)
    upload = st.file_uploader("Your own story (YAML or JSON)", type=["yaml", "yml", "json"], key="present_upload",
                              on_change=_use_upload, help="Schema: data/stories/README.md in the project.")
    if upload is not None:
        try:
            loaded = story.parse_story(upload.getvalue(), upload.name, atlas)
        except story.StoryError as exc:
            loaded = exc
        stories = {f"Your file: {upload.name}": loaded, **stories}
    chosen = st.selectbox("Story", list(stories), key="present_story", on_change=_reset_step,
                          format_func=lambda k: stories[k].title if isinstance(stories[k], story.Story)
                          else f"{k} (errors)")

st.html(HEADING_CSS + (NO_CHROME_CSS if chrome else ""))
playback = presenter.Playback(years[0], years[1], speed, autoplay, loop, dates)

if mode == "Story":
    current = stories.get(chosen)
    if isinstance(current, story.StoryError) or current is None:
        st.error(f"{markdown_literal(chosen)} cannot be shown. Fix these problems in the file and load it again:")
        st.dataframe([p.__dict__ for p in (current.problems if current else [])], hide_index=True)
    else:
        steps = current.steps
        index = min(st.session_state.present_step, len(steps) - 1)
        step = steps[index]
        view = ui.current_view(atlas, step.filters)
        counts = presenter.counts_at(view, step.day, step.dates)
        text_col, map_col = st.columns([1, 2])
        with text_col:
            nav = st.container(horizontal=True)
            nav.button("◀ Back", on_click=_move, args=(-1, len(steps)), disabled=index == 0, shortcut="PageUp",
                       width="stretch", help="Previous step (Page Up, or a clicker's back button)")
            nav.button("Next ▶", on_click=_move, args=(1, len(steps)), disabled=index == len(steps) - 1,
                       shortcut="PageDown", width="stretch", type="primary",
                       help="Next step (Page Down, or a clicker's forward button)")
            line = " · ".join(x for x in [counts.text(), counts.undated_note(step.dates)] if x)
            st.html(story_step.step_html(step, atlas, index + 1, len(steps), line, story=current.title))
        with map_col, st.container(key="present_story_box"):
            st_folium(presenter.presenter_map(view, atlas, cluster=cluster, page_keys=False, legend_closed=True,
                                              center=step.center, zoom=step.zoom),
                      key="present_story_map", height=height, use_container_width=True, returned_objects=[],
                      feature_group_to_add=presenter.step_layer(view, step.day, step.place, precision=step.precision,
                                                                dates=step.dates))
else:
    view = ui.current_view(atlas, filters)
    st.caption(f"**{markdown_literal(presenter.export_title(view, atlas))}** · {years[0]}–{years[1]} at {speed:g} year"
               f"{'s' if speed != 1 else ''} a second · Space plays or pauses, ← and → step a year"
               + ("" if chrome else " · change the filters in the sidebar"))
    if view.places.empty:
        st.info("No place matches these filters. Switch off 'Hide the sidebar and menus' in Settings to change them.")
    with st.container(key="present_timeline_box"):
        st_folium(presenter.presenter_map(view, atlas, playback, cluster=cluster), key="present_timeline_map",
                  height=height, use_container_width=True, returned_objects=[])

with export_col.popover("Export", icon="⬇️", width="stretch"):
    st.markdown("The timeline with the current filters, years and speed, for slides and offline use.")
    formats = registry.available(registry.TIMELINE_FORMATS)
    fmt = st.radio("Format", list(formats), format_func=lambda k: formats[k].label, key="present_format")
    sizes = formats[fmt].sizes
    size = st.selectbox("Size", sizes, index=len(sizes) - 1, key=f"present_size_{fmt}") if sizes else None
    export_view = ui.current_view(atlas, filters)
    wanted = (fmt, size, playback, filters)
    if st.button("Make the file", key="present_make", disabled=export_view.places.empty):
        with st.spinner("Drawing the frames (a long HD video takes about a minute)…" if sizes else "Writing the page…"):
            st.session_state.present_export = (wanted, formats[fmt].render(
                export_view, atlas, playback, size=frames.SIZES.get(size)))
    made = st.session_state.get("present_export")
    if made and made[0] == wanted:
        st.download_button(f"Download {formats[fmt].ext.upper()} ({len(made[1]) / 1e6:.1f} MB)", made[1],
                           file_name=registry.timeline_filename(playback, formats[fmt].ext),
                           mime=formats[fmt].mime, key="present_download", on_click="ignore", icon="⬇️")

leave_col.page_link("app_pages/atlas.py", label="Leave", icon="↩️")
ui.sync_url()
ui.credits(atlas)
