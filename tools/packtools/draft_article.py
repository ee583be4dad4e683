"""A first draft of a new article's data folder, for a person to confirm row by row.

    make new-article ARTICLE=<folder with article.txt and metadata.json> OUT=<new data folder>
    python -m packtools.draft_article <article folder> <new data folder>

From the plain text (one paragraph per line, as docs/adapting.md asks) and its metadata it writes:

- article/ (the text and its metadata, the checksum filled in), paragraphs.csv, sentences.csv
  (split at . ! ? unless the word before is in ABBREVIATIONS);
- figures.csv: a candidate for every number, spelled-out number and date, with the qualifier
  the words before it give ("at least", "about", "more than", "up to", "between X and Y",
  "X-Y") and a drafted low/best/high, or a date's start, end and precision;
- actors.csv and actor_aliases.csv: every run of capitalised words that recurs or is a
  possessive (with any apostrophe), with its number of mentions;
- lexicon.csv: a candidate for every quoted phrase;
- events.csv: one draft event for each dated figure;
- claims.csv: one draft claim per body sentence, speaker and `reported_statement` proposed when
  the sentence has an attribution verb;
- settings.csv: every key of the pack's own settings, with no value yet;
- READINESS.md: what is still draft, which settings have no value, and which tasks and
  lessons lack what they need.

Every drafted row carries `draft` in a last column of that name; a person who has checked a row
empties that cell, and removes the column once no row is left (the ledger's schemas do not know
it). The tool guesses; it never decides. Its limits are in docs/adapting.md.
"""

import csv
import hashlib
import json
import re
import shutil
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from readingpack.article import paragraph_table

from .paths import PROJECT_ROOT

DRAFT = "draft"
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "sgt", "st", "no", "vs", "etc",
    "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "fig", "inc", "ltd", "co", "jr", "sr",
}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
UNITS = {
    "km²": "km2", "km2": "km2", "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2",
    "km": "km", "kilometres": "km", "kilometers": "km", "%": "percent", "per cent": "percent",
    "percent": "percent",
}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
QUALIFIERS = [  # the words before a number, and the qualifier they give
    (r"at least|no fewer than|no less than", "at_least"),
    (r"more than|over|upwards of|in excess of", "more_than"),
    (r"about|around|some|roughly|nearly|almost|approximately|an estimated|close to|up to an estimated",
     "approximately"),
    (r"up to|at most|fewer than|less than|under|as many as", "at_most"),
]
ATTRIBUTION_VERBS = [
    "said", "says", "say", "stated", "states", "claimed", "claims", "argued", "argues", "told",
    "tells", "announced", "announces", "insisted", "insists", "called", "calls", "accused",
    "accuses", "warned", "warns", "noted", "notes", "declared", "declares", "reported", "reports",
    "denied", "denies", "added", "adds", "spoke", "speaks", "wrote", "writes", "points out",
    "pointed out", "according to", "answered", "answers", "replied", "replies", "admitted",
    "admits", "argue", "stressed", "stresses", "found", "finds",
]
OPEN_QUOTES, CLOSE_QUOTES = "“\"‘", "”\"’"
APOSTROPHES = "'’ʼ"

# ---- sentences -----------------------------------------------------------------------------

SENTENCE_END = re.compile(r"[.!?][”\"’)]*(?=\s+[“\"‘(]?[A-Z0-9])")


