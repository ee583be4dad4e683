"""Checking the article's figures and dates against other sources, with a neutral outcome.

Each check puts one figure of the article (data/figures.csv) beside one value of another
source (data/reference/fact_values.csv), as linked in data/figure_reference.csv. Each link
records a decision: `same_measure` (the source counts or dates the same thing, so the two can
be compared), `different_measure` (it counts something else: the population before a crisis,
arrivals by a date, refugees registered later, all deaths rather than civilians; shown side by
side, never compared, never "differs") or `context` (background, listed by `context_table`).
Numbers in names ("COP29", "“3+3”") are not checkable figures.

One comparison, two steps, one vocabulary (data/vocabulary.csv). First the link's relation
(lesson 3's figure check shows it): the same measure, a different measure, or context. Then,
for the same measure only, an outcome (lesson 8's claim check): one of OUTCOMES, which says
only how two values compare, never whether an opinion is right; a different measure keeps the
relation's words as its outcome. The rules, applied in this order:

Numbers (the article's figure and the source's value as ranges: "at least 220" is 220 to no
upper bound, "about 200" and a plain "218" are the number itself, "up to 1" is 0 to 1):

  M1  The source counts a different measure                          -> a different measure
  N1  The same number with the same qualifier                       -> consistent
  N2  The two ranges touch or overlap                               -> consistent
  N3  The gap between the nearest ends is at most ROUGH_TOLERANCE
      (10%) of the larger of those two ends                         -> roughly consistent
  N4  Otherwise                                                     -> differs

Dates (each as the span of days it can mean: "2020" is 1 Jan to 31 Dec 2020):

  T1  The same span                                                 -> consistent
  T2  One span lies inside the other (the less precise date contains
      the more precise one)                                         -> consistent
  T3  The spans overlap in part                                     -> roughly consistent
  T4  The spans do not meet                                         -> differs (the gap in days)

  X1  A number against a date, or a value missing on either side    -> could not be checked
      from the sources at hand

Where a rule cannot see what matters (a duration against a starting date, two different
events in the same month, a count that could not be matched to one named source), a hand-coded
judgement in data/judgements.csv replaces the rule's outcome; the table keeps both, with the reason.

`figure_sources` lists the other sources linked to one figure, in the same words the figure
check (lesson 3) and the claim check (lesson 8) show; `check_table` adds the outcomes.
"""

import math
from dataclasses import dataclass

import pandas as pd

from ..ledger import load_ledger, per_ledger
from .links import links_text, ordered_links
from .settings import labels
from .sources import with_sides

# The words of each outcome, from data/vocabulary.csv (kind `outcome`): the same words the
# figure check (lesson 3) shows for a link's relation, so "a different measure: shown, not
# compared" reads the same in both widgets, in the feedback and in data/judgements.csv.
_OUTCOME_WORDS = labels("outcome")
CONSISTENT = _OUTCOME_WORDS["consistent"]
ROUGHLY = _OUTCOME_WORDS["roughly_consistent"]
DIFFERS = _OUTCOME_WORDS["differs"]
DIFFERENT_MEASURE = _OUTCOME_WORDS["different_measure"]
UNCHECKED = _OUTCOME_WORDS["unchecked"]
OUTCOMES = (CONSISTENT, ROUGHLY, DIFFERS, DIFFERENT_MEASURE, UNCHECKED)

ROUGH_TOLERANCE = 0.10
CHECK_RELATIONS = ("same_measure", "different_measure")


def hand_coded(ledger=None) -> dict[tuple[str, str], tuple[str, str]]:
    """Hand-coded judgements where a rule cannot see what matters, from data/judgements.csv:
    {(figure_id, value_id): (outcome, reason)}."""
    table = (ledger or load_ledger()).judgements
    return {(f, v): (o, r) for f, v, o, r in zip(table["figure_id"], table["value_id"],
                                                 table["outcome"], table["reason"], strict=True)}


