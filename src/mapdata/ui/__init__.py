"""The only Streamlit code: what pages call (data and caching, state, sidebar, panels, share, the page frame)."""
from mapdata.ui.data import active_atlas, atlas_map, current_view, get_atlas, get_gazetteer
from mapdata.ui.frame import app_style, credits, summary_line
from mapdata.ui.panels import (
    follow_map_click,
    map_with_panel,
    place_panel_or_overview,
    place_search,
    places_grid,
    search_label,
    show_panel,
    sync_table_pick,
)
from mapdata.ui.share import share_box
from mapdata.ui.sidebar import date_slider, sidebar_filters
from mapdata.ui.state import session_state, sync_url, update_state
from mapdata.ui.suggest import suggest_link

__all__ = ["active_atlas", "atlas_map", "current_view", "get_atlas", "get_gazetteer", "app_style", "credits",
           "summary_line", "follow_map_click", "map_with_panel", "place_panel_or_overview",
           "place_search", "places_grid", "search_label", "show_panel", "sync_table_pick", "share_box",
           "date_slider", "sidebar_filters", "session_state", "sync_url", "update_state", "suggest_link"]
