"""HTML from Jinja templates (`render/templates/`), autoescaped: text from data or users never becomes markup."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from mapdata.render.css import style

LINK_SCHEMES = ("http://", "https://")  # the only addresses that become links


def linkable(url: str) -> bool:
    """True for an http(s) address: any other scheme (javascript:, data:, file:) is printed, never linked."""
    return str(url).startswith(LINK_SCHEMES)


@cache
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.tests["linkable"] = linkable
    env.globals["style"] = lambda name: Markup(style(name))
    return env


def render(template: str, **context) -> str:
    """`templates/<template>` filled with `context`, every value escaped."""
    return _environment().get_template(template).render(**context).strip()
