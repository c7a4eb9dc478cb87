"""Hostile text for the escaping tests: payloads, an HTML checker, a place detail made of one payload."""
from __future__ import annotations

from dataclasses import fields
from html.parser import HTMLParser

from mapdata.render.panel import FactLine, PlaceDetail

# Payloads the loader lets through (no HTML markup): they must be shown as text wherever they appear.
TEXT = [
    "javascript:alert(1)",
    "';alert(1);//",
    "';window.__xss=1;//",
    '" onmouseover="alert(1)" x="',
    "[click](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "&lt;img src=x onerror=alert(1)&gt;",
    "&#60;svg onload=alert(1)&#62;",
    "{{constructor.constructor('alert(1)')()}}",
    "${alert(1)}",
    "\\u003cimg src=x onerror=alert(1)\\u003e",
    "$\\href{javascript:alert(1)}{x}$",
    ":red[x] :material/warning: <<>>",
    "javascript&colon;alert(1)",
    "x' onfocus='alert(1)' autofocus='",
    '" onmouseover="window.__xss=1" x="',
]
# Jinja syntax: branca renders every map element's output again as a template, on the server.
TEMPLATE = ["{{ 'inj' ~ 'ected' }}", "{% set x = 'inj' ~ 'ected' %}{{ x }}", "{# an unclosed comment",
            "{{ self.__init__.__globals__.__builtins__.__import__('os').getpid() }}", "{{{ }}} {%%} {##}"]
TEXT += TEMPLATE
URLS = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "//evil.example/x",
        'https://example.org/" onmouseover="alert(1)', "https://example.org/?q=';alert(1);//"]
# Payloads with markup: the loader leaves their rows out and lists them in its report (shown on the page too).
MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<svg onload=alert(1)>",
          "</script><script>alert(1)</script>", "<iframe src=javascript:alert(1)>", "<a href=javascript:alert(1)>x</a>"]


class Html(HTMLParser):
    """Tags, attributes and text of an HTML fragment."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def safe(html: str) -> Html:
    """Parse and check: only the builder's own tags, no handlers, links only to http(s)."""
    parsed = Html(html)
    for tag, attrs in parsed.tags:
        assert tag in {"style", "div", "h3", "h4", "span", "b", "i", "blockquote", "a", "p", "details",
                       "summary"}, (tag, attrs)
        assert not [a for a in attrs if a.startswith("on") or a in ("src", "srcdoc", "style", "autofocus")], attrs
        if tag == "a":
            assert attrs["href"].startswith(("http://", "https://")), attrs
    return parsed


def detail_of(payload: str, url: str) -> PlaceDetail:
    line = FactLine(**{f.name: payload for f in fields(FactLine)})
    line.source_url, line.status, line.outcome = url, "verified", "rejected"
    detail = PlaceDetail(**{f.name: payload for f in fields(PlaceDetail) if f.type == "str"})
    detail.declarations, detail.memberships, detail.policies = [line], [line], {payload: [line]}
    return detail