@dataclass(frozen=True)
class Range:
    """A number as an interval: low and high (math.inf where there is no upper bound)."""

    low: float
    high: float


def number_range(low, best, high, qualifier) -> Range | None:
    """The interval a figure can mean, from its value columns and qualifier (None if no number)."""
    def present(x) -> bool:
        return x is not None and not pd.isna(x)

    if qualifier in ("at_least", "more_than", "unspecified") and present(low):
        return Range(float(low), math.inf)
    if qualifier == "at_most" and present(high):
        return Range(0.0, float(high))
    if present(best):
        return Range(float(best), float(best))
    if present(low):
        return Range(float(low), float(high) if present(high) else math.inf)
    return None


def compare_numbers(article: Range, article_qualifier: str, source: Range,
                    source_qualifier: str) -> tuple[str, str, str]:
    """(rule, outcome, reason) for two numbers of the same measure, by rules N1-N4."""
    if article == source and article_qualifier == source_qualifier:
        return "N1", CONSISTENT, "The same number with the same qualifier."
    if article.low <= source.high and source.low <= article.high:
        return "N2", CONSISTENT, "The two values overlap, and they count the same thing."
    near_article = article.low if article.low > source.high else article.high
    near_source = source.high if article.low > source.high else source.low
    gap = abs(near_article - near_source)
    larger = max(near_article, near_source)
    share = gap / larger
    if share <= ROUGH_TOLERANCE:
        return "N3", ROUGHLY, (
            f"The values are {_number(gap)} apart, {_share(share)} of the larger one "
            f"(within {ROUGH_TOLERANCE:.0%})."
        )
    return "N4", DIFFERS, f"The values are {_number(gap)} apart, {_share(share)} of the larger one."


def compare_dates(article: tuple[pd.Timestamp, pd.Timestamp],
                  source: tuple[pd.Timestamp, pd.Timestamp]) -> tuple[str, str, str]:
    """(rule, outcome, reason) for two dates given as (first day, last day), by rules T1-T4."""
    (a_start, a_end), (s_start, s_end) = article, source
    if (a_start, a_end) == (s_start, s_end):
        return "T1", CONSISTENT, "The same date."
    a_inside = s_start <= a_start and a_end <= s_end
    s_inside = a_start <= s_start and s_end <= a_end
    if a_inside or s_inside:
        wider = "the article's date" if s_inside else "the source's date"
        narrower = "the source's" if s_inside else "the article's"
        return "T2", CONSISTENT, f"{narrower.capitalize()} date falls within {wider}."
    if a_start <= s_end and s_start <= a_end:
        return "T3", ROUGHLY, "The two dates overlap in part."
    days = (s_start - a_end).days if a_end < s_start else (a_start - s_end).days
    return "T4", DIFFERS, f"The two dates are {days} day{'s' if days != 1 else ''} apart."


def outcome_by_rules(figure: dict, value: dict, relation: str) -> tuple[str, str, str]:
    """(rule, outcome, reason) for one figure row and one reference value row (dicts or Series)."""
    if relation == "different_measure":
        return "M1", DIFFERENT_MEASURE, (
            f"The article's figure counts {_counts(figure)}; the source counts "
            f"{_counts(value)}. Different measures are shown side by side, not compared."
        )
    article_number = number_range(figure["value_low"], figure["value_best"], figure["value_high"],
                                  figure["qualifier"])
    source_number = number_range(value["value_low"], value["value_best"], value["value_high"],
                                 value["qualifier"])
    article_is_date = figure["kind"] in ("date", "year") and not pd.isna(figure["date_start"])
    source_is_date = not pd.isna(value["date_start"])
    if article_is_date and source_is_date:
        return compare_dates((figure["date_start"], figure["date_end"]),
                             (value["date_start"], value["date_end"]))
    elif article_number is not None and source_number is not None and not article_is_date:
        return compare_numbers(article_number, figure["qualifier"], source_number, value["qualifier"])
    return "X1", UNCHECKED, "The two values are not of the same kind (a number and a date)."


