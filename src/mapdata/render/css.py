"""The app's own stylesheets (`static/css/*.css`) as `<style>` elements for the HTML we write."""
from __future__ import annotations

from functools import cache

from mapdata.paths import STATIC_DIR


@cache
def style(name: str) -> str:
    """`static/css/<name>.css` as one `<style>` element, read once per process."""
    return f"<style>\n{(STATIC_DIR / 'css' / f'{name}.css').read_text(encoding='utf-8')}</style>"
