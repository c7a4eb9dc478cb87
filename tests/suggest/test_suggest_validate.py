"""Validation of a suggestion with the package's own rules."""
from __future__ import annotations

import pytest
from suggest_cases import DECLARATION, MEMBERSHIP, POLICY, XSS

from mapdata.suggest.models import FIELDS
from mapdata.suggest.validate import validate, vocabularies


@pytest.mark.parametrize("good", [MEMBERSHIP, DECLARATION, POLICY])
def test_good_suggestions_pass(good):
    values, errors = validate(good, {"seebruecke-safe-harbours"})
    assert errors == {}
    assert values["place"] == good["place"]


def test_vocabularies_come_from_the_package():
    terms = vocabularies()
    assert "Safe Harbour" in terms["label"] and "municipal_id" in terms["policy_type"]
    assert "absent" in terms["outcome:policy"] and "absent" not in terms["outcome:declaration"]


@pytest.mark.parametrize("change,field", [
    ({"fact": "rumour"}, "fact"),
    ({"label": "Safe Haven"}, "label"),
    ({"body": "king"}, "body"),
    ({"outcome": "absent"}, "outcome"),
    ({"date": "2019-02-30"}, "date"),
    ({"date": "2019/06"}, "date"),
    ({"date": "June 2019"}, "date"),
    ({"source_url": ""}, "source_url"),
    ({"source_url": "javascript:alert(1)"}, "source_url"),
    ({"source_url": "ftp://example.org/x"}, "source_url"),
    ({"contact": "not an address"}, "contact"),
    ({"place": ""}, "place"),
    ({"country_code": "Germany"}, "country_code"),
    ({"country_code": ""}, "country_code"),
    ({"quote": "x" * 1001}, "quote"),
    ({"note": "x" * 2001}, "note"),
])
def test_each_rule_names_its_field(change, field):
    _, errors = validate({**DECLARATION, **change})
    assert field in errors


def test_a_membership_names_a_network_of_the_atlas():
    assert "network_id" in validate({**MEMBERSHIP, "network_id": "nope"}, {"seebruecke-safe-harbours"})[1]
    assert "network_id" in validate({**MEMBERSHIP, "network_id": ""})[1]
    assert "role" in validate({**MEMBERSHIP, "role": "king"})[1]


def test_a_policy_ends_after_it_starts():
    assert "end" in validate({**POLICY, "end": "2017"})[1]
    assert validate({**POLICY, "end": "2018-10"})[1] == {}


@pytest.mark.parametrize("payload", XSS)
@pytest.mark.parametrize("field", [f for f in FIELDS if f not in ("country_code", "date", "end", "fact")])
def test_markup_is_refused_in_every_text_field(field, payload):
    _, errors = validate({**POLICY, field: payload})
    assert field in errors


def test_text_is_cleaned_and_fields_of_another_kind_dropped():
    values, errors = validate({**DECLARATION, "place": " Palermo\x00 ", "country_code": "it", "role": "member",
                               "policy_type": "housing", "unknown": "x"})
    assert errors == {} and values["place"] == "Palermo" and values["country_code"] == "IT"
    assert values["role"] == "" and values["policy_type"] == "" and "unknown" not in values
