"""Readers' suggestions: the links from the panel and the Atlas/Places pages, the form in the package's terms
(errors per field, nothing typed lost), the receipt with its ref, and the public status of a ref."""
from __future__ import annotations

import secrets

import streamlit as st

from mapdata.atlas.model import Atlas
from mapdata.dates import FORMAT_HINT
from mapdata.suggest.store import Invalid, RateLimited, Store, Unavailable
from mapdata.suggest.validate import FACTS, vocabularies
from mapdata.text import markdown_literal

SUGGEST_PAGE = "app_pages/suggest.py"
STATUS_PAGE = "app_pages/suggestions.py"
NEW_PLACE = "__new__"
P = "sg_"  # session-state prefix of the form's fields
FACT_LABELS = {"membership": "Membership of a network", "declaration": "Declaration (a label the place took)",
               "policy": "Policy"}
STATUS_TEXT = {"received": "Received: a curator has not looked at it yet.",
               "accepted": "Accepted: a curator added it to the atlas's curation files; the next build shows it.",
               "declined": "Declined."}


@st.cache_resource(show_spinner=False)
def _cached_store() -> Store:
    return Store()


def get_store() -> Store:
    """The store (migrated at first use); raises Unavailable when the database cannot be reached."""
    try:
        return _cached_store()
    except Unavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - any driver error means "cannot store now"
        raise Unavailable(str(exc)) from exc


def suggest_link(city_id: str | None = None, fact: str | None = None, *, key: str | None = None) -> None:
    """"Suggest a correction" (prefilled with the place, and the fact kind), or "Add a place or a fact"."""
    params = {k: v for k, v in (("place", city_id), ("fact", fact)) if v}
    label = "Suggest a correction" if city_id else "Add a place or a fact"
    st.page_link(SUGGEST_PAGE, label=label, icon=":material/edit_note:", query_params=params or None)


def _keep_typed() -> None:
    """Widget values survive reruns where their widget is not drawn (another fact kind, an error shown)."""
    for key in list(st.session_state):
        if isinstance(key, str) and key.startswith(P) and not key.startswith(f"{P}btn"):
            st.session_state[key] = st.session_state[key]


def _prefill(atlas: Atlas) -> None:
    """The link's place and fact kind, once per distinct link."""
    place, fact = st.query_params.get("place", ""), st.query_params.get("fact", "")
    if (place, fact) == st.session_state.get(f"{P}prefilled"):
        return
    st.session_state[f"{P}prefilled"] = (place, fact)
    if place in atlas.places.index:
        st.session_state[f"{P}city_id"] = place
    if fact in FACTS:
        st.session_state[f"{P}fact"] = fact


def _error(errors: dict, *names: str) -> None:
    for name in names:
        if name in errors:
            what = name.replace("_", " ").capitalize()
            st.error(f"{what}: {markdown_literal(errors[name])}", icon=":material/error:")


def _place_label(atlas: Atlas, city_id: str) -> str:
    if city_id == NEW_PLACE:
        return "A place not in the atlas yet"
    if not city_id:
        return "Choose a place"
    row = atlas.places.loc[city_id]
    region = f", {row['admin1']}" if row["admin1"] else ""
    return f"{row['name']}{region} ({row['country_code']})"


