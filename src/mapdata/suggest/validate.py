"""A suggestion checked with the data package's own rules before it is stored: vocabularies from
`data/datapackage.json`, partial ISO dates, an http(s) source, capped lengths, no HTML markup."""
from __future__ import annotations

import re
import unicodedata

from mapdata.atlas.schema import vocabulary
from mapdata.dates import FORMAT_HINT, first_day, is_partial_date, last_day
from mapdata.suggest.models import FIELDS

FACTS = ("membership", "declaration", "policy")
_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|&#?\w+;")  # tags, comments and entities: text stays plain
_URL = re.compile(r"^https?://[^\s/$.?#][^\s<>\"']*$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
KEEP = {"membership": {"network_id", "role", "end"}, "declaration": {"label", "body", "outcome"},
        "policy": {"policy_type", "title", "outcome", "end"}}


def vocabularies() -> dict[str, tuple[str, ...]]:
    """The terms each field takes (outcome per fact kind)."""
    return {
        "role": vocabulary("memberships", "role"),
        "label": vocabulary("declarations", "label"),
        "body": vocabulary("declarations", "body"),
        "policy_type": vocabulary("policies", "policy_type"),
        "outcome:declaration": vocabulary("declarations", "outcome"),
        "outcome:policy": vocabulary("policies", "outcome"),
    }


def clean(values: dict) -> dict[str, str]:
    """Every known field as stripped text (control characters dropped, NFC); unknown keys ignored."""
    out = {}
    for name in FIELDS:
        text = values.get(name)
        text = "" if text is None else str(text)
        text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
        out[name] = unicodedata.normalize("NFC", text).strip()
    out["country_code"] = out["country_code"].upper()
    return out


def validate(values: dict, networks: set[str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """(the cleaned values, {field: error}); an empty error dict means the suggestion may be stored.

    `networks`: the network ids of the package (a membership must name one); None skips that check."""
    v = clean(values)
    errors: dict[str, str] = {}
    for name, cap in FIELDS.items():
        if len(v[name]) > cap:
            errors[name] = f"at most {cap} characters (this has {len(v[name])})"
        elif _MARKUP.search(v[name]):
            errors[name] = "plain text only: no HTML tags or entities"
    if not v["place"]:
        errors.setdefault("place", "name the place")
    if v["country_code"] and not _COUNTRY.match(v["country_code"]):
        errors.setdefault("country_code", "an ISO 3166-1 alpha-2 code, e.g. DE or GB")
    if not v["city_id"] and not v["country_code"]:
        errors.setdefault("country_code", "a new place needs its country (ISO code, e.g. DE)")
    terms = vocabularies()
    fact = v["fact"]
    for name in set().union(*KEEP.values()) - KEEP.get(fact, set()):
        v[name] = ""  # a field of another kind of fact is not this one's
    if fact not in FACTS:
        errors.setdefault("fact", f"one of {', '.join(FACTS)}")
    elif fact == "membership":
        if not v["network_id"]:
            errors.setdefault("network_id", "choose the network")
        elif networks is not None and v["network_id"] not in networks:
            errors.setdefault("network_id", "not a network of the atlas")
        _term(v, errors, "role", terms["role"])
    elif fact == "declaration":
        if not v["label"]:
            errors.setdefault("label", "choose the label")
        _term(v, errors, "label", terms["label"])
        _term(v, errors, "body", terms["body"])
        _term(v, errors, "outcome", terms["outcome:declaration"])
    else:
        if not v["policy_type"]:
            errors.setdefault("policy_type", "choose the policy type")
        _term(v, errors, "policy_type", terms["policy_type"])
        _term(v, errors, "outcome", terms["outcome:policy"])
    for name in ("date", "end"):
        if v[name] and not is_partial_date(v[name]):
            errors.setdefault(name, f"a date at the source's precision: {FORMAT_HINT}")
    if is_partial_date(v["date"]) and is_partial_date(v["end"]) and last_day(v["end"]) < first_day(v["date"]):
        errors.setdefault("end", "ends before it starts")
    if not v["source_url"]:
        errors.setdefault("source_url", "a source is required: the address of the page or document")
    elif not _URL.match(v["source_url"]):
        errors.setdefault("source_url", "an http:// or https:// address")
    if v["contact"] and not _EMAIL.match(v["contact"]):
        errors.setdefault("contact", "an e-mail address, or leave it empty")
    return v, errors


def _term(v: dict, errors: dict, name: str, allowed: tuple[str, ...]) -> None:
    if v[name] and v[name] not in allowed:
        errors.setdefault(name, f"one of the package's terms: {', '.join(allowed)}")