def sentence_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph `text`, offsets plus `start`."""
    spans, begin = [], 0
    for match in SENTENCE_END.finditer(text):
        word = re.search(r"([\w.]+)[.!?]$", text[:match.start() + 1])
        if match.group(0)[0] == "." and word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
            continue
        if match.group(0)[0] == "." and word and re.fullmatch(r"[A-Z]", word.group(1)):
            continue  # an initial: "J. Smith"
        spans.append((start + begin, start + match.end()))
        begin = match.end() + len(text[match.end():]) - len(text[match.end():].lstrip())
    if text[begin:].strip():
        spans.append((start + begin, start + len(text.rstrip())))
    return spans


# ---- figures -------------------------------------------------------------------------------

_NUMBER_WORD = "|".join(sorted(list(NUMBER_WORDS) + list(SCALES), key=len, reverse=True))
SPELLED = rf"(?:(?:a|an)\s+)?(?:{_NUMBER_WORD})(?:[\s-]+(?:and\s+)?(?:{_NUMBER_WORD}))*"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
AMOUNT = rf"(?:{DIGITS})(?:\s*(?:{'|'.join(SCALES)}))?|{SPELLED}"
MONTH = "|".join(m.capitalize() for m in MONTHS)
DATE_FORMS = [  # (regex, precision); groups: day, month, year as named groups
    (rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<year>\d{{4}}))?",
     "day"),
    (rf"(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?", "day"),
    (rf"(?P<month>{MONTH})\s+(?P<year>\d{{4}})", "month"),
]
YEAR_RANGE = r"(?P<first>(?:1[89]|20)\d\d)\s*(?:-|–|—|to)\s*(?P<last>(?:1[89]|20)\d\d|\d\d)\b"
RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}
RELATIVE_YEAR = r"\b(?P<which>last|this|next) year\b"
YEAR = r"(?<![\d,.])(?P<year>(?:1[89]|20)\d\d)(?!\d|,\d|\.\d| ?(?:km|%|per))"


def number_value(words: str) -> float | None:
    """12, 1,200, 2.5, 3 million, twelve, four hundred, a dozen -> the number; else None."""
    words = words.strip().lower()
    digits = re.fullmatch(rf"({DIGITS})(?:\s*({'|'.join(SCALES)}))?", words)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        return value * SCALES[digits.group(2)] if digits.group(2) else value
    total, current = 0, 0
    for word in re.split(r"[\s-]+", re.sub(r"^(a|an)\s+", "one ", words)):
        if word == "and":
            continue
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return float(total + current) if total + current else None


def _clean(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else str(value)


def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier the words just before `start` give, and where those words begin."""
    before = text[:start]
    for words, code in QUALIFIERS:
        match = re.search(rf"\b({words})\s+$", before, re.I)
        if match:
            return code, match.start(1)
    return "exact", start


def _unit_after(text: str, end: int) -> tuple[str, int]:
    after = text[end:]
    for word in sorted(UNITS, key=len, reverse=True):
        match = re.match(rf"\s?{re.escape(word)}(?!\w)", after, re.I)
        if match:
            return UNITS[word], end + match.end()
    noun = re.match(r"\s+([a-z]+)", after)
    return (noun.group(1) if noun else ""), end


def _date_iso(year: int, month: int, day: int) -> str:
    return date(year, month, day).isoformat()


