"""The two governments' positions, as the article reports them (lesson 6), as tables and records.

Both government columns come through the author's account, and both use one wording,
POSITION_COLUMN, with the government's name substituted. data/positions.csv gives each row a
`kind`: `reported` (a position the article reports, with its words in `quote`), `not_reported`
(the article reports none on the issue) or `authors_reading` (the author's own account,
characterisation or prediction about a government). An author's reading is never put in a
government's column: it is listed apart, with the government's own statement where the
reference list holds one (`own_statement`).

The governments and their order come from the setting `positions.governments` (data/settings.csv;
each an actors.csv actor_id, named "<actor name>'s government"); the publication date from
data/article/metadata.json. Each government's own statements are the data/issue_facts.csv rows
whose `use` is own_statement; the reference facts marked after_article are context, never a
score for the article's predictions. No user interface: readingpack.widgets.positions renders
what this module returns.
"""

from datetime import date

import pandas as pd

from ..ledger import load_ledger
from . import settings, sources
from .links import ordered_links

GOVERNMENT = "{state}'s government"
POSITION_COLUMN = "{government}'s position, as the article reports it"
WORDS_COLUMN = "{government}'s position: the article's words (¶)"
OWN_COLUMN = "{government}'s own statements in the reference list"
AUTHORS_TITLE = "The author's reading (not a government's position)"
REPORTED, NOT_REPORTED, AUTHORS_READING = "reported", "not_reported", "authors_reading"
OWN_STATEMENT, CONTEXT = "own_statement", "context"
THROUGH_THE_AUTHOR = (
    "Both government columns come through the author's account: each cell is what the article "
    "reports that government says or does, in the article's words, not the government's own "
    "statement. The author's own readings and predictions are listed apart, under "
    f"“{AUTHORS_TITLE}”."
)
OWN_CAVEAT = (
    "Not from the article: each government's own words on this issue, where the pack's reference "
    "list holds them, with the source and its side. A party's statement is evidence of what that "
    "party says."
)
AFTER_TITLE = "After the article was published"
AFTER_CAVEAT_TEMPLATE = (
    "Context only: these events came after {published}. They are not a score for the "
    "article's predictions or arguments."
)
NO_READING = "The pack records no separate reading of the author's on this issue."
NO_LATER_FACTS = (
    "The pack's reference facts report nothing from after the article's publication on this issue."
)
GOVERNMENTS_SETTING = "positions.governments"


def as_text(value) -> str:
    """A cell as text: "" for a missing value."""
    return "" if value is None or pd.isna(value) else str(value)


def long_date(day: date) -> str:
    """'22 November 2024'."""
    return f"{day:%-d %B %Y}"


def publication_date(ledger=None) -> str:
    """The article's publication date in words, from data/article/metadata.json."""
    published = (ledger or load_ledger()).article.metadata["published"]
    return long_date(date.fromisoformat(published))


def government_names(ledger=None) -> dict[str, str]:
    """{actor_id: "<name>'s government"} of the governments of setting positions.governments."""
    ledger = ledger or load_ledger()
    names = ledger.actors.set_index("actor_id")["name"]
    return {g: GOVERNMENT.format(state=names[g])
            for g in settings.setting_ids(GOVERNMENTS_SETTING, ledger, table="actors")}


