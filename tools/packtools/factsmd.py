"""Read the tables of the reference list (data/reference/source/FACTS.md) as rows of text.

The reference list is the project's copy of the facts gathered from sources other than the
article. `data/reference/facts.csv` holds its rows of sections A-F, K, L, S and M verbatim;
`python -m packtools.factsmd` rewrites that file from the list, and a test fails when the two
disagree. Publishers, their sides and roles are coded by hand in `fact_publishers.csv`.

One change is made to the list's words: a place the list names in two forms is written in the
pack's one neutral form (NAME_FORMS: "Stepanakert (Khankendi)" as "Stepanakert/Khankendi", the
form of the list's own section G).
"""

import csv
import re
import sys
from pathlib import Path

from readingpack.paths import data_dir

FACT_SECTIONS = ("A", "B", "C", "D", "E", "F", "K", "L", "S", "M")
MAX_LINKS = 4
AFTER_ARTICLE = {"E11", "E12"}
COLUMNS = ["id", "section", "fact", "value", "as_of", "source", "side_as_given", "link", "link_2",
           "link_3", "link_4", "link_note", "confidence", "confidence_note", "note", "after_article"]
NAME_FORMS = {"Stepanakert (Khankendi)": "Stepanakert/Khankendi"}
LINK = re.compile(r"(https?://\S+?)(?:\s+\(([^)]*)\))?\s*(?:;|$)")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def read_tables(text: str) -> dict[str, list[dict[str, str]]]:
    """{section letter: [row as {header: cell}]} for every '## X.' section with a table."""
    tables: dict[str, list[dict[str, str]]] = {}
    section = None
    header: list[str] | None = None
    for line in text.splitlines():
        heading = re.match(r"## ([A-Z])\. ", line)
        if heading:
            section, header = heading.group(1), None
            continue
        if section is None or not line.startswith("|"):
            header = None if not line.strip() else header
            continue
        cells = _cells(line)
        if header is None:
            header = cells
        elif not set("".join(cells)) <= set("-: "):
            tables.setdefault(section, []).append(dict(zip(header, cells, strict=True)))
    return tables


def _named(text: str) -> str:
    for form, neutral in NAME_FORMS.items():
        text = text.replace(form, neutral)
    return text


def split_links(cell: str) -> tuple[list[str], str]:
    """(links, their bracketed notes joined by '; ') from a link cell; '—' means none."""
    if cell in ("", "—"):
        return [], ""
    found = LINK.findall(cell)
    links = [url for url, _ in found]
    notes = "; ".join(note for _, note in found if note)
    return links, notes


def split_confidence(cell: str) -> tuple[str, str]:
    """'high (as his claim)' -> ('high', 'as his claim'); 'high; factsheet medium' likewise."""
    match = re.fullmatch(r"(high|medium|low|n/a)(.*)", cell)
    if not match:
        raise ValueError(f"confidence {cell!r} does not start with high, medium, low or n/a")
    rest = match.group(2).strip()
    rest = rest[1:-1] if rest.startswith("(") and rest.endswith(")") else rest.lstrip(";, ").strip()
    return match.group(1), rest


def fact_rows(text: str) -> list[dict[str, str]]:
    """The rows of facts.csv, in the list's order."""
    rows = []
    for section, table in read_tables(text).items():
        if section not in FACT_SECTIONS:
            continue
        for cells in table:
            cells = {key: _named(cell) for key, cell in cells.items()}
            links, link_note = split_links(cells["link"])
            if len(links) > MAX_LINKS:
                raise ValueError(f"{cells['id']}: more than {MAX_LINKS} links")
            padded = [*links, *[""] * MAX_LINKS]
            level, level_note = split_confidence(cells["confidence"])
            value = cells.get("value", cells.get("value / the source's words", cells.get("area km²")))
            fact = cells.get("fact", cells.get("place"))
            rows.append({
                "id": cells["id"], "section": section, "fact": fact, "value": value,
                "as_of": cells.get("as of", ""), "source": cells["source"],
                "side_as_given": cells["side"],
                "link": padded[0], "link_2": padded[1],
                "link_3": padded[2], "link_4": padded[3], "link_note": link_note,
                "confidence": level, "confidence_note": level_note, "note": cells["note"],
                "after_article": "true" if cells["id"] in AFTER_ARTICLE else "false",
            })
    return rows


def facts_md_path() -> Path:
    return data_dir() / "reference" / "source" / "FACTS.md"


def write_facts_csv(path: Path | None = None) -> None:
    rows = fact_rows(facts_md_path().read_text(encoding="utf-8"))
    path = path or data_dir() / "reference" / "facts.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    write_facts_csv(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
