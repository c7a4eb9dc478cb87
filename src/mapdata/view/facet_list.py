"""The four list filters of a view, once: the FilterState field, the link key, the word for one value, the
label a reader sees, the ids an atlas knows and how one reads. The link, stories, the sidebar and the words of a
citation all iterate this list."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mapdata.atlas.model import Atlas
from mapdata.geo.countries import country_name


@dataclass(frozen=True)
class Facet:
    """One list filter (OR within it, AND across facets)."""

    field: str  # of FilterState
    url_key: str  # in a link: ?country=IT,DE
    noun: str  # one value, in messages: "unknown network 'x'"
    label: str  # the sidebar's label
    cited_as: str  # before its values in a citation: "network: Safe Harbours"
    ids_from: str  # where a story writer finds the ids
    known: Callable[[Atlas], set[str]]  # the ids an atlas knows
    name: Callable[[Atlas, str], str]  # an id as people read it

    @property
    def widget_key(self) -> str:
        """The sidebar widget's session key."""
        return f"w_{self.field}"


def _terms(atlas: Atlas, vocabulary: str) -> set[str]:
    vocab = atlas.vocabularies
    return set(vocab.loc[vocab["vocabulary"] == vocabulary, "term"])


FACETS = (
    Facet("countries", "country", "country", "Country", "", "ISO 3166 alpha-2 codes",
          lambda a: set(a.places["country_code"]), lambda a, c: country_name(c)),
    Facet("networks", "network", "network", "Network or list", "network: ", "data/networks.csv",
          lambda a: set(a.networks.index), lambda a, n: a.networks["short_name"].get(n, n)),
    Facet("labels", "label", "label", "Declaration", "declaration: ", "data/vocabularies.csv",
          lambda a: _terms(a, "label") | set(a.declarations["label"]), lambda a, t: t),
    Facet("policy_types", "policy", "policy type", "Policy type", "policy: ", "data/vocabularies.csv",
          lambda a: _terms(a, "policy_type"), lambda a, t: a.label("policy_type", t)),
)
