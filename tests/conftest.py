"""Shared fixtures: the bundled atlas, a running app on a free loopback port, and Debian's Chromium."""
from __future__ import annotations

import pytest

from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, start_app, stop_app
from small_atlas import write_small_atlas


@pytest.fixture(scope="session")
def atlas():
    from mapdata import load_atlas
    return load_atlas(ROOT / "data")


@pytest.fixture(scope="session")
def app_url():
    (ROOT / ".pytest_cache").mkdir(exist_ok=True)
    proc, url = start_app()
    yield url
    stop_app(proc)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright drives Debian's Chromium (playwright install cannot download here)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def external_requests(page):
    """Every request the page makes to a host that is not this machine."""
    from urllib.parse import urlparse
    seen: list[str] = []
    page.on("request", lambda r: (urlparse(r.url).hostname or "localhost") not in ("127.0.0.1", "localhost")
            and not r.url.startswith(("data:", "blob:", "about:")) and seen.append(r.url))
    return seen




@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The small atlas of `small_atlas.py`, written and loaded once per module."""
    return write_small_atlas(tmp_path_factory.mktemp("data"))
