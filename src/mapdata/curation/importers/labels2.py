"""Round 2 (`list2_*.csv`): what a row does beyond a `Spec`, the helpers the label tables use, the new networks.

The tables themselves are `labels2_eu.py` (Europe) and `labels2_na.py` (North America); each maps every
`network_or_label` value of a file on purpose, and an unknown value raises `KeyError`, as in `labels.py`.
"""
from __future__ import annotations

from dataclasses import dataclass

from mapdata.curation.importers.labels import Spec, declared, member, policy

NONCOOP = "non_cooperation_with_enforcement"
ICORN, ICC, WA, C4A = "icorn", "intercultural-cities", "welcoming-america", "cities-for-action"
COMMUNES = "communes-hospitalieres"
DOJ_OIG_2016, DOJ_LETTERS_2017 = "us-doj-oig-2016", "us-doj-1373-letters-2017"
ICE_DDOR_2017, DHS_2025, TX_GOVERNOR_2015 = "us-ice-ddor-2017", "us-dhs-sanctuary-2025", "tx-governor-letter-2015"


@dataclass(frozen=True)
class Spec2(Spec):
    """A `Spec` that also says what the row does to other facts.

    `ends` is `exit` (the row's date is the end of the membership, `end_reason` says why), `local` (a
    reversal: the row ends the place's earlier non-cooperation policies) or `state` (a pre-emption law: it
    ends the earlier non-cooperation policies of the state's localities)."""

    end_reason: str = ""
    ends: str = ""


def titled(label: str, title: str, outcome: str = "adopted", body: str = "council") -> Spec:
    """A declaration with the title the source gives it."""
    return Spec("declaration", label=label, body=body, outcome=outcome, title=title)


def noncoop(title: str, outcome: str = "adopted") -> Spec:
    """A limit on cooperation with immigration enforcement (detainers, status questions, data sharing)."""
    return policy(NONCOOP, title, outcome)


def designated(network_id: str) -> Spec:
    """A place named on a third party's list (a designation network): never a self-declaration."""
    return member(network_id, "designated")


def exited(network_id: str, reason: str = "left") -> Spec2:
    """The end of a membership: the row's date (if any) is the `end`, its start is unknown."""
    return Spec2("membership", network_id=network_id, role="member", end_reason=reason, ends="exit")


def reversal(title: str) -> Spec2:
    """A place's own reversal: a documented gap (`absent`) that ends its earlier non-cooperation policies."""
    return Spec2("policy", policy_type=NONCOOP, title=title, outcome="absent", ends="local")


def preemption(title: str) -> Spec2:
    """A state law that forbids local sanctuary policies: a gap (`absent`) on the state, ending local policies."""
    return Spec2("policy", policy_type=NONCOOP, title=title, outcome="absent", ends="state")


def replaces(title: str) -> Spec2:
    """A new (weaker) policy of the place that replaces its earlier non-cooperation policy."""
    return Spec2("policy", policy_type=NONCOOP, title=title, outcome="adopted", ends="local")


SH, WTA, COS, SC, COR = "Safe Harbour", "Willing to Admit", "City of Sanctuary", "Sanctuary City", "City of Refuge"
__all__ = ["Spec", "Spec2", "declared", "member", "policy", "titled", "noncoop", "designated", "exited",
           "reversal", "preemption", "replaces", "SH", "WTA", "COS", "SC", "COR"]

