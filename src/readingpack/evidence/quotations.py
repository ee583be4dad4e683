"""Quotations in a student's text, and where each one comes from.

Finding them. One pass over the text with a stack of open quotation marks, so the time is
linear in the length of the text whatever it holds (no backtracking regular expression). Marks
pair by family: double (“ ” „ and the straight "), single (‘ ’ and the straight ') and
guillemets (« »). A straight mark opens after a space, a bracket or a dash and closes before
a space or punctuation, so "the ‘Zangezour corridor’ through" and "the "Zangezour corridor"
through" both nest; a single quote inside a word (the author's) is an apostrophe. A mark
closes the nearest open mark of its family; marks opened inside and never closed are dropped.
Only the outermost quotations are returned: inner quotation marks stay part of the outer
quotation, as they do in the article ("the so-called “Zangezour corridor” through Armenia").

Comparing them. Line wraps and runs of spaces are one space; all quotation marks and
apostrophes are the same mark (a quoter may turn the article's inner “ ” into ' ');
a changed first capital is accepted; "..." or "…" (or "[...]") marks a cut, and the parts must
be found in order; an editorial insertion in square brackets ("[Azerbaijan]") stands for a few
words of the source; punctuation the quoter added at the very end is forgiven.

Reporting them. Each quotation is exact (word for word in the article), from another source
of the pack (the codebook, a reference row), near (the article's nearest passage, its
paragraph and what differs: a missing comma, "weaponised" where the article has "weaponized")
or not from the article.
"""

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

from ..ledger import load_ledger
from ..paths import data_dir

SHORT = 3  # words: a quotation shorter than this names a term; it is not quoted evidence
NEAR = 0.8  # similarity (0 to 1) from which the nearest passage is reported as near
NEAR_LIMIT = 1000  # characters: longer quotations are not compared with the paragraphs
NEAR_COMPARED = 20  # quotations compared in one answer; the others are only exact or not
MAX_CHECKED = 100  # quotations checked in one answer (an answer of a few hundred words has far fewer)
INSERTION_GAP = 60  # characters of the source an editorial insertion [...] may stand for

DOUBLE, SINGLE, GUILLEMET = "double", "single", "guillemet"
OPENERS = {"“": DOUBLE, "„": DOUBLE, "‘": SINGLE, "«": GUILLEMET}
CLOSERS = {"”": DOUBLE, "’": SINGLE, "»": GUILLEMET}
STRAIGHT = {'"': DOUBLE, "'": SINGLE}
BEFORE_OPENING = set(" \t\n\r\u00a0([{—–-/") | set(OPENERS) | set(STRAIGHT)
AFTER_CLOSING = set(" \t\n\r\u00a0.,;:!?)]}—–-/…") | set(CLOSERS) | set(STRAIGHT) | {"“"}  # „…“ closes with “
CUT = re.compile(r"\.\.\.|…|\[\.\.\.\]|\[…\]")  # the parts are stripped after splitting
INSERTION = re.compile(r"\[[^\[\]]{1,40}\]")
MARKS = str.maketrans({c: '"' for c in "“”„«»‘’'\"‚‹›"})
WORD = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Quotation:
    text: str
    found: bool  # word for word in the article
    origin: str = ""  # "the codebook", "reference row C5" when found there instead
    nearest: str = ""  # the article's nearest passage, for a near quotation
    paragraph: int | None = None  # the paragraph of the exact or nearest passage
    differences: tuple[str, ...] = field(default=())

    @property
    def words(self) -> int:
        return len(CUT.sub(" ", self.text).split())

    @property
    def short(self) -> bool:
        return self.words < SHORT

    @property
    def status(self) -> str:
        if self.found:
            return "exact"
        if self.origin:
            return f"from {self.origin}"
        return "near" if self.nearest else "not from the article"


# Finding quotations --------------------------------------------------------------------------

