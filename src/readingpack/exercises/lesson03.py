"""Lesson 3, figures: the checks of the exercise tasks 3.1-3.7.

Every expected value is computed from the ledger (figures, reference areas, figure_reference)
through the evidence layer, never typed; only the key of the multiple-choice task (3.4) is
typed. The ids the tasks are about (the area figure, the country's area, the fuel depot deaths)
come from data/settings.csv.
"""

import re

import pandas as pd

from ..evidence.areas import area_task_problem, article_area, article_figure_id, country_id, reference_areas
from ..evidence.comparison import figure_sources, linked_figures
from ..evidence.settings import setting
from ..ledger import load_ledger
from . import choices
from .feedback import (
    CANNOT_CHECK,
    CORRECT,
    INCORRECT,
    Feedback,
    as_number,
    check_collection,
    check_label,
    check_number,
    check_written,
    decimals,
    task,
    type_problem,
)


def area_not_checkable(task_id: str) -> Feedback | None:
    """The answer of a task about the article's area figure when that figure has no lower bound
    (tasks 3.1, 3.2, 3.5 and 3.9 need one); None when the task can be checked."""
    problem = area_task_problem(task_id)
    return None if problem is None else Feedback(CANNOT_CHECK, problem, reason="no_lower_bound")


def _figures() -> pd.DataFrame:
    return load_ledger().figures.set_index("figure_id", drop=False)


def qualifier_labels() -> list[str]:
    """The qualifier labels allowed by the figures table's schema."""
    fields = load_ledger().tables["figures"].schema["fields"]
    return list(next(f for f in fields if f["name"] == "qualifier")["constraints"]["enum"])


# 3.1 ----------------------------------------------------------------------------------------

@task("3.1")
def check_area_qualifier(answer) -> Feedback:
    if (unavailable := area_not_checkable("3.1")) is not None:
        return unavailable
    row = _figures().loc[article_figure_id()]
    low, quote = int(row["value_low"]), row["quote"]
    why = {
        row["qualifier"]: f"{low} is a lower bound: {row['qualifier']}. “{quote}” means {low} km² or "
                          "more, with no upper bound, and the bound itself is included.",
        "exact": f"Not exact: “{quote}” does not say the area is {low} km². {low} is a lower "
                 "bound: the area is that or more.",
        "more_than": f"Close: but “more than” would exclude {low} itself. Read the quote again: "
                     f"does it include {low}?",
        "approximately": f"Not approximately: “at least” is not “about”. The area could be much "
                         f"larger than {low} km², never smaller.",
        "range": "Not a range: the article gives a floor and no ceiling.",
        "unspecified": f"Not unspecified: the article prints the number {low}; the qualifier says "
                       "how it relates to the true area.",
    }
    return check_label(answer, qualifier_labels(), row["qualifier"], why)


# 3.2 ----------------------------------------------------------------------------------------

def country_place() -> str:
    """The country of setting areas.country as its reference row names it ("Armenia (total)" gives
    "Armenia")."""
    place = reference_areas(load_ledger()).set_index("id").loc[country_id(), "place"]
    return re.sub(r"\s*\(.*\)$", "", str(place))


def area_share() -> tuple[float, float, float]:
    """(the article's lower bound, Armenia's area, the bound as a percentage of Armenia)."""
    low = article_area(load_ledger())["low"]
    armenia = float(reference_areas(load_ledger()).set_index("id").loc[country_id(), "area_km2"])
    return low, armenia, 100 * low / armenia