def figure_candidates(paragraph: int, text: str, published: date) -> list[dict]:
    """Every number, spelled-out number and date of one paragraph, as draft figures.csv rows."""
    rows, taken = [], []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(start: int, end: int, **values) -> None:
        taken.append((start, end))
        row = {"paragraph": paragraph, "quote": text[start:end], "value_low": "", "value_best": "",
               "value_high": "", "unit": "", "qualifier": "exact", "kind": "count",
               "counts_what": "", "date_start": "", "date_end": "", "date_precision": "",
               "year_printed": "", "date_note": "", "_start": start}
        row.update(values)
        rows.append(row)

    for pattern, precision in DATE_FORMS:
        for match in re.finditer(pattern, text):
            if not free(match.start(), match.end()):
                continue
            month = MONTHS.index(match.group("month").lower()) + 1
            printed = match.group("year")
            year = int(printed) if printed else published.year
            note = "" if printed else f"No year printed; the publication date ({published}) gives {year}."
            if precision == "day":
                first = last = _date_iso(year, month, int(match.group("day")))
            else:
                first = _date_iso(year, month, 1)
                last = _date_iso(year + month // 12, month % 12 + 1, 1)
                last = date.fromordinal(date.fromisoformat(last).toordinal() - 1).isoformat()
            add(match.start(), match.end(), kind="date", date_start=first, date_end=last,
                date_precision=precision, year_printed="true" if printed else "false", date_note=note)
    for match in re.finditer(YEAR_RANGE, text):
        if not free(match.start(), match.end()):
            continue
        first, last = match.group("first"), match.group("last")
        last = first[:2] + last if len(last) == 2 else last
        add(match.start(), match.end(), qualifier="range", kind="year", date_start=f"{first}-01-01",
            date_end=f"{last}-12-31", date_precision="range", year_printed="true")
    for match in re.finditer(YEAR, text):
        if not free(match.start(), match.end()):
            continue
        start = match.start()
        lead = re.search(r"\b(in|since|by|from|until|of|after|before)\s+$", text[:start], re.I)
        if lead:
            start = lead.start(1)
        year = match.group("year")
        add(start, match.end(), kind="year", date_start=f"{year}-01-01", date_end=f"{year}-12-31",
            date_precision="year", year_printed="true")
    for match in re.finditer(RELATIVE_YEAR, text, re.I):
        year = published.year + RELATIVE_YEARS[match.group("which").lower()]
        add(match.start(), match.end(), kind="year", date_start=f"{year}-01-01",
            date_end=f"{year}-12-31", date_precision="year", year_printed="false",
            date_note=f"Printed as “{match.group(0)}”; the publication date ({published}) gives {year}.")
    for match in re.finditer(rf"\bfrom\s+(?P<old>{DIGITS})\s+(?P<to>to)\s+(?P<new>{DIGITS})(?![\w])", text):
        # a change ("cut ... from 2,000 to 1,400 tonnes"), not a range: two figures
        if not free(match.start(), match.end()):
            continue
        unit, end = _unit_after(text, match.end())
        for group, stop in (("old", match.end("old")), ("new", end)):
            start = match.start() if group == "old" else match.start("to")
            add(start, stop, value_best=_clean(number_value(match.group(group))), unit=unit,
                kind="territory" if unit == "km2" else "count")
    between = rf"\b[Bb]etween\s+(?P<low>{AMOUNT})\s+and\s+(?P<high>{AMOUNT})"
    dash = rf"(?<![\w.,])(?P<low>{DIGITS})\s*(?:-|–|to)\s*(?P<high>{DIGITS})(?![\w])"
    for pattern in (between, dash):
        for match in re.finditer(pattern, text):
            low, high = number_value(match.group("low")), number_value(match.group("high"))
            if low is None or high is None or not free(match.start(), match.end()):
                continue
            unit, end = _unit_after(text, match.end())
            add(match.start(), end, qualifier="range", value_low=_clean(low), value_high=_clean(high),
                unit=unit, kind="territory" if unit == "km2" else "count")
    for match in re.finditer(rf"(?<![\w.,])(?:{AMOUNT})(?![\w])", text, re.I):
        if not match.group(0).strip() or not free(match.start(), match.end()):
            continue
        value = number_value(match.group(0))
        if value is None:
            continue
        qualifier, start = _qualifier_before(text, match.start())
        unit, end = _unit_after(text, match.end())
        values = {"value_low": "", "value_best": "", "value_high": ""}
        slot = {"at_least": "value_low", "more_than": "value_low", "at_most": "value_high"}.get(
            qualifier, "value_best")
        values[slot] = _clean(value)
        add(start, end, qualifier=qualifier, unit=unit, kind="territory" if unit == "km2" else "count",
            **values)
    return sorted(rows, key=lambda row: row["_start"])


# ---- actors, quoted phrases, claims ----------------------------------------------------------

NAME = re.compile(rf"\b(?:[A-Z][\w-]*[a-z][\w-]*|[A-Z]{{2,}})"
                  rf"(?:\s+(?:(?:of|the|in|for|on)\s+)?(?:[A-Z][\w-]*|[A-Z]{{2,}}))*"
                  rf"(?:[{APOSTROPHES}]s\b|(?<=s)[{APOSTROPHES}](?!\w))?")
NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "It", "Its", "This", "That", "These",
    "Those", "However", "Although", "While", "When", "As", "For", "From", "With", "By", "To", "We",
    "They", "He", "She", "His", "Her", "Their", "Our", "Yet", "Since", "After", "Before", "Despite",
    "Besides", "Given", "Even", "Finally", "Meanwhile", "Moreover", "Such", "So", "Thus", "There",
    "Here", "What", "Who", "Why", "How", "Not", "No", "All", "Some", "Many", "Most", "One", "Both",
    *(m.capitalize() for m in MONTHS),
}