def _counts(row) -> str:
    counts = row.get("counts_what")  # a dict or a Series
    return str(counts) if _present(counts) and counts else "what its row describes"


def _number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"


def _share(share: float) -> str:
    return f"{share:.0%}" if share >= 0.01 else f"{share:.1%}"


def format_date(start: pd.Timestamp, end: pd.Timestamp, precision: str | None) -> str:
    """9 Nov 2024; November 2022; 2020; 1918-1920; 12-13 Nov 2024."""
    if precision == "year":
        return f"{start.year}"
    if precision == "month":
        return start.strftime("%B %Y")
    if start == end:
        return f"{start.day} {start.strftime('%b %Y')}"
    if precision == "range" and start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return f"{start.year}-{end.year}"
    if start.year == end.year and start.month == end.month:
        return f"{start.day}-{end.day} {end.strftime('%b %Y')}"
    return f"{start.day} {start.strftime('%b %Y')} to {end.day} {end.strftime('%b %Y')}"


def publication_year(ledger=None) -> int:
    """The year the article was published (data/article/metadata.json `published`)."""
    return int(str((ledger or load_ledger()).article.metadata["published"])[:4])


def _present(x) -> bool:
    return x is not None and not pd.isna(x)


def article_value(figure, ledger=None) -> str:
    """The article's figure in words, the same in the figure check and the claim check:
    "at least 215 km²", "about 200 people", "1 day", "position 16 (an ordinal)",
    "no number printed; read as at least 24 exercises", "9 Nov 2024 (no year printed: 2024 taken
    from the publication date)", "no value recorded (a number in a name)"."""
    ledger = ledger or load_ledger()
    if figure["kind"] in ("date", "year") and _present(figure["date_start"]):
        when = format_date(figure["date_start"], figure["date_end"], figure["date_precision"])
        if _present(figure["year_printed"]) and not figure["year_printed"]:
            when += f" (no year printed: {publication_year(ledger)} taken from the publication date)"
        return when
    qualifier = figure["qualifier"] if _present(figure["qualifier"]) else ""
    number = number_range(figure["value_low"], figure["value_best"], figure["value_high"], qualifier)
    if number is None:
        return "no value recorded (a number in a name)"
    unit = str(figure["unit"]) if _present(figure["unit"]) else ""
    if unit == "ordinal" or figure["kind"] == "ordinal":
        return f"position {_number(number.low)} (an ordinal)"
    unit = labels("unit", ledger).get(unit, unit)
    if number.high == math.inf:
        words = labels("bound_word", ledger).get(qualifier, "at least")
        prefix = "no number printed; read as " if qualifier == "unspecified" else ""
        return f"{prefix}{words} {_number(number.low)} {unit}".strip()
    if number.low == 0 and qualifier == "at_most":
        return f"up to {_number(number.high)} {unit}".strip()
    if number.low != number.high:
        return f"{_number(number.low)} to {_number(number.high)} {unit}".strip()
    if number.low == 1 and unit.endswith("s"):
        unit = unit[:-1]
    about = "about " if qualifier == "approximately" else ""
    return f"{about}{_number(number.low)} {unit}".strip()


def source_date(fact, values: pd.DataFrame) -> str:
    """When the other source's value holds or was given: "as of 22 Dec 2023"; else the dates its
    source column gives, each with what it dates; else every date it gives; else a plain
    "no date given in the reference list"."""
    if _present(fact["as_of"]):
        return f"as of {fact['as_of']}"
    dated = values[(values["fact_id"] == fact["id"]) & values["date_start"].notna()]
    from_source = dated[dated["field"] == "source"]
    if len(from_source):
        return _dates(from_source)
    if len(dated):
        return "dates it gives: " + _dates(dated)
    return "no date given in the reference list"