# A mark with the characters either side of it (the text is padded with a space at each end).
MARK = re.compile("(?<=(.))([“”„‘’«»\"'])(?=(.))", re.S)
RUN = re.compile("[“”„‘’«»\"']{3,}")  # three marks in a row pair with nothing: read as text


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each outermost pair of quotation marks, in order."""
    padded = " " + RUN.sub(lambda run: "#" * len(run.group()), text) + " "
    stack: list[tuple[str, str, int]] = []  # (family, mark, index after the mark in `text`)
    open_count = {DOUBLE: 0, SINGLE: 0, GUILLEMET: 0}
    spans: list[tuple[int, int]] = []
    family_of = {**STRAIGHT, **OPENERS, **CLOSERS}
    for match in MARK.finditer(padded):  # each mark is pushed and popped at most once: linear
        before, char, after = match.groups()
        index = match.start() - 1
        space_after = after.isspace()
        opens = not space_after and before in BEFORE_OPENING
        closes = space_after or after in AFTER_CLOSING
        closes = closes and not before.isspace()
        family = family_of[char]
        if char == '"' or char == "'":
            push = opens and not (closes and open_count[family] and stack[-1][1] == char)
            pop = not push and closes and open_count[family]
        elif char == "“" and stack and stack[-1][1] == "„" and closes:  # „…“ closes; „ “… opens
            push, pop = False, True
        elif char in OPENERS:
            push, pop = not space_after or char == "«", False
        elif char == "”" and not open_count[DOUBLE]:  # ” used for both marks
            push, pop = opens, False
        else:  # a closing mark; ’ inside a word is an apostrophe
            push, pop = False, open_count[family] and (family != SINGLE or closes)
        if push:
            stack.append((family, char, index + 1))
            open_count[family] += 1
        elif pop:
            while stack:
                kind, _, start = stack.pop()
                open_count[kind] -= 1
                if kind == family:
                    spans.append((start, index))
                    break
    # Spans close in order of their ends and nest or are disjoint: from the last, keep a span
    # unless it lies inside the one kept before it.
    outermost, floor = [], len(text) + 1
    for start, end in reversed(spans):
        if start < floor:
            outermost.append((start, end))
            floor = start
    return outermost[::-1]


def quotations(text: str) -> list[str]:
    """The quoted passages of `text` (outermost quotations, inner marks kept), in order."""
    found = (text[start:end].strip() for start, end in quotation_spans(text))
    return [quote for quote in found if quote]


# Comparing a quotation with a source ----------------------------------------------------------

def _normal(text: str) -> str:
    return _spaced(text).translate(MARKS)


def _spaced(text: str) -> str:
    """Line wraps and runs of spaces as one space (the same length as _normal(text))."""
    return " ".join(text.split())


def _parts(quotation: str) -> list[tuple[str, bool]]:
    """The quotation's parts to find in order, each with whether a short insertion precedes it."""
    text = _normal(re.sub(r"\[(\w)\](?=\w)", r"\1", quotation))  # [T]he: a changed capital
    parts: list[tuple[str, bool]] = []
    for piece in CUT.split(text):
        inserted = False
        for chunk in INSERTION.split(piece):
            if chunk.strip():
                parts.append((chunk.strip(), inserted))
            inserted = True
    return parts


def is_in(quotation: str, source: str) -> bool:
    """Whether `quotation` is word for word in `source`, with the allowances above."""
    return locate(quotation, _normal(source)) >= 0


def locate(quotation: str, normal_source: str) -> int:
    """Where `quotation` starts in an already normalised source, or -1."""
    parts = _parts(quotation)
    if not parts:
        return -1
    start, first_position = 0, -1
    for index, (part, after_insertion) in enumerate(parts):
        position = _find(part, normal_source, start, first=index == 0 or after_insertion)
        if position < 0 or (after_insertion and index and position - start > INSERTION_GAP):
            return -1
        if index == 0:
            first_position = position
        start = position + len(part)
    return first_position


def _find(part: str, source: str, start: int, first: bool) -> int:
    """Where `part` is in `source` from `start`, as whole words (the quotation "a b" is not in
    "a broader"), or -1."""
    for candidate in (part, part.rstrip(".,;:")):
        if not candidate:
            continue
        spellings = (candidate, candidate[0].swapcase() + candidate[1:]) if first else (candidate,)
        for spelling in spellings:  # a changed first capital
            position = source.find(spelling, start)
            tries = 0
            while position >= 0 and tries < 50 and not _whole_words(source, position, len(spelling)):
                position, tries = source.find(spelling, position + 1), tries + 1
            if position >= 0 and tries < 50:
                return position
    return -1


def _whole_words(source: str, position: int, length: int) -> bool:
    end = position + length
    starts = position == 0 or not (source[position].isalnum() and source[position - 1].isalnum())
    ends = end == len(source) or not (source[end - 1].isalnum() and source[end].isalnum())
    return starts and ends


# Near quotations -------------------------------------------------------------------------------

def _tokens(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))


