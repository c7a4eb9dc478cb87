"""Round 2, North America: each `network_or_label` value of the `list2_*.csv` files, mapped on purpose.

`self-declared (...)`: the jurisdiction's own act (a non-cooperation policy, or a declaration where it takes a
label); `hostile designation (...)`: a `designated` membership of the list's own designation network, never a
self-declaration; `pre-emption (...)`: a state law forbidding local sanctuary policies, a documented gap
(`absent`) on the state that ends the earlier local policies of that state; `ended (...)`: a reversal, a gap
that ends the place's own earlier policy; "considered, not adopted" is `proposed`, "not adopted" and "declined"
are `rejected`. `NOT immigration` rows are left out: `()`.
"""
from __future__ import annotations

from mapdata.curation.importers.labels2 import (
    C4A,
    DHS_2025,
    DOJ_LETTERS_2017,
    DOJ_OIG_2016,
    ICC,
    ICE_DDOR_2017,
    NONCOOP,
    SC,
    TX_GOVERNOR_2015,
    WA,
    declared,
    designated,
    member,
    noncoop,
    policy,
    preemption,
    replaces,
    reversal,
    titled,
)

_WELCOMING_AMENDMENT = "Welcoming City Ordinance amendment barring cooperation with ICE detainers"
_NC_POLICY = "Sanctuary-type policy: officials not to ask immigration status"
_OHIO = "Declared a sanctuary by city officials (as reported)"
_EO85 = "Mayoral Executive Order 85-1 (Harold Washington): no cooperation with federal immigration officers"
US_LOCAL = {
    "self-declared: LAPD Special Order 40 (police may not initiate contact to learn immigration status)":
        (noncoop("LAPD Special Order 40"),),
    ("self-declared: Mayoral Executive Order 124 (Koch) – city employees may not share immigration status with "
     "federal authorities"): (noncoop("Mayoral Executive Order 124 (Koch)"),),
    "ended: Executive Order 124 lapsed after 1996 federal laws (IIRIRA/PRWORA); Giuliani lost court challenge":
        (reversal("Executive Order 124 lapsed after the 1996 federal laws"),),
    "self-declared: Executive Order 41 (Bloomberg) – confidentiality / don't ask-don't tell policy":
        (noncoop("Executive Order 41 (Bloomberg): confidentiality policy"),),
    ("self-declared: Mayoral Executive Order 85-1 (Harold Washington) – city employees, incl. police, not to "
     "cooperate with federal immigration officers unless required by law"): (noncoop(_EO85),),
    "self-declared: Executive Order 85-1 issued (day as given by a secondary explainer)": (noncoop(_EO85),),
    "self-declared: Mayor Richard M. Daley reissued/affirmed the 1985 executive order":
        (noncoop("Mayor Daley reissues Executive Order 85-1"),),
    "self-declared: Welcoming City Ordinance amended to bar cooperation with ICE detainer requests (with exceptions)":
        (noncoop(_WELCOMING_AMENDMENT),),
    "self-declared: City Council resolution SR2016-908 reaffirming support for the Welcoming City ordinance":
        (titled("Welcoming City", "Resolution SR2016-908 reaffirming the Welcoming City ordinance"),),
    "self-declared: Ordinance O2021-117 amending the Welcoming City Ordinance (new Section 2-173-070) – passed":
        (noncoop("Ordinance O2021-117 amending the Welcoming City Ordinance"),),
    "self-declared: Ordinance 121063 – city employees do not ask about immigration status":
        (noncoop("Ordinance 121063: city employees do not ask about immigration status"),),
    "self-declared: Resolution 31730 affirming Seattle as a Welcoming City":
        (titled("Welcoming City", "Resolution 31730 affirming Seattle as a Welcoming City"),),
    "self-declared: Mayoral Directive – City of Seattle Protocol on Federal Immigration Enforcement (Durkan)":
        (noncoop("Mayoral Directive: Protocol on Federal Immigration Enforcement"),),
    ("self-declared: Ordinance 16692 on ascertaining immigration status (county agencies; ACLU-WA cites it for not "
     "honoring ICE detainers)"): (noncoop("Ordinance 16692 on ascertaining immigration status"),),
    "self-declared: Denver ceased honoring ICE detainers (following court decisions)":
        (noncoop("Stops honouring ICE detainers"),),
    "self-declared: Public Safety Enforcement Priorities Act (Council Bill 17-0940) approved by City Council 10-0":
        (noncoop("Public Safety Enforcement Priorities Act (Council Bill 17-0940)"),),
    ("self-declared: Mayoral Executive Order No. 142 'Standing with Immigrants and Refugees: A Safe and Welcoming "
     "City' (signed with the ordinance)"):
        (titled("Welcoming City", "Executive Order No. 142 'Standing with Immigrants and Refugees: A Safe and "
                                  "Welcoming City'", body="mayor"),),
    ("self-declared: Mayor Nutter's executive order ending cooperation with ICE detainers (police may not notify "
     "ICE of releases without warrant + violent-felony conviction)"):
        (noncoop("Mayor Nutter's executive order ending cooperation with ICE detainers"),),
    "ended (local reversal): Mayor Nutter's revised order widening cooperation with ICE holds":
        (reversal("Mayor Nutter's revised order widening cooperation with ICE holds"),),
    ("self-declared: Mayor Kenney's Executive Order 5-16 – no compliance with ICE detainers without judicial warrant "
     "(restores sanctuary status)"): (noncoop("Executive Order 5-16 (Kenney): no ICE detainers without a judicial "
                                             "warrant"),),
    "self-declared: separation ordinance – police/city employees not to take part in immigration enforcement or ask "
    "status": (noncoop("Separation ordinance"),),
    ("self-declared: Boston Trust Act ordinance – no holds on ICE detainers without criminal warrant (council vote, "
     "unanimous)"): (noncoop("Boston Trust Act"),),
    ("self-declared: updated Boston Trust Act (amendments limiting information sharing with ICE) passed unanimously "
     "by City Council"): (noncoop("Updated Boston Trust Act"),),
    "self-declared: sanctuary city (since 1987)": (declared(SC, body=""),),
    ("self-declared: Mayor Curtatone executive order of May 22, 2014 on ICE Secure Communities (supported by Board "
     "of Aldermen 2014-06-12)"): (noncoop("Mayor Curtatone's executive order on ICE Secure Communities"),),
    "self-declared: Board of Aldermen resolution 202583 reaffirming Somerville as a Sanctuary/Trust Act City":
        (titled(SC, "Resolution 202583 reaffirming Somerville as a Sanctuary/Trust Act City"),),
    "self-declared: Welcoming Community Ordinance": (noncoop("Welcoming Community Ordinance"),),
    ("self-declared: Board of Supervisors Resolution 2010-316 affirming separation between county operations and "
     "federal civil immigration enforcement"): (noncoop("Resolution 2010-316 (separation from federal civil "
                                                        "immigration enforcement)"),),
    ("self-declared: Civil Detainer Policy (Board Policy 3.54) – ICE detainers honoured only with cost reimbursement "
     "+ serious/violent felony"): (noncoop("Civil Detainer Policy (Board Policy 3.54)"),),
    ("self-declared: Sheriff Sally Hernandez ICE detainer policy (honour detainers only for murder, aggravated sexual "
     "assault, human smuggling) takes effect"): (noncoop("Sheriff's ICE detainer policy (Sally Hernandez)"),),
    ("self-declared: County Commission policy (unanimous) to stop honouring ICE detainers unless serious offenders "
     "and ICE pays costs"): (noncoop("County Commission detainer policy"),),
    "ended (local reversal): Mayor Gimenez orders county jails to honour all ICE detainer requests after Trump EO "
    "13768": (reversal("Mayor Gimenez orders county jails to honour all ICE detainers"),),
    ("self-declared sanctuary-type policy in place when NC HB 318 outlawed such policies (status after the law: "
     "pre-empted)"): (noncoop(_NC_POLICY),),
    "self-declared: city anti-racial-profiling ordinance barring police from asking immigration status in routine "
    "stops": (noncoop("Anti-racial-profiling ordinance: no immigration status questions in routine stops"),),
    "ended (state pre-emption): 2010 ordinance null and void under Mississippi SB 2710":
        (reversal("2010 ordinance void under Mississippi SB 2710"),),
    ("self-declared: City Council resolution directing police not to assist federal immigration officers except for "
     "public safety"): (noncoop("Resolution: police not to assist federal immigration officers"),),
    "self-declared (sheriff practice): stopped honouring ICE hold requests (still notifies of releases)":
        (noncoop("Sheriff stops honouring ICE holds"),),
    ("self-declared: City Council declares Takoma Park a Sanctuary City / City of Refuge (resolution + ordinance; "
     "one abstention)"): (titled(SC, "Sanctuary City / City of Refuge (resolution and ordinance)"),),
    ("self-declared: city sanctuary decision (1980s Central American refugee sanctuary movement) taken before "
     "Takoma Park's of 1985-10-28"): (titled(SC, "Sanctuary for Central American refugees (1980s)", body=""),),
    ("self-declared: County Board ordinance 'Policy for Responding to ICE Detainers' (decline detainers unless costs "
     "reimbursed; no ICE jail interviews)"): (noncoop("Policy for Responding to ICE Detainers"),),
    "self-declared: resolution 07-R-240 declaring Cook County a 'Fair and Equal County for Immigrants'":
        (titled("Other", "'Fair and Equal County for Immigrants' (resolution 07-R-240)"),),
    "self-declared: D.C. Council approved a detainer bill modelled on Cook County's policy":
        (noncoop("Detainer bill modelled on Cook County's policy"),),
    "self-declared: County Board approves ICE Detainer Limit Resolution 12-135 (14-4)":
        (noncoop("ICE Detainer Limit Resolution 12-135"),),
    "self-declared: County Executive Abele signs the ICE detainer limit resolution":
        (noncoop("ICE Detainer Limit Resolution 12-135"),),
    ("self-declared: County Board resolution (12-6) opposing detention of undocumented immigrants without a court "
     "order and Trump's enforcement EOs"): (noncoop("Resolution against detention without a court order"),),
    "self-declared (sheriff): stopped honouring ICE detainers after Miranda-Olivares v. Clackamas County ruling":
        (noncoop("Sheriff stops honouring ICE detainers"),),
    "self-declared (sheriff): announced suspension of ICE detainer holds after Miranda-Olivares ruling":
        (noncoop("Sheriff suspends ICE detainer holds"),),
    "self-declared (sheriff): county jail no longer holds people solely on ICE detainers (ICE warrant required)":
        (noncoop("County jail no longer holds people solely on ICE detainers"),),
    "sanctuary-type local policy (as reported; source lists it after Anaya's 1986 state declaration)":
        (noncoop("Sanctuary-type local policy (as reported)"),),
    ("self-declared: city resolution – one of the first 'sanctuary cities' (will not target residents for "
     "non-compliance with federal immigration law)"): (titled(SC, "City resolution: one of the first sanctuary "
                                                                  "cities"),),
    "withdrawn (not adopted): 1986 city sanctuary resolution for Central American refugees withdrawn after INS threat":
        (titled(SC, "Sanctuary resolution for Central American refugees (withdrawn)", "rejected"),),
    ("self-declared: Police General Order 06-2 (no inquiry into immigration status unless investigating crime; "
     "'don't ask, don't tell') – takes effect"): (noncoop("Police General Order 06-2"),),
    ("self-declared: Elm City Resident Card – first U.S. municipal ID open to all residents regardless of status "
     "(first issued)"): (policy("municipal_id", "Elm City Resident Card"),),
    ("self-declared: Board of Aldermen resolution LM-2011-0330 urging the governor not to honour Secure Communities "
     "detainers"): (policy("advocacy", "Resolution LM-2011-0330 urging the governor not to honour Secure "
                                      "Communities detainers"),),
    "self-declared: Mayor's 'Executive Order Concerning Undocumented Immigrants' (updated 2020)":
        (noncoop("Executive Order Concerning Undocumented Immigrants"),),
    ("self-declared: Hartford Police Department protocol – no arrest based solely on immigration status without a "
     "federal criminal warrant"): (noncoop("Police protocol: no arrest solely on immigration status"),),
    ("self-declared: City Council unanimously approves Immigration Ordinance (police may not ask status or hold on "
     "administrative warrants); later signed by Mayor Perez"): (noncoop("Immigration Ordinance"),),
    "self-declared: sanctuary city via City Council resolution": (titled(SC, "City Council resolution"),),
    ("self-declared: Mayor Fulop's 10-page executive order re-affirming and strengthening sanctuary city status (no "
     "honouring ICE detainers; warrant needed for access)"): (noncoop("Mayor Fulop's executive order"),),
    "self-declared: Mayor Mohamed Khairullah executive order (sanctuary protections)":
        (noncoop("Mayor Khairullah's executive order"),),
    "self-declared: City Council resolution declaring Rochester a 'City of Sanctuaries'":
        (titled(SC, "'City of Sanctuaries' resolution"),),
    "self-declared: City Council approves updated Sanctuary City resolution (unanimous)":
        (titled(SC, "Updated Sanctuary City resolution"),),
    ("self-declared: Common Council unanimously adopted sanctuary city status (ordinance adding Article VI 'Sanctuary "
     "City' to Chapter 215, on the 2017-02-01 agenda)"): (titled(SC, "Ordinance adding Article VI 'Sanctuary City'"),),
    "self-declared: Common Council vote reaffirming sanctuary city status": (titled(SC, "Reaffirmation"),),
    ("self-declared: County Legislature Resolution 2017-21 'to Maintain a Safe, Inclusive Government' (welcoming / "
     "no registry)"): (titled("Other", "Resolution 2017-21 'to Maintain a Safe, Inclusive Government'"),),
    "self-declared (sheriff): Sheriff Lupe Valdez case-by-case ICE detainer policy – no holds for minor offenders":
        (noncoop("Sheriff's case-by-case ICE detainer policy (Lupe Valdez)"),),
    "self-declared (sheriff): Sheriff announces no honouring of ICE detainers without an additional warrant":
        (noncoop("Sheriff: no ICE detainers without a warrant"),),
    ("self-declared: Ordinance 17706 on how the county honours ICE civil immigration holds (holds only for serious "
     "offenders; council vote 5-4)"): (noncoop("Ordinance 17706 on ICE civil immigration holds"),),
    "self-declared: Ordinance 17886 ending the honouring of ICE civil immigration hold requests (judicial warrant "
    "needed)": (noncoop("Ordinance 17886 ending the honouring of ICE hold requests"),),
    "self-declared: Ordinance 18665 – nationality information given to immigration officials only after conviction "
    "and sentencing": (noncoop("Ordinance 18665 on nationality information"),),
    ("self-declared: 'Freedom City' ordinances (vet/report ICE requests for police resources; officers must tell "
     "people they need not answer status questions) – unanimous"): (noncoop("'Freedom City' policies"),),
    "self-declared: 'Freedom City' policies take effect": (noncoop("'Freedom City' policies"),),
    ("self-declared: County Executive Order 135-19 'Promoting Community Trust' (no county department to inquire about "
     "status or assist civil immigration enforcement)"): (noncoop("Executive Order 135-19 'Promoting Community "
                                                                  "Trust'"),),
    ("anti-sanctuary self-declaration: council unanimously declares the city cooperates with immigration agencies / "
     "allows participation in ICE operations"):
        (noncoop("Council declares the city cooperates with immigration agencies (anti-sanctuary)", "absent"),),
    ("self-declared: 'Due Process for All' Ordinance – limits advance notice to ICE of jail releases and bars "
     "honouring ICE detainers"): (noncoop("'Due Process for All' Ordinance"),),
    ("self-declared: local law (Int. 2017/228) barring city agencies from 287(g)-type partnerships with DHS and use "
     "of city resources for federal immigration enforcement"): (noncoop("Local law Int. 2017/228"),),
    "self-declared: City Council unanimously terminates OPD's federal agreement (MOU) with ICE/HSI (Title 19 task "
    "force)": (noncoop("Police agreement with ICE/HSI terminated"),),
    ("self-declared: City Council resolution barring any branch of city government (incl. traffic support) from "
     "cooperating with ICE actions"): (noncoop("Resolution barring cooperation with ICE actions"),),
    ("self-declared: City Council unanimously declares Boulder a sanctuary city (ordinance: no city employee shall "
     "inquire into immigration status)"):
        (declared(SC), noncoop("Ordinance: no city employee shall inquire into immigration status")),
    ("self-declared: Mayor Garcetti Executive Directive No. 20 'Standing with Immigrants: A City of Safety, Refuge, "
     "and Opportunity for All' (extends Special Order 40 to port/airport police and fire)"):
        (noncoop("Executive Directive No. 20 'Standing with Immigrants'"),),
    "self-declared: LAPD stopped honouring ICE detainers without a court-signed warrant":
        (noncoop("LAPD stops honouring ICE detainers without a warrant"),),
    ("self-declared: D.C. Council unanimously passes Sanctuary Values Emergency Amendment Act of 2019 (no ICE "
     "detainers/notifications without judicial warrant)"): (noncoop("Sanctuary Values Emergency Amendment Act of "
                                                                   "2019"),),
    "self-declared: D.C. Council unanimously approves permanent Sanctuary Values Act of 2020 (first vote)":
        (noncoop("Sanctuary Values Act of 2020 (first vote)", "proposed"),),
    "self-declared: City Council vote (non-binding resolution) expressing concern with federal Secure Communities "
    "program": (policy("advocacy", "Resolution expressing concern with Secure Communities"),),
    "self-declared (mayor): Mayor Jorge Elorza first calls Providence a 'sanctuary' for immigrants":
        (declared(SC, body="mayor"),),
    ("self-declared: Mayor Emanuel introduces (amended) Welcoming City Ordinance – detention only with criminal "
     "warrant / serious conviction"): (noncoop(_WELCOMING_AMENDMENT, "proposed"),),
    ("self-declared: Welcoming City Ordinance amendment (2012 ordinance) passed – per a 2016 city press release "
     "(CONFLICT: widely dated 2012)"): (noncoop(_WELCOMING_AMENDMENT),),
    ("self-declared: Mayor Emanuel introduces amendment requiring respectful treatment of documented and "
     "undocumented immigrants by city employees"):
        (policy("anti_discrimination", "Amendment: respectful treatment of immigrants by city employees", "proposed"),),
    "self-declared (mayor): Mayor John Cranley declares Cincinnati a sanctuary city ('is, and always has been')":
        (declared(SC, body="mayor"),),
    "self-declared (as reported): 'declared sanctuaries by city officials' (list in a 2017 student news article)":
        (titled(SC, _OHIO, body=""),),
}
US_STATE_LAWS = {
    "self-declared (state law): TRUST Act AB 4 signed – limits holding people on ICE detainers to serious offenses":
        (noncoop("TRUST Act (AB 4)"),),
    "self-declared (state law): SB 54 California Values Act signed by Governor Brown ('sanctuary state' law)":
        (noncoop("SB 54 California Values Act"),),
    "pre-emption (anti-sanctuary state law): SB 4 'sanctuary cities' ban signed by Governor Abbott (Facebook Live)":
        (preemption("SB 4 bans local sanctuary policies (signed)"),),
    "pre-emption (anti-sanctuary state law): SB 4 takes effect": (preemption("SB 4 bans local sanctuary policies"),),
    "pre-emption (anti-sanctuary state law): SB 168 'Federal Immigration Enforcement' signed by Governor DeSantis":
        (preemption("SB 168 'Federal Immigration Enforcement' bans local sanctuary policies"),),
    ("self-declared (state law): S.79 signed – limits state/local police role in federal immigration enforcement; "
     "governor's sole authority over 287(g)-type agreements; no registry data"): (noncoop("S.79"),),
    "self-declared (state law): TRUST Act (passed unanimously in both chambers)": (noncoop("TRUST Act"),),
    "self-declared (state law): Trust Act update (2019) – final legislative passage, governor to sign":
        (noncoop("Trust Act update (2019)", "proposed"),),
    ("self-declared (governor): Executive Order 17-01 – state agencies not to use resources to enforce federal civil "
     "immigration law, no registry, no status inquiries"): (noncoop("Executive Order 17-01"),),
    ("self-declared (governor): Executive Order 170 – state agencies and state police not to inquire about / "
     "disclose immigration status unless required"): (noncoop("Executive Order 170"),),
    ("self-declared (governor): Executive Order 170.1 – amendment limiting federal civil immigration arrests in "
     "state facilities"): (noncoop("Executive Order 170.1"),),
    ("state court ruling (not a self-declaration): Lunn v. Commonwealth (SJC-12276) – MA officers have no authority "
     "to hold people solely on ICE civil detainers"):
        (noncoop("Lunn v. Commonwealth (court ruling): no holds solely on ICE civil detainers"),),
    "self-declared (governor): Gov. Deval Patrick ordered the state to opt out of ICE Secure Communities":
        (noncoop("Opt-out of ICE Secure Communities"),),
    # the House vote is a step of the bill, not its enactment: proposed
    "self-declared (state law): HB 2314 (later ORS 181A.820, 'first sanctuary state') – passed the Oregon House 54-3":
        (noncoop("HB 2314 (later ORS 181A.820) passes the House", "proposed"),),
    # a failed repeal: the law continues, nothing ends
    "self-declared (retained by voters): Measure 105 to repeal the sanctuary law (ORS 181A.820) defeated 63.46% No":
        (noncoop("Sanctuary law retained: repeal Measure 105 defeated"),),
    "self-declared (state law): HB 3265 'Sanctuary Promise Act' – Chapter 550 (2021 Laws), effective on signature":
        (noncoop("HB 3265 Sanctuary Promise Act"),),
    ("pre-emption (anti-sanctuary state law): HB 318 Protect North Carolina Workers Act signed – outlaws local "
     "sanctuary policies"): (preemption("HB 318 Protect North Carolina Workers Act bans local sanctuary policies"),),
    "pre-emption (anti-sanctuary state law): 2009 law outlawing sanctuary city policies":
        (preemption("2009 law bans local sanctuary policies"),),
    ("pre-emption (anti-sanctuary state law): HB 2315 strengthening the ban allowed to become law without governor's "
     "signature"): (preemption("HB 2315 strengthens the ban on local sanctuary policies"),),
    "pre-emption (anti-sanctuary state law): SB 2710 signed by Gov. Bryant, effective immediately – voids local "
    "sanctuary policies": (preemption("SB 2710 voids local sanctuary policies"),),
    "pre-emption (anti-sanctuary state law): SF 481 'sanctuary cities' ban signed by Gov. Reynolds":
        (preemption("SF 481 bans local sanctuary policies"),),
    "pre-emption (anti-sanctuary state law): SB 20 (2009) – prohibits sanctuary policies by local governments, "
    "penalties": (preemption("SB 20 bans local sanctuary policies"),),
    ("pre-emption (anti-sanctuary state law): SB 1070 signed – bars state/local officials or agencies from restricting "
     "enforcement of federal immigration law"): (preemption("SB 1070 bars restricting federal immigration "
                                                            "enforcement"),),
    ("self-declared (governor): Gov. Toney Anaya proclamation declaring New Mexico a 'State of Sanctuary' for Central "
     "American refugees"): (titled(SC, "'State of Sanctuary' for Central American refugees (proclamation)",
                                   body="executive"),),
    # a state-level reversal that did not end local policies: a gap on the state, ending nothing
    "ended / hostile (governor): Gov. Susana Martinez executive order on taking office – 'there will not be any "
    "sanctuary city'": (noncoop("Governor's executive order: 'there will not be any sanctuary city'", "absent"),),
    ("self-declared (state law): SB 667 'Illinois Way Forward Act' signed – amends TRUST Act, bans 287(g)/ICE "
     "detention contracts (existing to end by 2022-01-01)"): (noncoop("SB 667 Illinois Way Forward Act"),),
    "self-declared (governor): Gov. Chafee policy – Department of Corrections stops honouring ICE detainers without a "
    "warrant": (noncoop("Department of Corrections stops honouring ICE detainers without a warrant"),),
    ("partial rollback (governor): new policy for all executive agencies – honour detainers accompanied by judicial "
     "deportation/removal orders (no warrant needed)"):
        (replaces("Executive agencies honour detainers with judicial removal orders (partial rollback)"),),
}
US_HOSTILE = {
    "hostile designation: ICE weekly Declined Detainer Outcome Report – first report (Travis County tops the list)":
        (designated(ICE_DDOR_2017),),
    "hostile designation: listed as a sanctuary jurisdiction in the Justice Department (OIG) May 2016 report":
        (designated(DOJ_OIG_2016),),
    ("hostile designation: one of 10 jurisdictions analysed in DOJ Inspector General memo on 8 U.S.C. 1373 compliance "
     "(grant recipients; list drawn from CIS sanctuary list)"): (designated(DOJ_OIG_2016),),
    ("hostile designation: DOJ letter – 'preliminarily found to have laws, policies, or practices that may violate 8 "
     "U.S.C. 1373' (29 jurisdictions)"): (designated(DOJ_LETTERS_2017),),
    "hostile designation: named among 10 'non-cooperative' counties in ICE Declined Detainer Outcome Report (first "
    "weekly list)": (designated(ICE_DDOR_2017),),
    "hostile designation: named in ICE Declined Detainer Outcome Report detainer list (first weekly report)":
        (designated(ICE_DDOR_2017),),
    ("hostile designation (state governor): Gov. Abbott letter accusing Sheriff Valdez of 'sanctuary city' policies "
     "and threatening funds"): (designated(TX_GOVERNOR_2015),),
    ("hostile designation (disputed/erroneous): included in DHS 'sanctuary jurisdictions' list (500+ jurisdictions, "
     "36 states) published 2025-05-29 and taken down by 2025-06-01"): (designated(DHS_2025),),
    ("hostile designation: listed among 'non-cooperative jurisdictions' in ICE Declined Detainer Outcome Report "
     "(weekly list, spring 2017)"): (designated(ICE_DDOR_2017),),
    ("hostile designation: named in first ICE Declined Detainer Outcome Report among jurisdictions with policies "
     "limiting cooperation"): (designated(ICE_DDOR_2017),),
}
_AWF = "'Access Without Fear City' motion"
CANADA = {
    ("considered, not adopted: councillor McKenney's sanctuary-city report heard at Community and Protective "
     "Services Committee (information item, no vote)"): (declared(SC, "proposed"),),
    "not adopted: no sanctuary-city motion brought to City Council (campaign says Mayor Watson and allies quashed it)":
        (declared(SC, "rejected", body=""),),
    "declined (for now): mayor's office says no need to declare Winnipeg a sanctuary city":
        (declared(SC, "rejected", body="mayor"),),
    "considered, not adopted: 'Access Without Fear City' motion presented to council by Coun. Andrew Stevens":
        (policy("social_services", _AWF, "proposed"),),
    "not adopted: council debated the Access Without Fear City motion and referred it (to federal/provincial "
    "governments)": (policy("social_services", _AWF, "rejected"),),
    ("step toward Access Without Fear: Community and Public Services Committee asked administration for analysis and "
     "a draft policy"): (policy("social_services", "Access Without Fear policy (analysis and draft asked for)",
                                "proposed"),),
    ("Sanctuary City – council adopted Sanctuary City Policy (Access to City Facilities, Programs and Services for "
     "all) and implementation plan"):
        (declared(SC), policy("social_services", "Sanctuary City Policy: access to city facilities, programs and "
                                                 "services for all")),
    "step toward Sanctuary City: council approves Coun. Chinu Das's motion asking staff to report on feasibility":
        (declared(SC, "proposed"),),
    ("step toward Access Without Fear: Mayor Robertson endorses working-group recommendation to explore a sanctuary "
     "city / access-without-fear policy"): (policy("social_services", "Access Without Fear policy (mayor endorses "
                                                                     "exploring it)", "proposed"),),
    "declined (mayor): Mayor Derek Corrigan opposes sanctuary-city / access-without-fear push (no council decision)":
        (declared(SC, "rejected", body="mayor"),),
    ("Sanctuary city implementation: council item CD29.11 'Access to City Services for Undocumented Torontonians' "
     "(vote 29-8; training, data-collection limits)"):
        (policy("social_services", "Access to City Services for Undocumented Torontonians (CD29.11)"),),
    ("Sanctuary city implementation: council item CD4.2 on Toronto Police Service governance and Access without Fear "
     "(adopted with amendments)"): (policy(NONCOOP, "Access to police services for undocumented Torontonians "
                                                    "(CD4.2)"),),
    "Sanctuary city implementation: council item CD8.4 'Progress of the Access T.O. Initiative' (adopted, amended)":
        (policy("social_services", "Progress of the Access T.O. initiative (CD8.4)"),),
    ("ended (label only): city drops 'ville sanctuaire' designation, becomes 'ville responsable et engagée' in its "
     "2018-2021 immigration action plan (access-without-fear policy to be created)"):
        (titled(SC, "Drops the 'ville sanctuaire' label ('ville responsable et engagée')", "revoked", "executive"),),
    ("considered, not adopted: council committee discussed declaring a sanctuary city for undocumented refugees and "
     "migrants – no action taken"): (declared(SC, "proposed"),),
    # a 2SLGBTQQIA+ 'sanctuary city': another meaning of the term, left out of an atlas of migrant solidarity
    ("NOT immigration: council declares Saskatoon a 2SLGBTQQIA+ 'sanctuary city' (unanimous) – different meaning of "
     "the term"): (),
    "Access to City Services Without Fear (ACSWF) policy – council approval (unanimous), day":
        (policy("social_services", "Access to City Services Without Fear (ACSWF) policy"),),
    ("step: Vancouver Police Board meeting to consider VPD 'Access to Police Services Without Fear' guidelines (report "
     "1807P03)"): (policy(NONCOOP, "VPD 'Access to Police Services Without Fear' guidelines", "proposed"),),
}
US_WELCOMING = {
    "Welcoming Cities and Counties (Welcoming America) – joined (first local government in Florida)": (member(WA),),
    ("Welcoming Cities and Counties (Welcoming America) – joined; council resolution affirming Minneapolis as a "
     "welcoming city"): (member(WA), declared("Welcoming City")),
    "Welcoming America network – council approved resolution to apply for (general) membership":
        (titled("Welcoming City", "Application for Welcoming America membership", "proposed"),),
    "Welcoming Network membership for 2021 (granted in lieu of a $1,500 stipend)": (member(WA),),
    "Certified Welcoming (Welcoming America) – announced (bringing the U.S. total to 10 Certified Welcoming places)":
        (member("certified-welcoming"),),
    ("Intercultural Cities (Council of Europe) – recognised as member ('first city in the United States'); Mayor "
     "declared Rochester a Welcoming City"): (member(ICC), declared("Welcoming City", body="mayor")),
    ("Cities United for Immigration Action / Cities for Action (mayors' coalition) – founding member (coalition of 25 "
     "mayors formed)"): (member(C4A, "founder"),),
    "Cities United for Immigration Action / Cities for Action – founding-period member (mayor Peduto quoted in launch "
    "release)": (member(C4A, "founder"),),
    "Cities for Action – appointed national co-chair (with New York City)": (member(C4A, "board"),),
    "Certified Welcoming (Welcoming America) – redesignated (recertification)": (member("certified-welcoming"),),
    "Certified Welcoming (Welcoming America) – recertified (Louisville Metro Government)":
        (member("certified-welcoming"),),
}