TITLES = {"President", "Prime", "Minister", "Foreign", "Defence", "Defense", "Deputy", "Secretary",
          "Chancellor", "Ambassador", "Mr", "Mrs", "Ms", "Dr", "Prof", "General", "King", "Queen",
          "Senator", "Speaker", "Envoy", "Special", "Representative", "Chairman", "Chair", "Mayor"}
CONNECTOR = re.compile(r"\s+(?:of|the|in|for|on)\s+")


def _strip_leading(name: str, words_to_strip: set[str]) -> str:
    words = name.split()
    while words and words[0].rstrip(".") in words_to_strip:
        words = words[1:]
    return " ".join(words)


def alias_candidates(paragraphs: list[tuple[int, str]], skip: set[int] = frozenset()) -> Counter:
    """Capitalised names (possessives kept as their own alias) with their number of mentions: a
    name after a title ("President Ana North") counts with and without it, and a name joined by
    of/the/in/for/on ("EU Mission in Armenia") counts for its parts too. A single word seen only
    at the start of sentences is left out (it may be any word)."""
    counts: Counter = Counter()
    only_first: dict[str, bool] = {}
    for number, text in paragraphs:
        if number in skip:
            continue
        for match in NAME.finditer(text):
            titled = _strip_leading(match.group(0), NOT_NAMES)
            name = _strip_leading(titled, TITLES)
            if not name or re.fullmatch(r"[\d\W]+", name):
                continue
            first = re.search(r"(^|[.!?:][”\"’]?\s+|[“\"‘(]\s*)$", text[:match.start()]) is not None
            parts = [name] + ([p for p in CONNECTOR.split(name) if p] if CONNECTOR.search(name) else [])
            if titled != name:  # "Minister Lind" is a form of the name too
                parts.append(titled)
            for part in parts:
                counts[part] += 1
                only_first[part] = only_first.get(part, True) and first and " " not in part
    possessive = re.compile(rf"[{APOSTROPHES}]s?$")
    return Counter({name: n for name, n in counts.items()
                    if not only_first[name] or n >= 2 or possessive.search(name)})


def actor_id(name: str) -> str:
    base = re.sub(rf"[{APOSTROPHES}]s?$", "", name)
    return re.sub(r"[^a-z0-9]+", "_", base.lower()).strip("_")


QUOTED = re.compile(rf"[{OPEN_QUOTES}]([^{CLOSE_QUOTES}{OPEN_QUOTES}]{{2,80}})[{CLOSE_QUOTES}]")


def attribution(sentence: str, names: list[str]) -> tuple[str, str]:
    """(verb, speaker) when the sentence reports someone's words; ("", "") otherwise."""
    for verb in ATTRIBUTION_VERBS:
        match = re.search(rf"\b{re.escape(verb)}\b", sentence)
        if not match:
            continue
        if verb == "according to":
            after = [n for n in names if n in sentence[match.end():]]
            return verb, after[0] if after else ""
        before = [(sentence.rfind(n, 0, match.start()), n) for n in names if n in sentence[:match.start()]]
        if before:
            return verb, max(before)[1]
        after = [(sentence.find(n, match.end()), n) for n in names if n in sentence[match.end():]]
        return verb, min(after)[1] if after else ""  # "…,” said Mara Lind.
    return "", ""


# ---- the folder ------------------------------------------------------------------------------

