"""Injection: OWASP payloads in every text field of the data, of an upload and of the link never run.

Unit tests check the HTML builders; browser tests (Debian Chromium) run the app on a data package whose every
text field holds a payload and visit every page: no dialog opens, no payload's marker is set, no element
carries an injected handler or a javascript: link, no request leaves the machine.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote, urlencode

import pandas as pd
import pytest

from helpers import MAP_FRAME, ROOT, click_place, map_frame, start_app
from mapdata import load_atlas
from mapdata.atlas.schema import DESCRIPTOR, resources
from mapdata.render.panel import panel_html
from payloads import MARKUP, TEMPLATE, TEXT, URLS, detail_of, safe

# ---- unit: the HTML the app builds from data ------------------------------------------------------------

@pytest.mark.parametrize("payload", TEXT + MARKUP)
def test_the_place_panel_shows_every_field_as_text(payload):
    parsed = safe(panel_html(detail_of(payload, "https://example.org/source")))
    text = "".join(parsed.text)
    assert text.count(payload) >= 1 + 3 * 4  # the name; heading, detail, quote and note of each of 3 facts
    assert [a["href"] for t, a in parsed.tags if t == "a"] == ["https://example.org/source"] * 3


@pytest.mark.parametrize("url", URLS + [" javascript:alert(1)", "\x01javascript:alert(1)", "HTTPS://EXAMPLE.ORG"])
def test_a_source_url_is_a_link_only_when_it_is_http(url):
    parsed = safe(panel_html(detail_of("Source title", url)))
    links = [a["href"] for t, a in parsed.tags if t == "a"]
    assert links == ([url] * 3 if url.startswith(("http://", "https://")) else [])


def test_the_map_payload_cannot_close_its_script():
    from mapdata.render.mapview import payload_json
    text = payload_json({"places": [[0, 0, 0, -1, MARKUP[3], -1, 0, 0, 0]]})
    assert "</" not in text and json.loads(text.replace("<\\/", "</"))["places"][0][4] == MARKUP[3]


# ---- a data package whose every text field holds a payload ----------------------------------------------

IDS = {"cities": "de-xss-{}", "networks": "xss-net-{}", "sources": "xss-src-{}"}
N_PLACES, N_NETWORKS, N_SOURCES = len(TEXT), 4, len(URLS)


def _value(table: str, field, i: int, text: list[str] = TEXT) -> str:
    """A valid value for a constrained field, a payload for free text."""
    name = field.name
    if table in IDS and name == resources()[table].columns[0]:
        return IDS[table].format(i)
    refs = {"city_id": ("cities", N_PLACES), "network_id": ("networks", N_NETWORKS),
            "source_id": ("sources", N_SOURCES)}
    if name in refs:
        return IDS[refs[name][0]].format(i % refs[name][1])
    if field.enum:
        return "adopted" if name == "outcome" else field.enum[i % len(field.enum)]
    if field.pattern and "\\d{4}" in field.pattern:
        return "" if name == "end" or i % 5 == 4 else f"{2010 + i % 12}-{1 + i % 12:02d}"
    if name == "country_code":
        return "DE"
    if name in ("lat", "lon"):
        return f"{49 + (i % 6) * 0.6:.3f}" if name == "lat" else f"{7.5 + (i // 6) * 1.5:.3f}"
    if field.type in ("integer", "number"):
        return str(1000 + i)
    if name == "url":
        return URLS[i % len(URLS)]
    return text[(i + len(name)) % len(text)]


def write_xss_package(dest: Path, text: list[str] = TEXT) -> Path:
    """The project's data package layout, every text field a payload; plus rows with markup, which are left out."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "data" / DESCRIPTOR, dest)
    shutil.copy(ROOT / "data" / "vocabularies.csv", dest)
    shutil.copytree(ROOT / "data" / "templates", dest / "templates", dirs_exist_ok=True)
    counts = {"cities": N_PLACES, "networks": N_NETWORKS, "sources": N_SOURCES}
    for table, res in resources().items():
        if table == "vocabularies":
            continue
        rows = [{f.name: _value(table, f, i, text) for f in res.fields} for i in range(counts.get(table, 2 * N_PLACES))]
        if table == "memberships":  # each place in two networks, so networks overlap
            rows = [{**r, "network_id": IDS["networks"].format((i + i // N_PLACES) % N_NETWORKS)}
                    for i, r in enumerate(rows)]
        for j, payload in enumerate(MARKUP):  # left out by the loader, listed in its report
            bad = {f.name: _value(table, f, j) for f in res.fields}
            free = [f.name for f in res.fields if bad[f.name] in TEXT]
            if free:
                rows.append({**bad, free[0]: payload, **({res.columns[0]: f"{bad[res.columns[0]]}-markup"}
                                                          if table in IDS else {})})
        pd.DataFrame(rows, columns=res.columns).to_csv(dest / res.path, index=False)
    stories = dest / "stories"
    stories.mkdir(exist_ok=True)
    steps = [{"title": text[i], "date": "2019", "caption": " ".join(text[:8])[:399], "note": text[i + 1],
              "sources": [{"id": IDS["sources"].format(i), "quote": text[i + 2]}],
              "filters": {"networks": [IDS["networks"].format(i)]}, "place": IDS["cities"].format(i)} for i in range(2)]
    (stories / "milestones.json").write_text(json.dumps({"title": text[4], "description": text[3], "steps": steps}))
    return dest


@pytest.fixture(scope="module")
def xss_package(tmp_path_factory) -> Path:
    return write_xss_package(tmp_path_factory.mktemp("xss") / "data")


def test_the_xss_package_loads_its_payloads_and_leaves_markup_out(xss_package):
    atlas = load_atlas(xss_package)
    assert len(atlas.places) == N_PLACES and len(atlas.networks) == N_NETWORKS and len(atlas.sources) == N_SOURCES
    assert set(TEXT) <= set(atlas.places["name"]) | set(atlas.places["admin1"])
    markup = [p for p in atlas.problems if p.type == "markup"]
    assert {p.value for p in markup} == set(MARKUP)
    assert not [p for p in atlas.problems if p.severity == "error" and p.type not in ("markup", "reference")]


def test_template_syntax_in_data_is_printed_not_run(tmp_path):
    """branca renders every map element's output again as a Jinja template: data must not reach it as code."""
    from mapdata.export.registry import export
    from mapdata.export.timeline import standalone_html
    from mapdata.render.mapview import build_map, jinja_literal
    from mapdata.render.presenter import Playback
    from mapdata.view.query import FilterState, select
    atlas = load_atlas(write_xss_package(tmp_path / "data", TEMPLATE))
    assert set(TEMPLATE) <= set(atlas.places["name"])
    view = select(atlas, FilterState())
    every_network = select(atlas, FilterState(networks=tuple(atlas.networks.index)))
    pages = [build_map(view, atlas).get_root().render(), export("html", view, atlas).data.decode(),
             standalone_html(every_network, atlas, Playback(2010, 2020))]
    for html in pages:
        assert "injected" not in html
    for name in TEMPLATE:  # the map's data holds every name as written
        assert jinja_literal(json.dumps(name, ensure_ascii=False)[1:-1], js=True) in pages[0]


# ---- in Chromium: the app on that package, every page, every link parameter, an upload, the exports -----

CREDITS = "Sources, licence and how to read this map"  # the credits end every page: the page has run
PAGES = re.findall(r'url_path="([\w-]+)"', (ROOT / "app.py").read_text(encoding="utf-8"))
SCAN = """() => {
  const bad = [], risky = v => /^(javascript|vbscript|data:text\\/html)/i.test(v.replace(/[\\u0000-\\u0020]/g, ''));
  for (const el of document.querySelectorAll('*')) for (const a of el.attributes) {
    const name = a.name.toLowerCase();
    if (name.startsWith('on') && /alert|__xss/.test(a.value)) bad.push(`${el.tagName} ${name}=${a.value}`);
    if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name) && risky(a.value)
        && a.value !== 'javascript:void(0)') bad.push(`${el.tagName} ${name}=${a.value}`);
  }
  return {bad, marker: !!window.__xss};
}"""


@pytest.fixture(scope="module")
def xss_app(xss_package):
    """The app serving the payload package (a second server: MAPDATA_DIR)."""
    (ROOT / ".pytest_cache").mkdir(exist_ok=True)
    proc, url = start_app(env={"MAPDATA_DIR": str(xss_package)})
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def dialogs(page) -> list[str]:
    """Every alert, confirm or prompt any frame of the page opens."""
    opened: list[str] = []
    page.on("dialog", lambda d: (opened.append(d.message), d.dismiss()))
    return opened


def _visit(page, url: str) -> None:
    page.goto(url)
    _settle(page)


def _settle(page) -> None:
    """Wait until the page has run to its end and its map, if any, has drawn."""
    page.locator("h1").first.wait_for(timeout=60000)
    page.get_by_text(CREDITS).wait_for(timeout=60000)
    if page.locator(MAP_FRAME).count():
        map_frame(page)


def _assert_inert(page, dialogs, external_requests) -> None:
    for frame in page.frames:
        assert frame.evaluate(SCAN) == {"bad": [], "marker": False}, frame.url
    assert dialogs == []
    assert external_requests == []  # no image or script from the data was fetched


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_on_any_page(page, xss_app, path, dialogs, external_requests):
    _visit(page, f"{xss_app}/{path}?place={IDS['cities'].format(0)}")
    _assert_inert(page, dialogs, external_requests)


@pytest.mark.browser
def test_the_place_panel_and_every_tooltip_show_names_as_written(page, xss_app, xss_package, dialogs,
                                                                  external_requests):
    from mapdata.render.mapview import tooltips
    from mapdata.view.query import FilterState, select
    atlas = load_atlas(xss_package)
    expected = tooltips(select(atlas, FilterState()).places)
    for i in range(0, N_PLACES, 4):  # a few panels (every name is checked in the tooltips below)
        city = IDS["cities"].format(i)
        _visit(page, f"{xss_app}/?place={city}")
        assert page.locator(".sc-panel h3").inner_text() == atlas.places.at[city, "name"]
    shown = _layer(page).evaluate("""() => window.solidarityAtlas.markers.map(m => {
        const tip = m.getTooltip();
        window.solidarityAtlas.map.openTooltip(tip, m.getLatLng());
        const el = tip.getElement(), out = [el.childElementCount, el.textContent];
        window.solidarityAtlas.map.closeTooltip(tip);
        return out; })""")
    assert sorted(shown) == sorted([0, text] for text in expected.values())
    _assert_inert(page, dialogs, external_requests)


@pytest.mark.browser
def test_clicking_a_place_named_like_html_opens_its_panel(page, xss_app, xss_package):
    from mapdata.render.mapview import tooltips
    from mapdata.view.query import FilterState, select
    atlas = load_atlas(xss_package)
    city = atlas.places.index[atlas.places["name"] == "&lt;img src=x onerror=alert(1)&gt;"][0]
    tip = tooltips(select(atlas, FilterState()).places)[city]
    _visit(page, xss_app)
    click_place(page, tip, atlas.places.at[city, "lat"], atlas.places.at[city, "lon"])
    heading = page.locator(".sc-panel h3")
    heading.wait_for(timeout=30000)
    assert heading.inner_text() == atlas.places.at[city, "name"]


@pytest.mark.browser
def test_no_payload_runs_in_a_story(page, xss_app, dialogs, external_requests):
    _visit(page, f"{xss_app}/present")
    page.get_by_text("Story", exact=True).click()
    step = page.locator(".sc-story")
    step.wait_for(timeout=60000)
    assert TEXT[0] in step.inner_text()  # the first step's title, as text
    map_frame(page)
    _assert_inert(page, dialogs, external_requests)


def _layer(page):
    """The map iframe's frame, once its layer exists."""
    page.wait_for_function("sel => { const f = document.querySelector(sel); return !!(f && f.contentWindow "
                           "&& f.contentWindow.solidarityAtlas && f.contentWindow.solidarityAtlas.map); }",
                           arg=MAP_FRAME, timeout=60000)
    return page.locator(MAP_FRAME).element_handle().content_frame()


@pytest.mark.browser
def test_no_payload_runs_from_the_link(page, xss_app, dialogs, external_requests):
    image, link = "![x](https://evil.example/x.png)", "[click](javascript:alert(1))"
    params = {"country": image, "network": link, "label": "$\\href{javascript:alert(1)}{x}$", "policy": MARKUP[1],
              "verified": MARKUP[0], "date": TEXT[2], "color": "{{ 'inj' ~ 'ected' }}", "place": "../../etc/passwd",
              "lat": "javascript:alert(1)", "lon": "1e999", "zoom": "NaN", **{p: p for p in [*TEXT[:6], *MARKUP[:3]]}}
    for path in PAGES:
        page.goto(f"{xss_app}/{path}?{urlencode(params)}")
        if path == PAGES[0]:  # the notices show what the link held, as text (they close by themselves)
            for value in (image, link):
                page.locator("[data-testid='stToast']").filter(has_text=value).wait_for(timeout=60000)
            assert page.frames[0].evaluate(SCAN) == {"bad": [], "marker": False}
        _settle(page)
        _assert_inert(page, dialogs, external_requests)


@pytest.mark.browser
def test_no_payload_runs_from_an_upload(page, xss_app, tmp_path, dialogs, external_requests):
    rows = [{"place": text, "country": "DE", "lat": 50 + i / 10, "lon": 9 + i / 10, "date": "2020",
             "network_or_label": "Safe Harbour", "source": URLS[i % len(URLS)], "title": text, "quote": text,
             "note": text, TEXT[4]: text} for i, text in enumerate(TEXT + MARKUP)]
    file = tmp_path / f"{quote(TEXT[3], safe='')}.csv"
    pd.DataFrame(rows).to_csv(file, index=False)
    _visit(page, xss_app)
    page.get_by_role("link", name="Your data").click()
    page.locator("input[type=file]").set_input_files(file)
    page.get_by_text(f"{len(MARKUP)} rejected").wait_for(timeout=60000)
    _assert_inert(page, dialogs, external_requests)
    page.get_by_text("Alone", exact=True).click()
    page.get_by_text("on the atlas for this session (alone)").wait_for(timeout=30000)
    page.get_by_role("link", name="Open the atlas").click()
    frame = map_frame(page)
    assert int(frame.locator(".sc-count").get_attribute("data-places")) == len(TEXT)
    _assert_inert(page, dialogs, external_requests)


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["map", "timeline"])
def test_no_payload_runs_in_an_exported_page(page, xss_package, tmp_path, kind, dialogs, external_requests):
    from mapdata.export.registry import export
    from mapdata.export.timeline import standalone_html
    from mapdata.render.presenter import Playback
    from mapdata.view.query import FilterState, select
    atlas = load_atlas(xss_package)
    view = select(atlas, FilterState(networks=tuple(atlas.networks.index)))
    html = (export("html", view, atlas).data if kind == "map"
            else standalone_html(view, atlas, Playback(2010, 2020)).encode())
    path = tmp_path / "export.html"
    path.write_bytes(html)
    page.goto(path.as_uri())
    page.locator(".sc-count").wait_for(timeout=30000)
    _assert_inert(page, dialogs, external_requests)
