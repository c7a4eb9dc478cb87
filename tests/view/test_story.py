"""Stories: the bundled milestones story, and clear errors for every way a presenter's file can be wrong."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest
import yaml

from mapdata.paths import DOCUMENTS_DIR
from mapdata.render import story_step
from mapdata.view import story
from mapdata.view.query import FilterState

SEEDS = DOCUMENTS_DIR
SEED_FILE = {"lacroix-2022": "000", "christoph-kron-2019": "001", "kurz-2026": "002", "dreher-2024": "003",
             "rls-2019": "004"}
MILESTONE_YEARS = {"1985", "2005", "2015", "2018", "2019", "2021", "2023"}


def _seed_text(source_id: str) -> str:
    raw = next(SEEDS.glob(f"{SEED_FILE[source_id]}_*.txt")).read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"-\s*\n\s*", "", raw))  # PDF line breaks and hyphenation


@pytest.fixture(scope="module")
def milestones(atlas):
    return story.read_story(story.STORIES_DIR / "milestones.yaml", atlas)


@pytest.fixture(scope="module")
def ids(atlas):
    """Real ids from the atlas, so the tests follow the data as it is rebuilt."""
    return {"network": atlas.networks.index[0], "source": atlas.sources.index[0], "place": atlas.places.index[0],
            "label": atlas.declarations["label"].iloc[0], "country": atlas.places["country_code"].iloc[0]}


def _step(ids, **fields) -> dict:
    step = {"title": "A step", "date": "2019", "caption": "What happened.", "sources": [{"id": ids["source"]}]}
    step.update(fields)
    return {k: v for k, v in step.items() if v is not None}


def _yaml(*steps, **top) -> str:
    return yaml.safe_dump({"title": "Test story", "steps": list(steps), **top}, allow_unicode=True)


def _problems(text: str, atlas, name: str = "test.yaml") -> list[story.StoryProblem]:
    with pytest.raises(story.StoryError) as err:
        story.parse_story(text, name, atlas)
    return err.value.problems


def test_the_default_story_loads_and_covers_the_milestones(milestones, atlas):
    assert milestones.title
    years = {s.date[:4] for s in milestones.steps}
    assert MILESTONE_YEARS <= years
    assert [s.day for s in milestones.steps] == sorted(s.day for s in milestones.steps)
    for step in milestones.steps:
        assert step.caption and step.citations
        assert all(c.source_id in atlas.sources.index for c in step.citations)
        if step.place:
            assert step.place in atlas.places.index


def test_every_quote_from_a_seed_document_is_verbatim(milestones):
    quotes = [(c.source_id, c.quote) for s in milestones.steps for c in s.citations if c.source_id in SEED_FILE]
    assert len(quotes) >= 8
    for source_id, quote in quotes:
        assert quote, f"a caption citing the seed {source_id} quotes it"
        assert quote in _seed_text(source_id), f"{source_id}: {quote!r}"


def test_a_step_date_keeps_its_precision_and_the_map_shows_its_last_day(atlas, ids):
    text = _yaml(_step(ids, date="2015"), _step(ids, date="2018-09"), _step(ids, date=date(2019, 6, 14)),
                 _step(ids, date="today"))
    steps = story.parse_story(text, "t.yaml", atlas).steps
    assert [(s.date, s.day, s.precision) for s in steps[:3]] == [
        ("2015", date(2015, 12, 31), "year"), ("2018-09", date(2018, 9, 30), "month"),
        ("2019-06-14", date(2019, 6, 14), "day")]
    assert steps[3].day == date.today()


def test_a_step_carries_its_filters_view_and_citations(atlas, ids):
    text = _yaml(_step(ids, filters={"networks": [ids["network"]], "countries": ids["country"]}, center=[48.1, 11.6],
                       zoom=6, place=ids["place"], undated=True, note="A note.",
                       sources=[{"id": ids["source"], "quote": "  words\n quoted "}]))
    step = story.parse_story(text, "t.yaml", atlas).steps[0]
    assert step.filters == FilterState(networks=(ids["network"],), countries=(ids["country"],))
    assert (step.center, step.zoom, step.place, step.undated, step.note) == (
        (48.1, 11.6), 6, ids["place"], True, "A note.")
    assert step.citations == (story.Citation(ids["source"], "words quoted"),)


def test_json_reads_like_yaml(atlas, ids):
    data = {"title": "Test story", "steps": [_step(ids)]}
    assert (story.parse_story(json.dumps(data), "t.json", atlas).steps
            == story.parse_story(_yaml(_step(ids)), "t.yaml", atlas).steps)


@pytest.mark.parametrize("change,field,message", [
    ({"caption": None}, "caption", r"'caption' is missing"),
    ({"title": None}, "title", r"'title' is missing"),
    ({"date": None}, "date", r"'date' is missing"),
    ({"date": "14/06/2019"}, "date",
     r"should look like 2019, 2019-06 or 2019-06-14 \(or be 'today'\), got '14/06/2019'"),
    ({"date": "2019-02-30"}, "date", r"got '2019-02-30'"),
    ({"sources": None}, "sources", r"every caption cites at least one source"),
    ({"sources": [{"id": "no-such-source"}]}, "sources", r"unknown source 'no-such-source'"),
    ({"sources": [{"quote": "words"}]}, "sources", r"each source should be an id"),
    ({"filters": {"networks": ["seebrucke-safe-harbours"]}}, "filters.networks",
     r"unknown network 'seebrucke-safe-harbours': did you mean 'seebruecke-safe-harbours'\?"),
    ({"filters": {"countries": ["XX"]}}, "filters.countries", r"unknown country 'XX'"),
    ({"filters": {"labels": ["Sanctuary Town"]}}, "filters.labels", r"unknown label 'Sanctuary Town'"),
    ({"filters": {"policy_types": ["free_pizza"]}}, "filters.policy_types", r"unknown policy type 'free_pizza'"),
    ({"filters": {"network": ["iash"]}}, "filters.network", r"unknown filter 'network': use countries, networks"),
    ({"filters": ["iash"]}, "filters", r"'filters' should map"),
    ({"zoom": 25}, "zoom", r"whole number from 1 \(world\) to 18 \(street\), got 25"),
    ({"zoom": "near"}, "zoom", r"got 'near'"),
    ({"center": [95, 10]}, "center", r"\[latitude, longitude\]"),
    ({"center": "Berlin"}, "center", r"\[latitude, longitude\]"),
    ({"place": "xx-atlantis"}, "place", r"unknown place 'xx-atlantis'"),
    ({"zoom": 5}, "center", r"'center' and 'zoom' go together"),
    ({"center": [48.1, 11.6]}, "zoom", r"'center' and 'zoom' go together"),
    ({"center": [48.1, 11.6], "zoom": 99}, "zoom", r"got 99"),
    ({"caption": "word " * 120}, "caption", r"keep it under 400"),
    ({"captoin": "typo"}, "captoin", r"unknown field 'captoin': a step has caption, center, date"),
    ({"undated": "yes"}, "undated", r"'undated' should be true or false"),
])
def test_a_bad_step_is_reported_with_file_step_field_and_reason(atlas, ids, change, field, message):
    problems = _problems(_yaml(_step(ids), _step(ids, **change)), atlas, "bad.yaml")
    assert [(p.file, p.step, p.field) for p in problems] == [("bad.yaml", 2, field)]
    assert re.search(message, problems[0].message), problems[0].message
    assert str(problems[0]).startswith(f"bad.yaml, step 2, '{field}': ")


@pytest.mark.parametrize("text,name,message", [
    ("title: T\nsteps: [\n", "s.yaml", r"not valid YAML at line 3"),
    ('{"title": "T", "steps": [}', "s.json", r"not valid JSON at line 1, column 26"),
    ("- just\n- a list\n", "s.yaml", r"a story should be a mapping with 'title' and 'steps'"),
    ("title: T\nsteps: []\n", "s.yaml", r"'steps' should be a non-empty list"),
    ("title: T\n", "s.yaml", r"'steps' should be a non-empty list"),
    ("x" * (story.MAX_BYTES + 1), "s.yaml", r"should stay under 200,000"),
    (b"title: \xff\xfe\n", "s.yaml", r"not UTF-8"),
])
def test_a_broken_file_is_reported_on_the_story_itself(atlas, text, name, message):
    problems = _problems(text, atlas, name)
    assert problems[0].step == 0 and problems[0].file == name
    assert re.search(message, problems[0].message), problems[0].message


def test_every_problem_is_reported_at_once(atlas, ids):
    text = _yaml(_step(ids, date="someday"), _step(ids, zoom=0, caption=None), colour="blue")
    problems = _problems(text, atlas)
    assert {(p.step, p.field) for p in problems} == {(0, "colour"), (1, "date"), (2, "zoom"), (2, "caption")}
    assert "(and" not in str(story.StoryError(problems))


def test_bundled_stories_lists_good_and_bad_files_with_milestones_first(atlas, ids, tmp_path):
    (tmp_path / "a.yaml").write_text(_yaml(_step(ids, zoom=99)), encoding="utf-8")
    (tmp_path / "milestones.yaml").write_text(_yaml(_step(ids)), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a story", encoding="utf-8")
    found = story.bundled_stories(atlas, tmp_path)
    assert list(found) == ["milestones.yaml", "a.yaml"]
    assert isinstance(found["milestones.yaml"], story.Story)
    assert isinstance(found["a.yaml"], story.StoryError)


def test_the_caption_block_escapes_text_and_links_only_web_sources(atlas, ids, milestones):
    text = _yaml(_step(ids, title="<b>T</b>", caption="<script>alert(1)</script>", note="a & b",
                       sources=[{"id": ids["source"], "quote": '"<i>q</i>"'}]))
    step = story.parse_story(text, "t.yaml", atlas).steps[0]
    html = story_step.step_html(step, atlas, 1, 3, "4 places", story="<Story>")
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;T&lt;/b&gt;" in html
    assert "&lt;Story&gt;" in html and "a &amp; b" in html and "&lt;i&gt;q&lt;/i&gt;" in html
    assert "step 1 of 3" in html and "4 places" in html
    first = milestones.steps[0]
    url = atlas.sources.at[first.citations[0].source_id, "url"]
    assert f'href="{url}"' in story_step.step_html(first, atlas, 1, 1)


def test_where_names_the_filters(atlas, milestones):
    named = {s.title: story_step.where(s, atlas) for s in milestones.steps}
    assert named["Today"] == "all places"
    assert "United States" in named["San Francisco, the first sanctuary city"]
