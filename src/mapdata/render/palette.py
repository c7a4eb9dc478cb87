"""Every colour we draw with, once: the map, the charts and the frames of a video read it."""
from __future__ import annotations

CATEGORICAL = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]  # Okabe-Ito
OTHER, NONE = "#8c8c8c", "#d0d0d0"  # the rest of a category; no category at all
VIRIDIS = ["#440154", "#443983", "#31688e", "#21918c", "#35b779", "#90d743", "#fde725"]  # year bins, in order
GRID = "#e6e6e6"  # chart grid lines
# frames drawn in Python (RGB): sea, land, borders, text
OCEAN, LAND, BORDER, INK = (201, 220, 235), (228, 231, 234), (255, 255, 255), (17, 17, 17)
