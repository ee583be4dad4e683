"""The quotation scanner (evidence/quotations.py) a marker reads in written.csv: every exact
passage of the article is found exact in any quotation style and nesting; near quotations name
the article's nearest passage, its paragraph and what differs; quotations from the codebook or
a reference row are named as such; and the scan stays linear on hostile input."""

import os
import random
import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from readingpack.evidence.quotations import (
    article_paragraphs,
    check_quotations,
    pack_sources,
    quotation_spans,
    quotations,
)
from readingpack.exercises import check_value
from readingpack.ledger import load_ledger

ARTICLE = load_ledger().article.text
PARAGRAPHS = article_paragraphs()
BODY = [p for p in PARAGRAPHS.values() if len(p.split()) > 12]
WRAPPERS = [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("« ", " »"), ("«", "»"), ("„", "“")]
# The article's own inner marks (“ ”) as a quoter may retype them inside the outer quotation.
INNER = [("“", "”"), ("‘", "’"), ("'", "'"), ('"', '"')]
LEADS = ["", "The author writes ", "As paragraph 4 puts it, ", "She argues that (", "— "]
TAILS = ["", ".", " (paragraph 4).", ", she writes.", ")"]


def balanced(passage: str) -> bool:
    depth = 0
    for char in passage:
        depth += {"“": 1, "”": -1}.get(char, 0)
        if depth not in (0, 1):
            return False
    return depth == 0


def report(text: str):
    return check_quotations(text, ARTICLE, PARAGRAPHS, pack_sources())


@settings(max_examples=int(os.environ.get("QUOTATION_EXAMPLES", "300")), deadline=None)
@given(data=st.data())
def test_any_exact_passage_in_any_quotation_style_and_nesting_is_found_exact(data):
    paragraph = data.draw(st.sampled_from(BODY))
    words = paragraph.split(" ")
    start = data.draw(st.integers(0, len(words) - 3))
    end = data.draw(st.integers(start + 3, min(len(words), start + 40)))
    passage = " ".join(words[start:end])
    if not balanced(passage) or "\u00a0" in passage:
        passage = " ".join(words[start:start + 3]).replace("“", "").replace("”", "")
        if not passage or passage not in paragraph or "\u00a0" in passage:
            return
    inner_open, inner_close = data.draw(st.sampled_from(INNER))
    opener, closer = data.draw(st.sampled_from(WRAPPERS))
    retyped = passage.replace("“", inner_open).replace("”", inner_close)
    text = data.draw(st.sampled_from(LEADS)) + opener + retyped + closer + data.draw(st.sampled_from(TAILS))
    found = report(text)
    assert len(found) == 1, (text, [q.text for q in found])
    assert found[0].found, (text, found[0])
    assert found[0].status == "exact"


def test_the_failures_the_trials_met():
    # Nested the usual English way, with straight quotes inside straight quotes, and the article's
    # own inner curly quotes: one quotation each, never cut mid-word.
    for text in ('"an extraterritorial \'Zangezour corridor\' through Armenia"',
                 '"an extraterritorial "Zangezour corridor" through Armenia"',
                 "“an extraterritorial “Zangezour corridor” through Armenia”",
                 "‘an extraterritorial “Zangezour corridor” through Armenia’"):
        found = report(f"The author writes that they demand {text}.")
        assert [q.status for q in found] == ["exact"], (text, found)
        assert found[0].text.endswith("through Armenia")
    # An editorial insertion and a cut.
    assert report("“[Azerbaijan] celebrated the fourth anniversary”")[0].found
    assert report("“On November 9, Azerbaijan celebrated ... with performative events”")[0].found
    assert not report("“On November 9 ... the fifth anniversary”")[0].found


def test_a_near_quotation_names_the_nearest_passage_its_paragraph_and_what_differs():
    comma = report("“On November 9 Azerbaijan celebrated the fourth anniversary of its military victory”")[0]
    assert comma.status == "near" and comma.paragraph == 2
    assert comma.differences == ("the article has a comma after “9”",)
    spelling = report("“Exploiting Russia’s invasion of Ukraine and weaponising the principle”")[0]
    assert spelling.status == "near"
    assert spelling.differences == ("you have “weaponising” where the article has “weaponizing”",)
    assert "weaponizing the principle" in spelling.nearest
    made_up = report("“the moon is made of green cheese and nothing else”")[0]
    assert made_up.status == "not from the article" and not made_up.nearest


def test_quotations_from_the_codebook_or_a_reference_row_are_named_not_errors():
    codebook = report("The codebook says an evaluation is “a characterisation or label”.")[0]
    assert codebook.status == "from the codebook"
    reference = report("The source counts “at least 200 killed, over 400 wounded”.")[0]
    assert reference.status == "from reference row C5"
    message = check_value("2.6", "The codebook calls it “a characterisation or label” here.").message
    assert "From the codebook, not from the article" in message and "NOT FOUND" not in message


def test_apostrophes_are_not_quotation_marks():
    assert quotations("the author's view and Azerbaijan’s rhetoric, Armenians' rights") == []
    assert quotations("the ‘iron fist’ and the author's ‘Victory Park’") == ["iron fist", "Victory Park"]


HOSTILE = {
    "space, quote, letter": " 'a" * 333_334,
    "quote, space": '" ' * 500_000,
    "pairs of quotes": '"" ' * 333_334,
    "tiny quotations": '"a"' * 333_334,
    "nested openers": "“a ‘b " * 200_000,
    "unclosed guillemets": "« a " * 250_000,
    "random marks": "".join(random.Random(1).choices("“”„‘’«»\"' a.", k=1_000_000)),
    "one long quotation with runs of spaces": "“a" + " " * 499_995 + "b ... c" + "\t" * 499_995 + "d”",
    "misquoted article words": " ".join(
        "“" + " ".join(random.Random(n).sample(ARTICLE.split(), 9)) + "”" for n in range(18_000))[:1_000_000],
}


def test_a_megabyte_of_hostile_input_is_scanned_and_checked_in_under_a_second():
    """CPU time (the machine may be shared), for the scan and for the whole check."""
    timings = {}
    for name, text in HOSTILE.items():
        assert len(text) >= 999_999
        started = time.process_time()
        quotation_spans(text)
        scanned = time.process_time() - started
        started = time.process_time()
        report(text)
        checked = time.process_time() - started
        timings[name] = (scanned, checked)
        assert scanned < 1.0 and checked < 1.0, (name, scanned, checked)
    print("\n1 MB hostile inputs, CPU seconds (scan, check): "
          + "; ".join(f"{n} {s:.2f}, {c:.2f}" for n, (s, c) in timings.items()))


def test_the_scanner_has_no_backtracking_pattern():
    with open(quotation_spans.__code__.co_filename, encoding="utf-8") as handle:
        source = handle.read()
    assert not re.search(r"\*\?|\+\?", source), "a lazy quantifier backtracks"


def test_lesson_2_quotes_the_codebook_rule_it_asks_for_word_for_word():
    import nbformat

    from readingpack.paths import PROJECT_ROOT

    lesson = nbformat.read(PROJECT_ROOT / "notebooks" / "02_claims.ipynb", as_version=4)
    cell = next(c.source for c in lesson.cells if "He also mocked" in c.source and "rule 1" in c.source)
    rule = [q for q in report(cell) if "reported statement with that actor" in q.text]
    assert [q.status for q in rule] == ["from the codebook"], [(q.text, q.status) for q in report(cell)]