@task("3.2")
def check_share(answer) -> Feedback:
    if (unavailable := area_not_checkable("3.2")) is not None:
        return unavailable
    low, armenia, share = area_share()
    areas = reference_areas(load_ledger()).set_index("id")
    country, name = country_id(), country_place()
    near = [
        (share / 100, "This looks like the share as a fraction of one whole (part ÷ whole); the task "
                      "asks for a percentage, which counts in hundredths."),
        (armenia / low, f"{armenia / low:.1f}: you divided the wrong way round ({name}'s area by "
                        f"{low:g}). Divide the part ({low:g}) by the whole ({armenia:,.0f}), then "
                        "multiply by 100."),
        (100 * armenia / low, f"You divided the wrong way round ({name}'s area by the article's "
                              f"figure). Divide {low:g} by {armenia:,.0f}, then multiply by 100."),
    ]
    for place_id, place in areas["place"].items():
        if place_id != country:
            near.append((100 * low / areas.loc[place_id, "area_km2"],
                         f"That is {low:g} km² as a percentage of {place} ({place_id}), not of {name} "
                         f"({country}, {armenia:,.0f} km²)."))
    feedback = check_number(answer, share, decimals("3.2"), f"the share of {name}'s area, in percent", near)
    number = as_number(answer)
    if feedback.status == INCORRECT and number is not None:
        for value, explanation in near:  # a near miss rounded by the student: within 2%
            if value and abs(number - value) <= 0.02 * abs(value):
                return Feedback(INCORRECT, explanation, reason="near_miss")
    if feedback.passed:
        return Feedback(
            CORRECT,
            f"Yes: {low:g} / {armenia:,.0f} × 100 = {share:.2f}%. Since the article's {low:g} km² is a "
            f"lower bound, the area it describes is at least {share:.2f}% of {name}'s total area "
            f"({areas.loc[country, 'source']}, {country}).",
        )
    return feedback


# 3.3 ----------------------------------------------------------------------------------------

def death_figures() -> list[str]:
    figures = _figures()
    return sorted(figures.loc[figures["kind"] == "deaths", "figure_id"])


@task("3.3")
def check_death_figures(answer) -> Feedback:
    figures = _figures()
    expected = death_figures()
    if isinstance(answer, pd.Series | pd.Index):
        answer = list(answer)
    if not isinstance(answer, list | tuple | set):
        return check_collection(answer, expected, "figures that count deaths")
    if not all(isinstance(a, str) for a in answer):
        return type_problem(answer, 'a list of figure ids in quotes, e.g. ["F001", "F002"]')
    given = {a.strip().upper() for a in answer}
    notes = []
    for figure_id in sorted(given - set(expected)):
        if figure_id not in figures.index:
            notes.append(f"{figure_id} is not a figure id of the ledger (F001-F{len(figures):03d})")
            continue
        row = figures.loc[figure_id]
        if row["kind"] == "casualties":
            notes.append(f"{figure_id} (“{row['quote']}”) counts casualties, which can mean killed, "
                         "or killed and wounded: the article does not say which, so it is not "
                         "counted as deaths")
        elif row["kind"] in ("missing", "injured", "departures"):
            notes.append(f"{figure_id} (“{row['quote']}”) counts people {row['kind']}, not deaths")
        else:
            notes.append(f"{figure_id} (“{row['quote']}”) is a {row['kind']} figure, not a count of deaths")
    missing = len(set(expected) - given)
    if missing:
        what = "figure that counts deaths is" if missing == 1 else "figures that count deaths are"
        notes.append(f"{missing} {what} missing")
    if not notes:
        return Feedback(
            CORRECT,
            f"Yes: {', '.join(expected)}. They count deaths in different settings, and "
            "the article gives no total: do not add them up (task 3.4).",
        )
    extra = bool(given - set(expected))
    reason = "extra_and_missing" if extra and missing else "extra_items" if extra else "missing_items"
    return Feedback(INCORRECT, "; ".join(notes) + ".", reason=reason)


# 3.4 ----------------------------------------------------------------------------------------

CHOICES = {"3.4": choices.entry("3.4")}  # options and key (choices.csv)


@task("3.4")
def check_no_sum(answer) -> Feedback:
    return choices.check("3.4", answer)


# 3.5 ----------------------------------------------------------------------------------------

def closest_place() -> pd.Series:
    """The reference place whose area is closest to the article's 215 km²."""
    low = article_area(load_ledger())["low"]
    places = reference_areas(load_ledger())
    distance = (places["area_km2"] - low).abs()
    return places.loc[distance.idxmin()]


