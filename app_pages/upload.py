"""Your data: upload a list (CSV, XLSX, GeoJSON), match its columns, check it, and see it on the atlas."""
import hashlib

import pandas as pd
import streamlit as st

from mapdata import ui, upload
from mapdata.geo.countries import country_name
from mapdata.text import markdown_literal

NONE = "— not in my file —"
MAIN = ["place", "country", "admin1", "lat", "lon", "date", "network_or_label", "policy", "source"]
MODES = {"beside": "Beside the atlas", "alone": "Alone", "off": "Not on the map"}

bundled = ui.get_atlas()
st.title("Your data")
st.markdown("Put your own list, a spreadsheet of towns and dates, on the same map with the same layers and timeline. "
            "Your records stay in this session: they are not added to the atlas for anyone else.")

left, right = st.columns([3, 2])
with left:
    file = st.file_uploader("Your file: CSV, Excel (.xlsx) or GeoJSON", max_upload_size=upload.MAX_MB,
                            key=f"uploader_{st.session_state.get('upload_round', 0)}",
                            help=f"Up to {upload.MAX_MB} MB and {upload.MAX_ROWS:,} rows (split a larger file). CSV "
                                 "in UTF-8, Windows-1252 or Latin-1, separated by commas, semicolons or tabs.")
with right:
    st.download_button("Download the template (CSV)", upload.TEMPLATE.read_bytes(), file_name=upload.TEMPLATE.name,
                       mime="text/csv", icon=":material/download:")
    if st.button("Try it with the template", icon=":material/play_arrow:"):
        st.session_state.upload_sample = True
    with st.expander("The columns"):
        st.dataframe(pd.DataFrame([{"column": k, "what": f"{label}: {hint}"}
                                   for k, (label, hint) in upload.TARGETS.items()]), hide_index=True)

if file:
    st.session_state.upload_sample = False
source = (file.name, file.getvalue()) if file else (
    (upload.TEMPLATE.name, upload.TEMPLATE.read_bytes()) if st.session_state.get("upload_sample") else None)
table = None
if source:
    name, raw = source
    digest = hashlib.sha1(raw).hexdigest()[:12]
    try:
        table = upload.read_upload(name, raw, st.session_state.get(f"sheet_{digest}"))
    except upload.UploadError as exc:
        st.error(markdown_literal(exc), icon=":material/error:")
        for key in ("upload_result", "user_atlas", "_upload_input"):  # the file meant to replace them
            st.session_state.pop(key, None)

if table is not None:
    st.subheader("1. Match your columns")
    st.caption(markdown_literal(f"{name}: {len(table.rows):,} rows, {len(table.columns)} columns; "
                                + "; ".join(table.notes) + "."))
    if len(table.sheets) > 1:
        st.selectbox("Sheet", table.sheets, key=f"sheet_{digest}")
    with st.expander(f"Preview of {markdown_literal(name)}"):
        st.dataframe(table.frame().head(100))
    guess, options = upload.guess_mapping(table.columns), [NONE, *table.columns]

    def pick(target: str) -> str | None:
        label, hint = upload.TARGETS[target]
        chosen = st.selectbox(label, options, index=options.index(guess.get(target, NONE)), help=hint,
                              key=f"map_{digest}_{target}")
        return None if chosen == NONE else chosen

    def pick_row(targets: list[str]) -> None:
        for target, col in zip(targets, st.columns(3)):  # row by row: the same order on a phone
            with col:
                picked[target] = pick(target)

    picked = {}
    for i in range(0, len(MAIN), 3):
        pick_row(MAIN[i:i + 3])
    with st.expander("More columns"):
        more = [t for t in upload.TARGETS if t not in MAIN]
        for i in range(0, len(more), 3):
            pick_row(more[i:i + 3])

    st.subheader("2. For the whole file")
    c1, c2, c3 = st.columns(3)
    codes = sorted({c for c in bundled.places["country_code"]} | {"DE", "AT", "CH", "US", "GB"}, key=country_name)
    country = c1.selectbox("Country of rows without one", ["", *codes], format_func=lambda c: country_name(c) or "—",
                           key=f"country_{digest}")
    nets = bundled.networks.sort_values("short_name")
    labels = list(bundled.vocabularies.query("vocabulary == 'label'")["term"])
    what = c2.selectbox("Rows naming no network, label or policy are", ["", *labels, *nets.index],
                        format_func=lambda w: "only on your own list" if not w else f"declared {w}" if w in labels
                        else f"members of {nets.at[w, 'short_name']}", key=f"what_{digest}")
    file_source = c3.text_input("One source for the whole file", key=f"source_{digest}",
                                help="A URL or a title, cited by every row without a source of its own.")
    choices = st.session_state.setdefault("upload_choices", {}).setdefault(digest, {})
    settings = upload.Settings({t: c for t, c in picked.items() if c}, country, what, file_source.strip(),
                               dict(choices))
    wanted = (digest, st.session_state.get(f"sheet_{digest}"), settings)
    if st.session_state.get("_upload_input") != wanted:
        with st.spinner(f"Checking and placing {len(table.rows):,} rows…"):
            st.session_state.upload_result = upload.process(table, settings, bundled, gazetteer=ui.get_gazetteer)
        st.session_state._upload_input = wanted

