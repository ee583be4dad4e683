"""Quotations in a student's text, and whether each is word for word in a source text.

A quotation is text between a pair of quotation marks: straight or curly double quotes,
straight or curly single quotes, guillemets « » or low-high quotes „ “. Single quotes count
only where they open after a space (or at the start) and close before a space or punctuation,
so the apostrophe of "the author's" is never taken for one.

Comparison is fair both ways: line wraps and runs of spaces are one space; straight and
curly apostrophes and inner quote marks are the same; a changed first capital is accepted
(a quotation often starts mid-sentence); "..." or "…" inside a quotation marks a cut, and
each part must be found, in order; punctuation the quoter added at the very end (a comma or
full stop inside the closing mark) is forgiven.
"""

import re
from dataclasses import dataclass

_OPENERS = r"(?:(?<=^)|(?<=[\s(\[—–-]))"
QUOTATION = re.compile(
    r"“(?P<a>[^”“]+?)”"
    r"|\"(?P<b>[^\"]+?)\""
    r"|«\s*(?P<c>[^»]+?)\s*»"
    r"|„(?P<d>[^“”]+?)[“”]"
    + r"|" + _OPENERS + r"[‘'](?P<e>\S(?:[^‘’']|['’](?=\w))*?\S|\S)[’'](?=$|[\s.,;:!?)\]—–-])",
    re.M,
)
CUT = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\]|\[…\])\s*")
SHORT = 3  # words: a quotation shorter than this names a term; it is not quoted evidence


@dataclass(frozen=True)
class Quotation:
    text: str
    found: bool

    @property
    def words(self) -> int:
        return len(CUT.sub(" ", self.text).split())

    @property
    def short(self) -> bool:
        return self.words < SHORT


def _normal(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def quotations(text: str) -> list[str]:
    """The quoted passages of `text`, in order of appearance."""
    return [next(g for g in match.groups() if g is not None).strip()
            for match in QUOTATION.finditer(text)]


def is_in(quotation: str, source: str) -> bool:
    """Whether `quotation` is word for word in `source`, with the allowances above."""
    source = _normal(source)
    parts = [p for p in CUT.split(_normal(quotation)) if p.strip()]
    if not parts:
        return False
    start = 0
    for index, part in enumerate(parts):
        position = _find(part, source, start, first=index == 0)
        if position < 0:
            return False
        start = position + len(part)
    return True


def _find(part: str, source: str, start: int, first: bool) -> int:
    for candidate in (part, part.rstrip(".,;:")):
        if not candidate:
            continue
        position = source.find(candidate, start)
        if position < 0 and first:  # a changed first capital
            swapped = candidate[0].swapcase() + candidate[1:]
            position = source.find(swapped, start)
        if position >= 0:
            return position
    return -1


def check_quotations(text: str, source: str) -> list[Quotation]:
    return [Quotation(q, is_in(q, source)) for q in quotations(text)]