def _dates(values: pd.DataFrame) -> str:
    return "; ".join(f"{quote} ({what})" for quote, what
                     in zip(values["quote"], values["counts_what"], strict=True))


def _text(x) -> str:
    return str(x) if _present(x) else ""


SOURCE_COLUMNS = [
    "figure_id", "reference_id", "value_id", "says", "counts", "source", "date", "side",
    "side_label", "link", "link_2", "confidence", "relation", "relation_label", "note",
    "after_article",
]


def _source_row(ledger, link: dict, fact, values: pd.DataFrame, relation_labels: dict) -> dict:
    """One other source linked to a figure, in the words both widgets show. `values` holds the
    fact's own rows of reference/fact_values.csv, indexed by value_id."""
    value_id = _text(link["value_id"])
    links = [*ordered_links(ledger, fact["id"]), "", ""]  # the document's own page first
    value = values.loc[value_id] if value_id else None
    return {
        "figure_id": link["figure_id"], "reference_id": fact["id"], "value_id": value_id,
        "says": value["quote"] if value is not None else fact["value"],
        "counts": value["counts_what"] if value is not None else fact["fact"],
        "source": fact["source"], "date": source_date(fact, values), "side": fact["side"],
        "side_label": fact["side_label"], "link": links[0], "link_2": links[1],
        "confidence": fact["confidence"], "relation": link["relation"],
        "relation_label": relation_labels[link["relation"]], "note": _text(link["note"]),
        "after_article": bool(fact["after_article"]),
    }


def figure_sources(ledger, figure_id: str) -> pd.DataFrame:
    """Every other source linked to a figure (or to the figure it repeats), whatever the relation:
    reference id, value id, what the source says and what it counts, its publisher and document,
    date, side (code and words), links, the relation (code and words) and the note."""
    figure = ledger.figures.set_index("figure_id", drop=False).loc[figure_id]
    return pd.DataFrame(_sources_of(figure, _every_source_row(ledger)), columns=SOURCE_COLUMNS)


def _sources_of(figure, every: list[dict]) -> list[dict]:
    """The rows of `every` (_every_source_row) linked to a figure or to the figure it repeats."""
    target = figure["same_as"] if _present(figure["same_as"]) else figure["figure_id"]
    return [row for row in every if row["figure_id"] == target]


@per_ledger
def _every_source_row(ledger) -> list[dict]:
    """The rows of figure_sources for every link of figure_reference.csv, in its order."""
    facts = with_sides(ledger).set_index("id", drop=False)
    relation_labels = labels("relation", ledger)
    return [_source_row(ledger, link, facts.loc[link["reference_id"]],
                        _values_of(ledger, link["reference_id"]), relation_labels)
            for link in ledger.figure_reference.to_dict("records")]


@per_ledger(copies=False)
def _values_by_fact(ledger) -> dict[str, pd.DataFrame]:
    values = ledger.reference_fact_values
    return {fact_id: rows.set_index("value_id", drop=False)
            for fact_id, rows in values.groupby("fact_id", sort=False)}


def _values_of(ledger, fact_id: str) -> pd.DataFrame:
    """A fact's rows of reference/fact_values.csv, indexed by value_id (none: an empty table)."""
    found = _values_by_fact(ledger).get(fact_id)
    if found is None:
        found = ledger.reference_fact_values.iloc[:0].set_index("value_id", drop=False)
    return found


def linked_figures(ledger) -> list[str]:
    """The figures with at least one other source linked, in the order of figure_reference.csv."""
    return list(dict.fromkeys(ledger.figure_reference["figure_id"]))


def _whole_fact_value(fact_id: str, values: pd.DataFrame) -> dict:
    """A link without value_id compares with the whole fact: the span of all its dates."""
    own = values[(values["fact_id"] == fact_id) & values["date_start"].notna()]
    quote = "; ".join(own["quote"])
    return {
        "value_id": "", "quote": quote, "value_low": None, "value_best": None, "value_high": None,
        "qualifier": "range", "counts_what": "; ".join(own["counts_what"]),
        "date_start": own["date_start"].min() if len(own) else pd.NaT,
        "date_end": own["date_end"].max() if len(own) else pd.NaT,
        "date_precision": "range",
    }