def write_csv(path: Path, rows: list[dict], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def draft(article_folder: Path, out: Path) -> dict:
    """Write the draft data folder `out` from `article_folder`; returns what was drafted."""
    metadata = json.loads((article_folder / "metadata.json").read_text(encoding="utf-8"))
    raw = (article_folder / metadata.get("text_file", "article.txt")).read_bytes()
    text = raw.decode("utf-8")
    metadata.setdefault("text_file", "article.txt")
    metadata["sha256"] = hashlib.sha256(raw).hexdigest()
    kinds = metadata.get("paragraph_kinds") or [{"first": 1, "last": 10_000, "kind": "body"}]
    metadata["paragraph_kinds"] = kinds
    published = date.fromisoformat(metadata.get("published") or date.today().isoformat())

    out.mkdir(parents=True, exist_ok=True)
    (out / "article").mkdir(exist_ok=True)
    (out / "article" / metadata["text_file"]).write_bytes(raw)
    (out / "article" / "metadata.json").write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n",
                                                   encoding="utf-8")
    for name in ("datapackage.json", "vocabulary.csv"):
        shutil.copy(PROJECT_ROOT / "data" / name, out / name)
    shutil.copytree(PROJECT_ROOT / "data" / "schemas", out / "schemas", dirs_exist_ok=True)

    table = paragraph_table(text, kinds)
    write_csv(out / "paragraphs.csv", table.to_dict("records"), ["number", "kind", "start", "end", "text"])
    paragraphs = [(int(row.number), str(row.text), int(row.start), str(row.kind))
                  for row in table.itertuples()]
    body = [(n, t) for n, t, _, kind in paragraphs if kind in ("body", "standfirst")]
    not_body = {n for n, _, _, kind in paragraphs if kind in ("byline", "bio")}

    sentences = []
    for number, paragraph, start, _ in paragraphs:
        for index, (first, last) in enumerate(sentence_spans(paragraph, start), start=1):
            sentences.append({"paragraph": number, "sentence": index, "start": first, "end": last,
                              "draft": DRAFT})
    write_csv(out / "sentences.csv", sentences, ["paragraph", "sentence", "start", "end", "draft"])

    figures = []
    for number, paragraph in body:
        figures += figure_candidates(number, paragraph, published)
    for index, row in enumerate(figures, start=1):
        row["figure_id"], row["draft"] = f"F{index:03d}", DRAFT
    figure_columns = ["figure_id", "paragraph", "quote", "value_low", "value_best", "value_high", "unit",
                      "qualifier", "kind", "counts_what", "date_start", "date_end", "date_precision",
                      "year_printed", "date_note", "same_as", "in_addition_to", "ambiguity", "notes", "draft"]
    write_csv(out / "figures.csv", figures, figure_columns)

    counts = alias_candidates([(n, t) for n, t, _, _ in paragraphs], skip={1} | not_body)
    if metadata.get("author"):
        counts[metadata["author"]] += sum(t.count(metadata["author"]) for _, t, _, _ in paragraphs) or 1
    aliases = [name for name, _ in counts.most_common()]
    actors: dict[str, dict] = {}
    alias_rows = []
    for name in aliases:
        key = actor_id(name)
        actors.setdefault(key, {"actor_id": key, "name": re.sub(rf"[{APOSTROPHES}]s?$", "", name),
                                "type": "", "role": "", "stands_for": "", "bio_only": "false",
                                "in_article": "", "mentions": 0, "draft": DRAFT})
        actors[key]["mentions"] += counts[name]
        alias_rows.append({"actor_id": key, "alias": name, "mentions": counts[name], "draft": DRAFT})
    write_csv(out / "actors.csv", list(actors.values()),
              ["actor_id", "name", "type", "role", "stands_for", "bio_only", "in_article", "mentions",
               "draft"])
    write_csv(out / "actor_aliases.csv", alias_rows, ["actor_id", "alias", "mentions", "draft"])

    lexicon = {}
    for number, paragraph in body:
        for match in QUOTED.finditer(paragraph):
            phrase = match.group(1).strip()
            lexicon.setdefault(phrase, {"term": phrase, "category": "", "explanation": "",
                                        "pattern": "", "paragraph": number, "draft": DRAFT})
    write_csv(out / "lexicon.csv", list(lexicon.values()),
              ["term", "category", "explanation", "pattern", "paragraph", "draft"])

    events = []
    for row in figures:
        if row["date_start"]:
            sentence = next((text[s["start"]:s["end"]] for s in sentences
                             if s["paragraph"] == row["paragraph"]
                             and row["quote"] in text[s["start"]:s["end"]]), row["quote"])
            events.append({"event_id": f"EV{len(events) + 1:03d}", "paragraph": row["paragraph"],
                           "quote": sentence, "summary": "", "date_as_printed": row["quote"],
                           "start": row["date_start"], "end": row["date_end"],
                           "precision": row["date_precision"], "category": "", "date_source": "",
                           "date_note": row["date_note"], "same_event_as": "", "draft": DRAFT})
    write_csv(out / "events.csv", events, ["event_id", "paragraph", "quote", "summary", "date_as_printed",
                                           "start", "end", "precision", "category", "date_source",
                                           "date_note", "same_event_as", "draft"])

    names = sorted({alias for alias in aliases}, key=len, reverse=True)
    author = actor_id(metadata.get("author", "")) or "author"
    claims = []
    for sentence in sentences:
        if sentence["paragraph"] not in {n for n, _ in body}:
            continue
        words = text[sentence["start"]:sentence["end"]]
        verb, speaker = attribution(words, names)
        claims.append({"claim_id": f"CL{len(claims) + 1:03d}", "paragraph": sentence["paragraph"],
                       "quote": words, "claim_type": "reported_statement" if verb else "",
                       "speaker": actor_id(speaker) if speaker else author, "checkable": "",
                       "evidence_in_article": "", "coding_note": f"attribution verb: {verb}" if verb else "",
                       "draft": DRAFT})
    write_csv(out / "claims.csv", claims, ["claim_id", "paragraph", "quote", "claim_type", "speaker",
                                           "checkable", "evidence_in_article", "coding_note", "draft"])

    pack_settings = read_csv(PROJECT_ROOT / "data" / "settings.csv")
    write_csv(out / "settings.csv", [{"key": row["key"], "value": "", "note": row["note"]}
                                     for row in pack_settings], ["key", "value", "note"])
    report = readiness(out)
    (out / "READINESS.md").write_text(report, encoding="utf-8")
    return {"figures": figures, "aliases": alias_rows, "claims": claims, "events": events,
            "lexicon": list(lexicon.values()), "sentences": sentences, "report": report}


