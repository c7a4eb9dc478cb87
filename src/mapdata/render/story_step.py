"""A story step as a room sees it: date, title, caption, counts and the sources it cites (escaped)."""
from __future__ import annotations

from mapdata.atlas.model import Atlas
from mapdata.render.html import render
from mapdata.view.facet_list import FACETS
from mapdata.view.story import Step


def where(step: Step, atlas: Atlas) -> str:
    """The step's filters in words: 'Germany · Seebrücke Safe Harbours' ('all places' when none)."""
    parts = [", ".join(f.name(atlas, v) for v in getattr(step.filters, f.field)) for f in FACETS]
    return " · ".join(p for p in parts if p) or "all places"


def _citation(cite, atlas: Atlas) -> dict:
    src = atlas.sources.loc[cite.source_id] if cite.source_id in atlas.sources.index else None
    if src is None:
        return {"title": cite.source_id, "url": "", "meta": [], "quote": cite.quote}
    return {"title": src["title"], "url": src["url"], "meta": [x for x in (src["publisher"], src["date"]) if x],
            "quote": cite.quote}


def step_html(step: Step, atlas: Atlas, number: int, total: int, counts: str = "", story: str = "") -> str:
    """A step's caption block for a room, with its stylesheet: date, title, caption, counts and its sources."""
    return render("story_step.html.j2", step=step, number=number, total=total, counts=counts, story=story,
                  where=where(step, atlas), citations=[_citation(c, atlas) for c in step.citations])