result = st.session_state.get("upload_result")
if result is not None:
    st.subheader("3. Check")
    rejected = result.rejected
    m = st.columns(4)
    m[0].metric("Rows in the file", f"{result.uploaded:,}")
    m[1].metric("Accepted", f"{len(result.accepted):,}")
    m[2].metric("Rejected", f"{len(rejected):,}")
    m[3].metric("Places", f"{result.places:,}")
    st.caption(markdown_literal(f"{result.filename}: {len(result.accepted):,} accepted + {len(rejected):,} rejected = "
                          f"{result.uploaded:,} rows uploaded."))
    if result.ambiguous and table is not None:
        st.markdown(f"**Places with several matches ({len(result.ambiguous)})**: choose the one you mean.")
        with st.form(f"choices_{digest}"):
            picks = {}
            for amb in result.ambiguous[:40]:
                ids = [0, *(c.geonames_id for c in amb.candidates)]
                cands = {c.geonames_id: c for c in amb.candidates}
                rows = ", ".join(map(str, amb.rows[:10])) + (" …" if len(amb.rows) > 10 else "")
                picks[amb.key] = st.selectbox(markdown_literal(
                    f"{amb.name} · {country_name(amb.country_code)}" + (f" ({amb.admin1})" if amb.admin1 else "")
                    + f" · row{'s' if len(amb.rows) > 1 else ''} {rows}"), ids, index=None,
                    placeholder="Choose the place", key=f"amb_{digest}_{'|'.join(amb.key)}",
                    format_func=lambda g, cands=cands: "Leave these rows out" if g == 0 else
                    f"{cands[g].name} · region {cands[g].admin1_code} · pop. {cands[g].population:,} · "
                    f"{cands[g].lat:.3f}, {cands[g].lon:.3f}")
            if len(result.ambiguous) > 40:
                st.caption(f"And {len(result.ambiguous) - 40} more: add a state or region column to tell them apart.")
            if st.form_submit_button("Use these places"):
                choices.update({k: v for k, v in picks.items() if v is not None})
                st.rerun()
    if result.unmatched:
        st.markdown(f"**Places not found ({len(result.unmatched)})**: check the spelling and the country, or add lat "
                    "and lon columns.")
        st.dataframe(pd.DataFrame(result.unmatched), hide_index=True,
                     column_config={"rows": st.column_config.ListColumn("rows")})
    if rejected:
        st.markdown(f"**Rejected rows ({len(rejected):,})**: each problem with its row, column, value and reason.")
        report = upload.report_frame(result)
        st.dataframe(report, hide_index=True, key="rejected_table", column_config={
            "row": st.column_config.NumberColumn("row", width="small"), "reason": st.column_config.TextColumn(
                "reason", width="large")})
        st.download_button("Download the rejected rows (CSV)", report.to_csv(index=False).encode(),
                           file_name=f"rejected_{result.filename}.csv", mime="text/csv", icon=":material/download:")
    warnings = upload.report_frame(result, "warning")
    if len(warnings):
        with st.expander(f"Warnings ({len(warnings)}): rows kept"):
            st.dataframe(warnings, hide_index=True)

    st.subheader("4. See it on the atlas")
    if result.atlas is None:
        st.warning("No row was accepted, so there is nothing to show: fix the rejected rows and upload again.")
        st.session_state.pop("user_atlas", None)
    else:
        if "w_user_mode" not in st.session_state:
            st.session_state.w_user_mode = st.session_state.get("user_mode", "beside")
        mode = st.radio("Show your records", list(MODES), format_func=MODES.get, key="w_user_mode", horizontal=True,
                        help="Beside: the atlas with your places added; a place already in the atlas gets your facts "
                             "too. Your places are listed in a network of their own, 'Your data', in the legend and "
                             "the filters. Alone: only your records.")
        shown = None if mode == "off" else result.atlas
        if st.session_state.get("user_atlas") is not shown or st.session_state.get("user_mode") != mode:
            st.session_state.user_mode = mode
            st.session_state.user_atlas = shown
            if "url_state" in st.session_state:  # filters may name what the new map lacks
                ui.update_state(countries=(), networks=(), labels=(), policy_types=(), place=None)
        if shown is not None:
            st.success(f"{result.places:,} of your places are on the atlas for this session "
                       f"({MODES[mode].lower()}).", icon=":material/check_circle:")
            links = st.columns(3)
            links[0].page_link("app_pages/atlas.py", label="Open the atlas", icon=":material/map:")
            links[1].page_link("app_pages/timeline.py", label="Timeline", icon=":material/timeline:")
            links[2].page_link("app_pages/places.py", label="Places table", icon=":material/table_rows:")
        d = st.columns(3)
        stem = result.filename.rsplit(".", 1)[0]
        d[0].download_button("Your accepted rows, cleaned (CSV)",
                             upload.clean_frame(result).to_csv(index=False).encode(), file_name=f"clean_{stem}.csv",
                             mime="text/csv", icon=":material/download:",
                             help="In the template's columns: ISO country codes and dates, coordinates filled in, "
                                  "network ids; upload it again any time.")
        d[1].download_button("As a data package (ZIP)", upload.package_zip(result), mime="application/zip",
                             file_name=f"{stem}_datapackage.zip", icon=":material/download:",
                             help="datapackage.json and one CSV per table, as the atlas' own data.")
    if st.button("Remove your data", icon=":material/delete:"):
        for key in ("upload_result", "user_atlas", "_upload_input", "upload_sample", "w_user_mode"):
            st.session_state.pop(key, None)
        st.session_state.upload_round = st.session_state.get("upload_round", 0) + 1  # a fresh, empty uploader
        st.rerun()

ui.credits(ui.active_atlas())