def suggestion_form(atlas: Atlas) -> None:
    """The whole form: place, fact kind and its fields, date, source, quote, contact, note; the receipt."""
    _prefill(atlas)
    _keep_typed()
    receipt = st.session_state.get(f"{P}receipt")
    if receipt:
        show_receipt(receipt)
        if st.button("Send another suggestion", key=f"{P}btn_another"):
            st.session_state.pop(f"{P}receipt")
            st.rerun()
        return
    errors: dict = st.session_state.get(f"{P}errors", {})
    terms = vocabularies()
    ids = ["", NEW_PLACE, *sorted(atlas.places.index, key=lambda i: atlas.places.at[i, "name"])]
    st.selectbox("Place", ids, key=f"{P}city_id", format_func=lambda i: _place_label(atlas, i),
                 help="Search the atlas by typing a name; choose “A place not in the atlas yet” for a new one.")
    if st.session_state.get(f"{P}city_id") == NEW_PLACE:
        a, b, c = st.columns([3, 1, 2])
        a.text_input("Name of the place (local spelling)", key=f"{P}place", max_chars=120)
        b.text_input("Country (ISO code)", key=f"{P}country_code", max_chars=2, placeholder="DE")
        c.text_input("Region or state (optional)", key=f"{P}admin1", max_chars=100)
    _error(errors, "place", "country_code", "admin1", "city_id")
    fact = st.radio("What is the fact?", FACTS, key=f"{P}fact", format_func=FACT_LABELS.get, horizontal=True)
    _error(errors, "fact")
    if fact == "membership":
        nets = sorted(atlas.networks.index, key=lambda n: atlas.networks.at[n, "name"])
        a, b = st.columns(2)
        a.selectbox("Network", ["", *nets], key=f"{P}network_id",
                    format_func=lambda n: atlas.networks.at[n, "name"] if n else "Choose a network")
        b.selectbox("Role", ["", *terms["role"]], key=f"{P}role", format_func=lambda t: t or "member (default)")
        _error(errors, "network_id", "role")
    elif fact == "declaration":
        a, b, c = st.columns(3)
        a.selectbox("Label", ["", *terms["label"]], key=f"{P}label", format_func=lambda t: t or "Choose a label")
        b.selectbox("Decided by", ["", *terms["body"]], key=f"{P}body", format_func=lambda t: t or "not stated")
        c.selectbox("Outcome", ["", *terms["outcome:declaration"]], key=f"{P}outcome",
                    format_func=lambda t: t or "adopted (default)")
        _error(errors, "label", "body", "outcome")
    else:
        a, b = st.columns(2)
        a.selectbox("Policy type", ["", *terms["policy_type"]], key=f"{P}policy_type",
                    format_func=lambda t: atlas.label("policy_type", t) if t else "Choose a type")
        b.selectbox("Outcome", ["", *terms["outcome:policy"]], key=f"{P}outcome",
                    format_func=lambda t: t or "adopted (default)")
        st.text_input("Title (short)", key=f"{P}title", max_chars=200)
        _error(errors, "policy_type", "outcome", "title")
    st.text_area("What happened (optional)", key=f"{P}description", max_chars=1000, height=80)
    _error(errors, "description")
    a, b = st.columns(2)
    a.text_input("Date, at the precision the source gives", key=f"{P}date", max_chars=10, placeholder=FORMAT_HINT,
                 help="Leave empty when the source gives no date: never guess or round.")
    if fact != "declaration":
        b.text_input("End date (optional)", key=f"{P}end", max_chars=10, placeholder=FORMAT_HINT)
    _error(errors, "date", "end")
    st.text_input("Source: address of the page or document (required)", key=f"{P}source_url", max_chars=500,
                  placeholder="https://…")
    st.text_input("Source title (optional)", key=f"{P}source_title", max_chars=300)
    _error(errors, "source_url", "source_title")
    st.text_area("Verbatim quote from the source", key=f"{P}quote", max_chars=1000, height=80)
    _error(errors, "quote")
    st.text_input("Your e-mail, if a curator may ask you (optional, never shown)", key=f"{P}contact",
                  max_chars=254)
    st.text_area("Note (optional)", key=f"{P}note", max_chars=2000, height=80)
    _error(errors, "contact", "note")
    if st.button("Send the suggestion", type="primary", key=f"{P}btn_send", icon=":material/send:"):
        _send(atlas)


def form_values(atlas: Atlas) -> dict[str, str]:
    """What the form holds, in the store's fields (the atlas's own name, country and region for its places)."""
    from mapdata.suggest.models import FIELDS
    values = {name: st.session_state.get(f"{P}{name}") or "" for name in FIELDS}
    city_id = values.pop("city_id")
    if city_id and city_id != NEW_PLACE and city_id in atlas.places.index:
        row = atlas.places.loc[city_id]
        values.update(city_id=city_id, place=row["name"], country_code=row["country_code"], admin1=row["admin1"])
    else:
        values["city_id"] = ""
    return values


def _send(atlas: Atlas) -> None:
    session_key = st.session_state.setdefault(f"{P}session", secrets.token_hex(16))
    try:
        ref = get_store().submit(form_values(atlas), session_key=session_key, networks=set(atlas.networks.index))
    except Invalid as exc:
        st.session_state[f"{P}errors"] = exc.errors
        st.rerun()
    except RateLimited as exc:
        st.session_state[f"{P}errors"] = {}
        st.error(f"Not sent: {exc}. What you typed is kept; try again later.", icon=":material/hourglass_top:")
        return
    except Unavailable:
        st.session_state[f"{P}errors"] = {}
        st.error("Not sent: the suggestions database cannot be reached just now. What you typed is kept; "
                 "try again in a moment.", icon=":material/cloud_off:")
        return
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(P)]:
        if key not in (f"{P}session", f"{P}prefilled"):
            del st.session_state[key]
    st.session_state[f"{P}receipt"] = ref
    st.rerun()


def show_receipt(ref: str) -> None:
    st.success("Thank you: your suggestion is stored. A curator will check it against its source.",
               icon=":material/check_circle:")
    st.markdown(f"Your reference: `{markdown_literal(ref)}`. Keep this link to follow its status:")
    st.page_link(STATUS_PAGE, label=f"/suggestions?ref={ref}", icon=":material/link:", query_params={"ref": ref})


def show_status(ref: str, atlas: Atlas | None = None) -> None:
    """The public status of a ref: received, accepted or declined with its reason; never a contact."""
    try:
        status = get_store().status(ref)
    except Unavailable:
        st.error("The suggestions database cannot be reached just now; try again in a moment.")
        return
    if status is None:
        st.warning("No suggestion has this reference. Check the link you were given.")
        return
    st.subheader(f"{markdown_literal(status.place)}: {FACT_LABELS.get(status.fact, status.fact)}")
    st.caption(f"Received {status.received} · reference {markdown_literal(status.ref)}")
    st.markdown(f"**Status:** {STATUS_TEXT.get(status.status, markdown_literal(status.status))}")
    if status.reason:
        st.markdown(f"**Reason:** {markdown_literal(status.reason)}")
    if status.status == "accepted" and atlas is not None:
        from mapdata.suggest.accept import refs_in_package
        st.caption("It is in the atlas now." if status.ref in refs_in_package(atlas.facts)
                   else "It joins the atlas at its next build.")