def nearest_passage(quotation: str, paragraphs: Mapping[int, str]) -> tuple[float, int | None, str]:
    """The passage of the paragraphs most like `quotation`: (similarity 0 to 1, paragraph,
    passage). Compared word by word, so the time grows with the number of words."""
    quote = CUT.sub(" ", _normal(quotation))
    mine = [t.group().casefold() for t in _tokens(quote)]
    best: tuple[float, int | None, str] = (0.0, None, "")
    content = {word for word in mine if len(word) > 2}
    if len(content) < 2:
        return best
    for number, paragraph in paragraphs.items():
        shown = _spaced(paragraph)
        text = shown.translate(MARKS)
        tokens = _tokens(text)
        theirs = [t.group().casefold() for t in tokens]
        if len(content & set(theirs)) < len(content) / 2:  # shares less than half its words
            continue
        anchor = difflib.SequenceMatcher(None, mine, theirs, autojunk=False).find_longest_match(
            0, len(mine), 0, len(theirs))
        if anchor.size == 0:
            continue
        low = max(0, anchor.b - anchor.a - 3)
        high = min(len(tokens), anchor.b - anchor.a + len(mine) + 3)
        blocks = [b for b in difflib.SequenceMatcher(None, mine, theirs[low:high], autojunk=False)
                  .get_matching_blocks() if b.size]
        first, last = low + blocks[0].b, low + blocks[-1].b + blocks[-1].size - 1
        passage = shown[tokens[first].start():tokens[last].end()]
        if len(quote) + len(passage) <= 800:
            ratio = difflib.SequenceMatcher(None, quote.casefold(), passage.translate(MARKS).casefold(),
                                            autojunk=False).ratio()
        else:
            ratio = difflib.SequenceMatcher(None, mine, theirs[first:last + 1], autojunk=False).ratio()
        if ratio > best[0]:
            best = (ratio, number, passage)
    return best


def differences(quotation: str, passage: str) -> tuple[str, ...]:
    """What differs between a quotation and the passage, word by word, in plain words."""
    mine = WORD.findall(_normal(CUT.sub(" ", quotation)))
    theirs = WORD.findall(_normal(passage))
    notes = []
    matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        yours, article = _show(mine[i1:i2]), _show(theirs[j1:j2])
        if tag == "replace":
            notes.append(f"you have {yours} where the article has {article}")
        elif tag == "delete":
            notes.append(f"{yours} is not in the article's words")
        elif tag == "insert":
            where = f" after {_show(mine[i1 - 1:i1])}" if i1 else " at the start"
            notes.append(f"the article has {article}{where}")
    return tuple(notes[:4])


PUNCTUATION = {'"': "a quotation mark", ",": "a comma", ".": "a full stop", ";": "a semicolon",
               ":": "a colon", "-": "a hyphen", "(": "a bracket", ")": "a bracket"}


def _show(words: list[str]) -> str:
    if len(words) == 1 and words[0] in PUNCTUATION:
        return PUNCTUATION[words[0]]
    return "“" + " ".join(words).replace(' "', " ‘").replace('" ', "’ ") + "”"


# The report ----------------------------------------------------------------------------------

def check_quotations(
    text: str,
    source: str,
    paragraphs: Mapping[int, str] | None = None,
    others: Mapping[str, str] | None = None,
) -> list[Quotation]:
    """Every quotation of `text`: exact in `source` (the article), from one of `others` (name ->
    text, e.g. "the codebook"), near a passage of `paragraphs` (number -> text), or none of these."""
    normal_source = _normal(source)
    normal_others = {name: _normal(other) for name, other in (others or {}).items()}
    paragraphs = paragraphs or {}
    normal_paragraphs = {number: _normal(p) for number, p in paragraphs.items()}
    report, compared = [], 0
    for quote in quotations(text)[:MAX_CHECKED]:
        if locate(quote, normal_source) >= 0:
            number = next((n for n, p in normal_paragraphs.items() if locate(quote, p) >= 0), None)
            report.append(Quotation(quote, True, paragraph=number))
            continue
        origin = next((name for name, other in normal_others.items() if locate(quote, other) >= 0), "")
        too_many = compared >= NEAR_COMPARED
        if origin or not paragraphs or too_many or len(quote) > NEAR_LIMIT or len(quote.split()) < SHORT:
            report.append(Quotation(quote, False, origin))
            continue
        compared += 1
        ratio, number, passage = nearest_passage(quote, paragraphs)
        if ratio >= NEAR:
            report.append(Quotation(quote, False, nearest=passage, paragraph=number,
                                    differences=differences(quote, passage)))
        else:
            report.append(Quotation(quote, False))
    return report


# The pack's other sources --------------------------------------------------------------------

REFERENCE_FIELDS = ("fact", "value", "source", "note", "link_note", "confidence_note", "phrase", "quote")


@cache
def _pack_sources(folder: Path) -> dict[str, str]:
    ledger = load_ledger()
    sources = {"the codebook": (folder / "CODEBOOK.md").read_text(encoding="utf-8")}
    for table in ("reference_facts", "reference_quoted_sources"):
        for _, row in ledger[table].iterrows():
            texts = [str(row[f]) for f in REFERENCE_FIELDS if f in row.index and not pd.isna(row[f])]
            sources[f"reference row {row['id']}"] = "\n".join(texts)
    return sources


def pack_sources() -> dict[str, str]:
    """Texts a written answer may quote besides the article: the codebook (data/CODEBOOK.md) and
    each row of the reference list (data/reference/), by name ("reference row C5")."""
    return _pack_sources(data_dir())


def article_paragraphs() -> dict[int, str]:
    """The article's paragraphs by number, for the nearest passage of a near quotation."""
    return {int(row.number): row.text for row in load_ledger().paragraphs.itertuples()}