CHECK_COLUMNS = [
    "figure_id", "paragraph", "kind", "article_quote", "article_value", "reference_id", "value_id",
    "source_value", "source_counts", "source", "source_date", "side", "side_label", "link",
    "link_2", "confidence", "relation", "relation_label", "note", "rule", "rule_outcome",
    "rule_reason", "judged", "outcome", "reason",
]


def _links(ledger) -> pd.DataFrame:
    links = ledger.figure_reference.merge(ledger.figures, on="figure_id", how="left")
    return links[links["kind"] != "name_number"]


def check_table(ledger, judgements: dict | None = None) -> pd.DataFrame:
    """Every check (a figure beside one other source's value) with its neutral outcome.

    `rule_outcome` and `rule_reason` come from the rules of this module's docstring; `outcome`
    and `reason` are the same unless data/judgements.csv (or `judgements`) holds a hand-coded
    judgement for the pair, in which case `judged` is True. The source columns are those of
    `figure_sources` (says -> source_value, counts -> source_counts, date -> source_date).
    Ordered by paragraph, figure and source."""
    if judgements is None:
        return _ledger_checks(ledger)
    facts = with_sides(ledger).set_index("id", drop=False)
    values = ledger.reference_fact_values
    by_value_id = values.set_index("value_id", drop=False)
    relation_labels = labels("relation", ledger)
    links = _links(ledger)
    rows = []
    for link in links[links["relation"].isin(CHECK_RELATIONS)].to_dict("records"):
        fact = facts.loc[link["reference_id"]]
        source = _source_row(ledger, link, fact, _values_of(ledger, fact["id"]), relation_labels)
        value_id = source["value_id"]
        value = by_value_id.loc[value_id].to_dict() if value_id else _whole_fact_value(fact["id"], values)
        rule, rule_outcome, rule_reason = outcome_by_rules(link, value, link["relation"])
        outcome, reason = judgements.get((link["figure_id"], value_id), (rule_outcome, rule_reason))
        rows.append({
            "figure_id": link["figure_id"], "paragraph": int(link["paragraph"]), "kind": link["kind"],
            "article_quote": link["quote"], "article_value": article_value(link, ledger),
            "reference_id": source["reference_id"], "value_id": value_id,
            "source_value": source["says"], "source_counts": source["counts"],
            "source": source["source"], "source_date": source["date"], "side": source["side"],
            "side_label": source["side_label"], "link": source["link"], "link_2": source["link_2"],
            "confidence": source["confidence"], "relation": source["relation"],
            "relation_label": source["relation_label"], "note": source["note"],
            "rule": rule, "rule_outcome": rule_outcome, "rule_reason": rule_reason,
            "judged": (link["figure_id"], value_id) in judgements, "outcome": outcome, "reason": reason,
        })
    table = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    return table.sort_values(["paragraph", "figure_id", "reference_id", "value_id"], ignore_index=True)


@per_ledger
def _ledger_checks(ledger) -> pd.DataFrame:
    """check_table with the judgements of data/judgements.csv."""
    return check_table(ledger, hand_coded(ledger))


