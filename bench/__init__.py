"""The benchmark (bench/README.md): what users feel, ours against a naive folium page."""