# Networks the round 2 lists need (kind as the vocabulary allows); `source_id` is a URL the lists cite.
NETWORKS2 = [
    dict(network_id=COMMUNES, name="Communes hospitalières (Belgium)", short_name="Commune hospitalière",
         kind="campaign", scope="national", founded="2017",
         description="Belgian campaign asking communes to adopt the 'Commune hospitalière' motion; Liège was the "
         "ninth commune to adopt it, on 27 November 2017 (Point d'appui). A commune that adopted the motion is a "
         "signatory, one named among the first communes is listed",
         url="http://pointdappui.be/liege-neuvieme-commune-hospitaliere-de-belgique/",
         source_id="http://pointdappui.be/liege-neuvieme-commune-hospitaliere-de-belgique/"),
    dict(network_id=C4A, name="Cities for Action (Cities United for Immigration Action)",
         short_name="Cities for Action", kind="network", scope="national", founded="2014",
         description="Coalition of US mayors formed in 2014 (25 mayors named at its launch, CNN 2014-12-01) in "
         "support of federal executive action on immigration; over 150 cities and counties in 2021 (Cities for "
         "Action): a mayors' coalition, not council decisions",
         url="https://www.citiesforaction.us", source_id="https://www.cnn.com/2014/12/01/politics/mayors-immigration/"),
    dict(network_id=DOJ_OIG_2016, name="US Justice Department Inspector General memo on 8 U.S.C. 1373 (2016)",
         short_name="DOJ OIG memo 2016", kind="designation", scope="national", founded="2016-05-31",
         description="Memo of 31 May 2016 analysing ten state and local jurisdictions (grant recipients, drawn from "
         "the Center for Immigration Studies' list) for compliance with 8 U.S.C. 1373: an adversarial federal "
         "list, not a self-declaration",
         url="https://menrec.com/previously-hidden-report-confirms-sanctuary-cities-defy-federal-laws/",
         source_id="https://menrec.com/previously-hidden-report-confirms-sanctuary-cities-defy-federal-laws/"),
    dict(network_id=DOJ_LETTERS_2017, name="US Justice Department letters to 29 jurisdictions on 8 U.S.C. 1373 "
         "(2017)", short_name="DOJ letters 2017", kind="designation", scope="national", founded="2017-11-15",
         description="Letters of 15 November 2017 to 29 jurisdictions 'preliminarily found to have laws, policies, "
         "or practices that may violate 8 U.S.C. 1373': an adversarial federal list, not a self-declaration",
         url="http://www.msnewsnow.com/story/36854317/us-justice-dept-accuses-jackson-of-possible-immigration-rules-"
         "violations",
         source_id="http://www.msnewsnow.com/story/36854317/us-justice-dept-accuses-jackson-of-possible-immigration-"
         "rules-violations"),
    dict(network_id=ICE_DDOR_2017, name="ICE Declined Detainer Outcome Reports (2017)", short_name="ICE DDOR 2017",
         kind="designation", scope="national", founded="2017-03-20",
         description="Weekly ICE reports naming jurisdictions that declined immigration detainers; the first was "
         "released on 20 March 2017, the series was suspended on 13 April 2017 (aila.org, as the list's notes say): "
         "an adversarial federal list, not a self-declaration",
         url="http://kut.org/post/travis-county-tops-ice-list-jurisdictions-declining-immigration-detainers",
         source_id="http://kut.org/post/travis-county-tops-ice-list-jurisdictions-declining-immigration-detainers"),
    dict(network_id=DHS_2025, name="US Homeland Security 'sanctuary jurisdictions' list (2025)",
         short_name="DHS list 2025", kind="designation", scope="national", founded="2025-05-29",
         description="List of over 500 jurisdictions in 36 states published on 29 May 2025 and taken down by 1 June "
         "2025; it named places that cooperate with ICE (teleSUR 2025-06-03). Distinct from the Justice "
         "Department list of 2025-08-05: an adversarial federal list, not a self-declaration",
         url="https://www.telesurenglish.net/u-s-government-removes-sanctuary-jurisdiction-list-after-including-"
         "trump-aligned-cities",
         source_id="https://www.telesurenglish.net/u-s-government-removes-sanctuary-jurisdiction-list-after-"
         "including-trump-aligned-cities"),
    dict(network_id=TX_GOVERNOR_2015, name="Texas Governor's letter accusing the Dallas County Sheriff of "
         "'sanctuary city' policies (2015)", short_name="Texas governor's letter 2015", kind="designation",
         scope="regional", founded="2015-10-26",
         description="Letter of Governor Greg Abbott of 26 October 2015 threatening state funds: a third party's "
         "accusation, not a self-declaration",
         url="https://www.dallasobserver.com/dallas/Print?oid=7747169",
         source_id="https://www.dallasobserver.com/dallas/Print?oid=7747169"),
]
# When a designation list itself ended (the end of every membership of it): (date, why).
DESIGNATION_ENDS = {
    ICE_DDOR_2017: ("2017-04-13", "the weekly reports were suspended on 2017-04-13 (aila.org, as the list's notes "
                                  "say)"),
    DHS_2025: ("2025-06-01", "the DHS list was taken down by 2025-06-01 (visaverge.com, as the row says)"),
}
