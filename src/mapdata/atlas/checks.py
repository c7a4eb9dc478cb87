"""The checks of every cell and reference against the schema: types, ranges, patterns, dates, vocabularies, markup."""
from __future__ import annotations

import re

import pandas as pd
import pycountry

from mapdata.atlas.problems import ROW, Problem
from mapdata.atlas.schema import Field, Resource
from mapdata.dates import FORMAT_HINT, is_partial_date

_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")
_PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
def _cell_problem(field: Field, value: str) -> tuple[str, str] | None:
    """(type, message) when a non-empty cell breaks its field's constraints."""
    if _MARKUP.search(value):
        return "markup", "contains HTML markup; text must be plain"
    if field.type in ("number", "integer"):
        try:
            number = float(value) if field.type == "number" else int(value)
        except ValueError:
            return "type", f"should be {'a number' if field.type == 'number' else 'a whole number'}, got '{value}'"
        if number != number:  # 'nan' reads as a float but is no coordinate
            return "type", f"should be a number, got '{value}'"
        if field.minimum is not None and number < field.minimum or field.maximum is not None and number > field.maximum:
            return "out-of-range", f"should be between {field.minimum:g} and {field.maximum:g}, got {value}"
    if field.pattern == _PARTIAL_DATE_PATTERN and not is_partial_date(value):
        return "date", f"should look like {FORMAT_HINT}, got '{value}'"
    if field.pattern and field.pattern != _PARTIAL_DATE_PATTERN and not re.match(field.pattern, value):
        return "pattern", f"'{value}' does not match the pattern {field.pattern}"
    if field.enum and value not in field.enum:
        return "vocabulary", f"'{value}' is not an allowed term; allowed: {', '.join(field.enum)}"
    if field.name == "country_code" and not pycountry.countries.get(alpha_2=value):
        return "country", f"'{value}' is not an ISO 3166-1 alpha-2 country code"
    return None


def check_table(frame: pd.DataFrame, resource: Resource, file: str, problems: list[Problem]) -> pd.DataFrame:
    """Keep the rows whose every cell satisfies the schema; report the others."""
    bad = pd.Series(False, index=frame.index)
    for field in resource.fields:
        column = frame[field.name]
        if field.required:
            missing = column == ""
            for row in frame.loc[missing, ROW]:
                problems.append(Problem(file, int(row), field.name, "", "required", f"'{field.name}' is required"))
            bad |= missing
        for idx, value in column[column != ""].items():
            found = _cell_problem(field, value)
            if found:
                problems.append(Problem(file, int(frame.at[idx, ROW]), field.name, value, *found))
                bad[idx] = True
        if field.unique:
            dup = column.duplicated(keep="first") & (column != "")
            for idx in dup[dup & ~bad].index:
                first = int(frame.loc[column == column[idx], ROW].iloc[0])
                problems.append(Problem(file, int(frame.at[idx, ROW]), field.name, column[idx], "duplicate",
                                        f"'{column[idx]}' is already used on row {first}; ids must be unique"))
            bad |= dup
    return frame[~bad]


def check_references(tables: dict[str, pd.DataFrame], resources: dict[str, Resource],
                     problems: list[Problem]) -> dict[str, pd.DataFrame]:
    """Leave out rows whose foreign keys do not resolve (after each referenced table was checked)."""
    out = dict(tables)
    for name, resource in resources.items():
        for field, target, target_field in resource.foreign_keys:
            frame = out[name]
            known = set(out[target][target_field])
            dangling = (frame[field] != "") & ~frame[field].isin(known)
            for _, rec in frame[dangling].iterrows():
                problems.append(Problem(resource.path, int(rec[ROW]), field, rec[field], "reference",
                                        f"'{rec[field]}' is not a {target_field} in {resources[target].path}"))
            out[name] = frame[~dangling]
    return out
