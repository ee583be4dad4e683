"""Lesson 3's area question: how big is the article's area figure beside places students know?

The figure (data/settings.csv `areas.article_figure`) is compared with the reference areas of
data/reference/ (section A, each with its publisher, date and link) as shares or multiples.
Because the figure is a lower bound, every sentence says "at least": if the area is at least
215 km², it is at least 68% of Malta.
"""

import math

import pandas as pd

from ..ledger import load_ledger
from .settings import setting
from .sources import with_sides

SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def format_km2(value: float) -> str:
    """1234.5 -> '1,234.5', 316.0 -> '316', 0.25 -> '0.25' (no trailing zeros); from a thousand
    billion up, in powers of ten with a superscript exponent: 1e99 -> '1 × 10⁹⁹'."""
    if value >= 1e15:
        mantissa, exponent = f"{value:.2e}".split("e")
        return f"{float(mantissa):g} × 10{str(int(exponent)).translate(SUPERSCRIPT)}"
    if value == int(value):
        return f"{int(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text if text not in ("0", "") else f"{value:.2g}"


def floor_to(value: float, decimals: int) -> float:
    """`value` rounded down: a lower bound ("at least") must never be shown larger than it is."""
    scale = 10 ** decimals
    return math.floor(value * scale + 1e-9) / scale


def percent(part: float, whole: float) -> str:
    """A share of a lower bound as a student would write it, rounded down: 68%, 0.7%, 0.024%."""
    share = 100 * part / whole
    if share >= 10:
        return f"{floor_to(share, 0):.0f}%"
    if share >= 1:
        return f"{floor_to(share, 1):.1f}%"
    decimals = 1 - math.floor(math.log10(share))  # two significant digits
    return f"{floor_to(share, decimals):.{decimals}f}%"


def article_figure_id(ledger=None) -> str:
    return setting("areas.article_figure", ledger, table="figures")


def country_id(ledger=None) -> str:
    """The reference id of the whole country's area (data/settings.csv `areas.country`)."""
    return setting("areas.country", ledger, table="reference_facts")


def country_name(ledger=None) -> str:
    """How the area comparison names the whole country's area (setting `areas.country_name`)."""
    return setting("areas.country_name", ledger)


def default_place_id(ledger=None) -> str:
    return setting("areas.default_place", ledger, table="reference_facts")


def article_area(ledger=None) -> dict:
    """The article's area figure: its id, quote, paragraph, lower bound and qualifier; a
    ValueError that says what to change when the figure has no lower bound."""
    ledger = ledger or load_ledger()
    figure_id = article_figure_id(ledger)
    row = ledger.figures.set_index("figure_id").loc[figure_id]
    if pd.isna(row["value_low"]):
        raise ValueError(
            f"the area figure {figure_id} (the setting 'areas.article_figure' of settings.csv) "
            f"has no lower bound in figures.csv: the area comparison words every share as "
            f"“at least” and needs an area printed with a lower bound (“at least 40 km²”), with "
            f"value_low filled in. {figure_id} is printed as “{row['quote']}” ({row['qualifier']}).")
    return {
        "figure_id": figure_id,
        "paragraph": int(row["paragraph"]),
        "quote": str(row["quote"]),
        "low": float(row["value_low"]),
        "qualifier": str(row["qualifier"]),
    }


def area_task_problem(task_id: str, ledger=None) -> str | None:
    """Why task `task_id`, which needs the article's area figure as a lower bound, cannot be
    checked on the loaded article; None when it can."""
    try:
        article_area(ledger)
    except ValueError as problem:
        return f"Task {task_id} cannot be checked on this article: {problem}"
    return None


def reference_areas(ledger=None) -> pd.DataFrame:
    """Reference areas (section A): id, place, area_km2, area_text (as the source writes it),
    as_of, source, side, link, confidence, note, label (the place, with its date where it has one)."""
    ledger = ledger or load_ledger()
    facts = with_sides(ledger)
    facts = facts[facts["section"] == "A"]
    values = ledger.reference_fact_values
    values = values[(values["unit"] == "km2") & values["fact_id"].isin(facts["id"])]
    values = values.drop_duplicates("fact_id")[["fact_id", "quote", "value_best"]]
    table = facts.merge(values, left_on="id", right_on="fact_id")
    table = table.rename(columns={"fact": "place", "value_best": "area_km2", "quote": "area_text"})
    table["area_km2"] = table["area_km2"].astype(float)
    table["label"] = [
        place if as_of == "current" else f"{place}, {as_of}"
        for place, as_of in zip(table["place"], table["as_of"], strict=True)
    ]
    table["order"] = table["id"].str[1:].astype(int)
    table = table.sort_values("order").reset_index(drop=True)
    return table[["id", "place", "label", "area_km2", "area_text", "as_of", "source", "side",
                  "side_label", "link", "confidence", "note"]]


def compare_sentence(low: float, name: str, area: float, area_text: str | None = None,
                     is_area: bool = False) -> str:
    """How the article's lower bound compares with one area, worded as a bound; `name` is a
    place ("Malta"), or with is_area=True an area ("the area you typed").

    >>> compare_sentence(215, "Malta", 316)
    'At least 215 km² is at least 68% of the area of Malta, 316 km².'
    >>> compare_sentence(215, "the area you typed", 100, is_area=True)
    'At least 215 km² is at least 2.1 times the area you typed, 100 km².'
    """
    shown = area_text or format_km2(area)
    compared = name if is_area else f"the area of {name}"
    if area >= low:
        return f"At least {format_km2(low)} km² is at least {percent(low, area)} of {compared}, {shown} km²."
    times = times_text(low / area)
    return f"At least {format_km2(low)} km² is at least {times} times {compared}, {shown} km²."


def times_text(times: float) -> str:
    """A multiple rounded down, as a lower bound: 2.04 -> '2.0', 215000.7 -> '215,000'."""
    return f"{floor_to(times, 1):,.1f}" if times < 100 else f"{math.floor(times):,}"


def areas_table(ledger=None) -> pd.DataFrame:
    """Every reference area with the article's bound as a share or multiple."""
    ledger = ledger or load_ledger()
    low = article_area(ledger)["low"]
    areas = reference_areas(ledger)
    return pd.DataFrame(
        {
            "id": areas["id"],
            "place": areas["label"],
            "area (km²)": areas["area_text"],
            f"at least {format_km2(low)} km² is": [
                f"at least {percent(low, a)} of it" if a >= low
                else f"at least {times_text(low / a)} times it"
                for a in areas["area_km2"]
            ],
            "as of": areas["as_of"],
            "source": areas["source"],
            "side": areas["side"],
            "link": areas["link"].fillna("—"),
        }
    )
