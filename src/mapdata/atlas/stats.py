"""Headline numbers of an atlas, for `python -m mapdata stats` and the pages."""
from __future__ import annotations

from mapdata.atlas.model import Atlas


def stats_lines(atlas: Atlas) -> list[str]:
    """Places, facts, networks, countries, share dated and counts per decade, as printable lines."""
    facts = atlas.facts
    dated = facts["start_day"].notna()
    used = (facts.loc[facts["fact"] == "membership", "what"].nunique()
            + facts.loc[facts["fact"] == "declaration", "what"].nunique())
    decades = facts.loc[dated, "start_day"].map(lambda d: f"{d.year // 10 * 10}s").value_counts().sort_index()
    by_kind = facts["fact"].value_counts()
    bounded = ~dated & facts["known_day"].notna()
    exact_places = set(facts.loc[dated & facts["positive"], "city_id"])
    listed_places = set(facts.loc[facts["known_day"].notna() & facts["positive"], "city_id"]) - exact_places
    n = len(atlas.places) or 1
    places_line = (f"exact dates {len(exact_places)} ({len(exact_places) / n:.0%}), "
                   f"list dates {len(listed_places)} ({len(listed_places) / n:.0%}), "
                   f"nothing {n - len(exact_places) - len(listed_places)}")
    status = facts["status"].value_counts()
    lines = [
        f"places:            {len(atlas.places)}",
        f"countries:         {atlas.places['country_code'].nunique()}",
        f"facts:             {len(facts)} ({', '.join(f'{k} {v}' for k, v in by_kind.items())})",
        f"verified:          {status.get('verified', 0)}; unverified: {status.get('unverified', 0)}",
        f"networks & labels: {used} in use ({len(atlas.networks)} networks described, "
        f"{facts.loc[facts['fact'] == 'declaration', 'what'].nunique()} declaration labels)",
        f"sources:           {len(atlas.sources)}",
        f"dated facts:       {dated.sum()} of {len(facts)} ({dated.mean():.0%})" if len(facts) else "dated facts: 0",
        f"known_by bounds:   {bounded.sum()} undated facts listed by a source's date; "
        f"{(dated | bounded).sum()} of {len(facts)} facts dated or bounded ({(dated | bounded).mean():.0%})"
        if len(facts) else "",
        "places stand on:   " + places_line,
        "facts per decade:  " + ", ".join(f"{k} {v}" for k, v in decades.items()),
        f"problems:          {sum(p.severity == 'error' for p in atlas.problems)} errors",
    ]
    return lines

