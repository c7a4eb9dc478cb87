"""Solidarity Cities Map: the sourced atlas of cities that stand with migrants (no Streamlit here)."""
from mapdata.atlas.model import Atlas, load_atlas

__all__ = ["Atlas", "load_atlas"]