def context_table(ledger) -> pd.DataFrame:
    """The links whose relation is `context`: background a reader may want, with no outcome."""
    facts = with_sides(ledger).set_index("id", drop=False)
    values = ledger.reference_fact_values.set_index("value_id", drop=False)
    links = _links(ledger)
    rows = []
    for link in links[links["relation"] == "context"].to_dict("records"):
        fact = facts.loc[link["reference_id"]]
        value_id = link["value_id"] if not pd.isna(link["value_id"]) else ""
        rows.append({
            "figure_id": link["figure_id"], "paragraph": int(link["paragraph"]),
            "article_quote": link["quote"], "reference_id": fact["id"], "value_id": value_id,
            "source_value": values.loc[value_id, "quote"] if value_id else fact["value"],
            "source": fact["source"], "side": fact["side"], "side_label": fact["side_label"],
            "kind": fact["kinds"], "link": "" if pd.isna(fact["link"]) else fact["link"],
            "note": "" if pd.isna(link["note"]) else link["note"],
        })
    columns = ["figure_id", "paragraph", "article_quote", "reference_id", "value_id", "source_value",
               "source", "side", "side_label", "kind", "link", "note"]
    return pd.DataFrame(rows, columns=columns).sort_values(
        ["paragraph", "figure_id", "reference_id"], ignore_index=True
    )


def checkable_figures(checks: pd.DataFrame) -> pd.DataFrame:
    """One row per figure that has at least one check: figure_id, paragraph, quote and a label."""
    first = checks.drop_duplicates("figure_id")[["figure_id", "paragraph", "article_quote"]]
    first = first.reset_index(drop=True)
    first["label"] = [f"¶{p} · {q}" for p, q in zip(first["paragraph"], first["article_quote"], strict=True)]
    return first


def outcome_counts(checks: pd.DataFrame) -> pd.Series:
    """How many checks end in each outcome, in the order of OUTCOMES (zeros included)."""
    return checks["outcome"].value_counts().reindex(list(OUTCOMES), fill_value=0).rename("checks")


def paragraph_context(ledger, paragraph: int | list[int] | None = None) -> pd.DataFrame:
    """Facts from other sources that bear on a paragraph (or on several: lesson 8 reads its list
    from the setting lesson08.context_paragraphs), whichever side they support: each with its
    publisher's side and kind of standing (a court's order, a political body's resolution, a
    government's statement), from data/paragraph_context.csv. Ordered as the file lists them."""
    links = ledger.paragraph_context
    if paragraph is not None:
        wanted = [paragraph] if isinstance(paragraph, int) else [int(p) for p in paragraph]
        links = links[links["paragraph"].isin(wanted)]
    facts = with_sides(ledger).set_index("id")
    rows = []
    for link in links.to_dict("records"):
        fact = facts.loc[link["reference_id"]]
        rows.append({
            "paragraph": int(link["paragraph"]), "reference_id": link["reference_id"],
            "fact": fact["fact"], "the source says": fact["value"], "source": fact["source"],
            "stated by": fact["stated_by"], "kind": fact["kinds"], "side": fact["side"],
            "side_label": fact["side_label"], "party": bool(fact["party"]), "note": link["note"],
            "links": links_text(ledger, link["reference_id"]),
        })
    columns = ["paragraph", "reference_id", "fact", "the source says", "source", "stated by", "kind",
               "side", "side_label", "party", "note", "links"]
    return pd.DataFrame(rows, columns=columns)


def figure_reference_table(ledger=None) -> pd.DataFrame:
    """The figure check as one table: every figure of the article with every other source linked to it."""
    ledger = ledger or load_ledger()
    every, rows = _every_source_row(ledger), []
    for row in ledger.figures.to_dict("records"):
        figure_id = row["figure_id"]
        sources = _sources_of(row, every)  # the rows of figure_sources(ledger, figure_id)
        base = {"figure": figure_id, "paragraph": row["paragraph"], "the article": row["quote"],
                "recorded as": article_value(row, ledger)}
        repeat = f" (repeats {row['same_as']})" if pd.notna(row["same_as"]) else ""
        if not sources:
            rows.append(base | {"other source": "—", "it says": "—", "side": "—", "date": "—",
                                "relation": "no other source linked" + repeat})
        for ref in sources:
            rows.append(base | {"other source": f"{ref['reference_id']}: {ref['source']}",
                                "it says": f"{ref['says']} ({ref['counts']})", "side": ref["side"],
                                "date": ref["date"], "relation": ref["relation"] + repeat})
    return pd.DataFrame(rows)