def _place_id(answer: str, places: pd.DataFrame) -> str | None:
    text = " ".join(answer.split()).casefold()
    ids = {i.casefold(): i for i in places["id"]}
    if text in ids:
        return ids[text]
    for row in places.itertuples():
        names = {row.place.casefold(), row.label.casefold(), row.place.split(" (")[0].casefold()}
        if text in names or (len(text) >= 4 and any(text in name for name in names)):
            return row.id
    if text.replace(".", "").replace(",", "") in {"dc", "washington dc"}:
        return places.loc[places["place"].str.startswith("Washington"), "id"].iloc[0]
    return None


@task("3.5")
def check_closest_place(answer) -> Feedback:
    if (unavailable := area_not_checkable("3.5")) is not None:
        return unavailable
    low = article_area(load_ledger())["low"]
    places = reference_areas(load_ledger())
    best = closest_place()
    example = places[places["id"] != best["id"]].sort_values("area_km2").iloc[-1]  # the largest other place
    if not isinstance(answer, str):
        return type_problem(answer, f'a reference id in quotes, e.g. "{example["id"]}"')
    place_id = _place_id(answer, places)
    if place_id is None:
        return Feedback(INCORRECT, f"I don't recognise {answer!r} as one of the places in the widget. "
                                   f'Give its reference id, e.g. "{example["id"]}" for '
                                   f'{example["place"].split(" (")[0]}.', reason="unknown_place")
    row = places.set_index("id").loc[place_id]
    difference = row["area_km2"] - low
    if place_id == best["id"]:
        return Feedback(
            CORRECT,
            f"Yes: {best['label']} ({best['id']}), {best['area_km2']:g} km², {abs(difference):g} km² "
            f"from {low:g}. The widget says “at least {low / best['area_km2']:.1f} times” its area.",
        )
    gap = abs(best["area_km2"] - low)
    side = "larger" if difference > 0 else "smaller"
    return Feedback(
        INCORRECT,
        f"{row['label']} ({place_id}, {row['area_km2']:g} km²) is {abs(difference):,.1f} km² {side} "
        f"than {low:g} km²; one place is closer (within {gap:g} km²). Look at the “times” and "
        "“%” lines of the widget: the closest place is nearest to 100%, or 1.0 times.",
        reason="not_closest",
    )


# 3.6 ----------------------------------------------------------------------------------------

@task("3.6")
def check_fuel_depot_sources(answer) -> Feedback:
    ledger = load_ledger()
    figures = _figures()
    fuel_depot = setting("lesson03.fuel_depot_figure")
    references = figure_sources(ledger, fuel_depot)
    near = []
    paragraph = figures.loc[fuel_depot, "paragraph"]
    linked = sorted(linked_figures(ledger), key=lambda f: figures.loc[f, "paragraph"] != paragraph)
    for figure_id in linked:
        count = len(figure_sources(ledger, figure_id))
        row = figures.loc[figure_id]
        if figure_id != fuel_depot and count != len(references) and all(n[0] != count for n in near):
            near.append((count, f"{count} is the number of sources for {figure_id} (“{row['quote']}”). "
                                f"Choose {fuel_depot} in the widget."))
    near.append((0, f"The widget lists at least one source for {fuel_depot}: choose "
                    f"{fuel_depot} (“{figures.loc[fuel_depot, 'quote']}”)."))
    feedback = check_number(answer, len(references), 0, "the number of other sources", near)
    if feedback.passed:
        shown = "; ".join(f"{r['reference_id']}: {r['source']} ({r['side']}), “{r['says']}”, "
                          f"{r['date']}" for r in references.to_dict("records"))
        return Feedback(CORRECT, f"Yes: {len(references)}. {shown}. The widget gives no verdict.")
    return feedback


# 3.7 ----------------------------------------------------------------------------------------

@task("3.7")
def check_casualties_answer(answer) -> Feedback:
    return check_written(answer, load_ledger().article.text, "3.7")