def readiness(folder: Path) -> str:
    """What is still draft, which settings have no value, which tasks and lessons lack data."""
    lines = [f"# Readiness of {folder}", "", "## Rows still marked draft", ""]
    tables = {path.stem: read_csv(path) for path in sorted(folder.glob("*.csv"))}
    for name, rows in tables.items():
        waiting = sum(1 for row in rows if row.get("draft"))
        if waiting:
            lines.append(f"- {name}.csv: {waiting} of {len(rows)} rows")
    empty = [row["key"] for row in tables.get("settings", []) if not row.get("value")]
    lines += ["", "## Settings with no value", "",
              f"{len(empty)} of {len(tables.get('settings', []))}: " + (", ".join(empty) or "none")]
    figures, aliases = tables.get("figures", []), tables.get("actor_aliases", [])
    claims = tables.get("claims", [])
    per_actor = Counter(row["actor_id"] for row in aliases)
    needs = [
        ("a date printed without its year", "lesson 5 (task 5.3)",
         any(row.get("year_printed") == "false" for row in figures)),
        ("a printed range of years (YYYY-YYYY)", "lesson 5 (task 5.3)",
         any(row.get("date_precision") == "range" for row in figures)),
        ("an actor named in more than one way", "lessons 4 and 7 (tasks 4.1, 7.4)",
         any(count >= 2 for count in per_actor.values())),
        ("a claim coded evaluation", "lesson 2",
         any(row.get("claim_type") == "evaluation" for row in claims)),
        ("a reported statement", "lessons 2 and 4", any(row.get("claim_type") == "reported_statement"
                                                        for row in claims)),
        ("a figure with a lower bound (at least, more than)", "lessons 3 and 8",
         any(row.get("qualifier") in ("at_least", "more_than") for row in figures)),
        ("an area in km²", "lesson 3 (tasks 3.2, 3.5)", any(row.get("unit") == "km2" for row in figures)),
        ("a quoted phrase for the lexicon", "lesson 7", bool(tables.get("lexicon"))),
        ("reference facts (reference/facts.csv)", "lessons 1, 3, 6 and 8",
         (folder / "reference" / "facts.csv").is_file()),
    ]
    lines += ["", "## What the tasks and lessons need", ""]
    lines += [f"- [{'x' if found else ' '}] {what}: {who}" + ("" if found else " (missing)")
              for what, who, found in needs]
    lines += ["", "Tables the ledger needs that the draft does not write: reference/, positions.csv, "
              "issues.csv, relations.csv, claim_actors.csv, event_actors.csv, glossary.csv, outline.csv, "
              "judgements.csv, figure_reference.csv, paragraph_context.csv, issue_facts.csv, tasks.csv "
              "(docs/adapting.md).", ""]
    return "\n".join(lines)