class PositionsData:
    """The issues, the positions, the governments' own statements and the later facts, read once."""

    def __init__(self, ledger=None):
        ledger = ledger or load_ledger()
        self.ledger = ledger
        self.issues = ledger.issues.reset_index(drop=True)
        self.positions = ledger.positions
        self.facts = ledger.reference_facts.set_index("id", drop=False)
        self.sides = sources.fact_sides(ledger)
        self.fact_values = ledger.reference_fact_values
        self.issue_facts = ledger.issue_facts
        self.names = government_names(ledger)
        self.governments = {g: POSITION_COLUMN.format(government=n) for g, n in self.names.items()}
        self.own_heads = {g: OWN_COLUMN.format(government=n) for g, n in self.names.items()}
        self.published = publication_date(ledger)
        self.after_caveat = AFTER_CAVEAT_TEMPLATE.format(published=self.published)

    def label(self, issue_id: str) -> str:
        return as_text(self.issues.loc[self.issues["issue_id"] == issue_id, "issue"].iloc[0])

    def options(self) -> list[tuple[str, str]]:
        return [(self.label(i), i) for i in self.issues["issue_id"]]

    def not_reported_sentence(self, government: str) -> str:
        return f"The article does not report {self.names[government]}'s position on this issue."

    def no_statement_sentence(self, government: str) -> str:
        return (f"The pack's reference list holds no statement of {self.names[government]} "
                "on this issue.")

    def rows(self, issue_id: str, kind: str, government: str | None = None) -> pd.DataFrame:
        """The rows of one kind on the issue, of one government or of both."""
        rows = self.positions[(self.positions["issue_id"] == issue_id)
                              & (self.positions["kind"] == kind)]
        if government:
            rows = rows[rows["government"] == government]
        return rows.sort_values("position_id")

    def positions_of(self, issue_id: str, government: str) -> pd.DataFrame:
        """The positions of `government` that the article reports on the issue."""
        return self.rows(issue_id, REPORTED, government)

    def sides_reported(self, issue_id: str) -> list[str]:
        return [g for g in self.names if not self.positions_of(issue_id, g).empty]

    def sides_text(self, issue_id: str) -> str:
        """'both', 'only <government>' or 'neither': whose positions the article reports."""
        reported = self.sides_reported(issue_id)
        if len(reported) == len(self.names):
            return "both"
        if len(reported) == 1:
            return f"only {self.names[reported[0]]}"
        return "neither"

    def statements(self, issue_id: str, government: str) -> pd.DataFrame:
        """The government's own statements on the issue, from the reference list."""
        links = self.issue_facts
        return links[(links["issue_id"] == issue_id) & (links["use"] == OWN_STATEMENT)
                     & (links["government"] == government)]

    def statement(self, issue_id: str, government: str, fact_id: str) -> pd.Series:
        found = self.statements(issue_id, government)
        return found[found["fact_id"] == fact_id].iloc[0]

    def after_facts(self, issue_id: str) -> list[str]:
        """Reference facts from after the article's publication linked to the issue."""
        links = self.issue_facts
        linked = links.loc[(links["issue_id"] == issue_id) & (links["use"] == CONTEXT), "fact_id"]
        return [f for f in linked if bool(self.facts.loc[f, "after_article"])]

    def issues_of_fact(self, fact_id: str, use: str | None = None) -> list[str]:
        links = self.issue_facts
        if use:
            links = links[links["use"] == use]
        return list(dict.fromkeys(links.loc[links["fact_id"] == fact_id, "issue_id"]))

    def fact_day(self, fact_id: str):
        """The first start date of the fact's values, or None."""
        values = self.fact_values[(self.fact_values["fact_id"] == fact_id)
                                  & self.fact_values["date_start"].notna()]
        return None if values.empty else values.iloc[0]["date_start"]

    def fact_date(self, fact_id: str) -> str:
        day = self.fact_day(fact_id)
        return "" if day is None else f"{day:%-d %b %Y}"

    def fact_side(self, fact_id: str) -> str:
        """The side codes, 'AM; AZ (reported by AM-media and AZ-media)'."""
        return as_text(self.sides.loc[fact_id, "side"])

    def fact_side_words(self, fact_id: str) -> str:
        """The side in words, from data/reference/sides.csv."""
        return as_text(self.sides.loc[fact_id, "side_label"])

    def fact_carried_by(self, fact_id: str) -> str:
        return as_text(self.sides.loc[fact_id, "carried_by"])

    def fact_links(self, fact_id: str) -> list[str]:
        return ordered_links(self.ledger, fact_id)  # the document's own page first

    def fact_record(self, fact_id: str) -> dict:
        """One reference fact as text: id, date, fact, value, note, source, side, confidence, links."""
        fact = self.facts.loc[fact_id]
        record = {c: as_text(fact[c]) for c in ("fact", "value", "note", "source", "confidence")}
        return {"id": fact_id, "date": self.fact_date(fact_id), **record,
                "side": self.fact_side_words(fact_id), "carried_by": self.fact_carried_by(fact_id),
                "links": self.fact_links(fact_id)}


def positions_table(data: PositionsData | None = None) -> pd.DataFrame:
    """One row per issue: whose positions the article reports; for each government (one wording
    for both) what the article reports, with its words and paragraphs; the author's readings
    apart; and each government's own statements from the reference list, with their ids."""
    data = data or PositionsData()
    rows = []
    for issue_id in data.issues["issue_id"]:
        row = {"issue": data.label(issue_id), "sides the article reports": data.sides_text(issue_id)}
        for government, name in data.names.items():
            found = data.positions_of(issue_id, government)
            position, words = POSITION_COLUMN.format(government=name), WORDS_COLUMN.format(government=name)
            if found.empty:
                row[position], row[words] = data.not_reported_sentence(government), "—"
                continue
            row[position] = " / ".join(as_text(t) for t in found["reported_position"])
            row[words] = " / ".join(
                f"“{as_text(q)}” ({int(p)})" for q, p in zip(found["quote"], found["paragraph"], strict=True)
            )
        readings = data.rows(issue_id, AUTHORS_READING)
        row[AUTHORS_TITLE] = " / ".join(
            f"about {data.names[g]}: “{as_text(w)}” ({int(p)})" for g, w, p in
            zip(readings["government"], readings["authors_words"], readings["authors_paragraph"],
                strict=True)
        ) or "—"
        for government, name in data.names.items():
            found = data.statements(issue_id, government)
            row[OWN_COLUMN.format(government=name)] = " / ".join(
                f"“{as_text(q)}” ({f})" for q, f in zip(found["quote"], found["fact_id"], strict=True)
            ) or "—"
        rows.append(row)
    return pd.DataFrame(rows).set_index("issue")


def after_article_table(data: PositionsData | None = None) -> pd.DataFrame:
    """The reference facts from after the article's publication, with their sources, sides,
    links and the issues they concern."""
    data = data or PositionsData()
    rows = []
    for fact_id in data.facts.index[data.facts["after_article"].fillna(False)]:
        fact = data.facts.loc[fact_id]
        rows.append({
            "id": fact_id,
            "date": data.fact_date(fact_id),
            "what happened (after the article was published)": as_text(fact["value"]),
            "note": as_text(fact["note"]),
            "source": as_text(fact["source"]),
            "side": data.fact_side(fact_id),
            "side in words": data.fact_side_words(fact_id),
            "links": " ; ".join(data.fact_links(fact_id)),
            "issues it concerns": "; ".join(data.label(i) for i in data.issues_of_fact(fact_id)),
        })
    return pd.DataFrame(rows).set_index("id")


def not_reported_sentence(government: str) -> str:
    return PositionsData().not_reported_sentence(government)


def no_statement_sentence(government: str) -> str:
    return PositionsData().no_statement_sentence(government)