# ---- recall against a hand-made folder ------------------------------------------------------

def figure_matches(drafted: dict, made: dict) -> bool:
    """The same figure, with the right value and qualifier: same paragraph, overlapping quotes,
    the same qualifier, and the same values (or date start and end) where the hand-made row has them."""
    if str(drafted["paragraph"]) != str(made["paragraph"]) or drafted["qualifier"] != made["qualifier"]:
        return False
    if made["quote"] not in drafted["quote"] and drafted["quote"] not in made["quote"]:
        return False
    for column in ("value_low", "value_best", "value_high", "date_start", "date_end"):
        if made.get(column) and str(drafted.get(column, "")).rstrip("0").rstrip(".") != \
                str(made[column]).rstrip("0").rstrip("."):
            return False
    return True


def recall(data_folder: Path, out: Path) -> dict:
    """Draft `data_folder`'s article into `out` and measure it against the folder's own
    hand-made figures.csv and actor_aliases.csv."""
    result = draft(data_folder / "article", out)
    made_figures = read_csv(data_folder / "figures.csv")
    found = [made for made in made_figures if any(figure_matches(d, made) for d in result["figures"])]
    text = (data_folder / "article" / "article.txt").read_text(encoding="utf-8")
    made_aliases = {row["alias"] for row in read_csv(data_folder / "actor_aliases.csv")}
    in_text = {alias for alias in made_aliases if alias in text}
    drafted = {row["alias"] for row in result["aliases"]}
    return {"figures": (len(found), len(made_figures)),
            "aliases": (len(in_text & drafted), len(in_text), len(made_aliases)),
            "missed_figures": [row["figure_id"] for row in made_figures if row not in found],
            "missed_aliases": sorted(in_text - drafted)}


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 2:
        print("usage: python -m packtools.draft_article <article folder> <new data folder>")
        return 2
    article, out = Path(args[0]), Path(args[1])
    if not (article / "metadata.json").is_file():
        print(f"{article}: no metadata.json (title, author, published, text_file, paragraph_kinds); "
              "see docs/adapting.md, step 3")
        return 2
    if out.exists() and any(out.iterdir()):
        print(f"{out} exists and is not empty: the draft never overwrites a data folder")
        return 2
    result = draft(article, out)
    print(f"Drafted {len(result['sentences'])} sentences, {len(result['figures'])} figures, "
          f"{len(result['aliases'])} actor aliases, {len(result['lexicon'])} quoted phrases, "
          f"{len(result['events'])} events and {len(result['claims'])} claims into {out}.")
    print(result["report"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
