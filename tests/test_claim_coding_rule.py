"""CODEBOOK tie-break rule 10: checkable claims that carry an evaluative word.

The rule's list of evaluative words and its table of decided claims are parsed from
data/CODEBOOK.md; the claims are found again mechanically from claims.csv and compared.
"""

import re

import pandas as pd
import pytest

from readingpack.paths import PROJECT_ROOT

DATA = PROJECT_ROOT / "data"
CODEBOOK = (DATA / "CODEBOOK.md").read_text(encoding="utf-8")
CLAIMS = pd.read_csv(DATA / "claims.csv", dtype=str, keep_default_na=False)
LEXICON = pd.read_csv(DATA / "lexicon.csv", dtype=str, keep_default_na=False)
CANDIDATE_TYPES = {"checkable_fact", "statistic", "evaluation"}
AUTHOR = "sossi_tatikyan"
QUOTED = re.compile(r"“([^”]*)”")


def section(title: str) -> str:
    match = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^##)", CODEBOOK, flags=re.M | re.S)
    assert match, f"CODEBOOK.md has no section '### {title}'"
    return match.group(1)


def list_lines() -> list[str]:
    return [line for line in section("The listed words").splitlines() if line.startswith("- ")]


def listed_words() -> set[str]:
    return {word for line in list_lines() for word in QUOTED.findall(line)}


def word_pattern(words) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def found_words(quote: str) -> list[str]:
    return word_pattern(listed_words()).findall(quote)


def rule_table() -> pd.DataFrame:
    rows = []
    for line in section("Claims the rule decides").splitlines():
        if not line.startswith("| CL"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == 6, line
        claim_id, paragraph, checkable, words, step, decision = cells
        rows.append({
            "claim_id": claim_id,
            "paragraph": paragraph,
            "checkable": [] if checkable == "—" else QUOTED.findall(checkable),
            "checkable_cell": checkable,
            "words": QUOTED.findall(words),
            "step": step,
            "type": re.match(r"`(\w+)`", decision).group(1),
        })
    return pd.DataFrame(rows)


TABLE = rule_table()
CLAIM = CLAIMS.set_index("claim_id")


def matched_claims() -> pd.DataFrame:
    return CLAIMS[CLAIMS["quote"].map(lambda q: bool(found_words(q)))]


def test_the_list_holds_every_evaluative_lexicon_term():
    lines = list_lines()
    lexicon_line = next(line for line in lines if "lexicon.csv" in line)
    evaluative = set(LEXICON.loc[LEXICON["category"] == "evaluative", "term"])
    assert set(QUOTED.findall(lexicon_line)) == evaluative


def test_the_article_forms_are_printed_in_the_article():
    article = (DATA / "article" / "article.txt").read_text(encoding="utf-8")
    forms_line = next(line for line in list_lines() if line.startswith("- Other forms"))
    for word in QUOTED.findall(forms_line):
        assert word_pattern([word]).search(article), word


def test_matching_is_by_whole_words_longest_first():
    assert found_words("conventional and hybrid warfare tools") == ["hybrid warfare"]
    assert found_words("and coerced the surrender") == ["coerced"]
    assert found_words("to de-occupy its border areas") == ["de-occupy"]


def test_the_table_lists_exactly_the_candidate_claims_that_carry_a_listed_word():
    matched = matched_claims()
    candidates = matched[matched["claim_type"].isin(CANDIDATE_TYPES)]
    assert TABLE["claim_id"].is_unique
    assert set(candidates["claim_id"]) - set(TABLE["claim_id"]) == set(), "missing from the table"
    assert set(TABLE["claim_id"]) - set(candidates["claim_id"]) == set(), "in the table, not matched"
    assert list(TABLE["claim_id"]) == sorted(TABLE["claim_id"])


def test_the_claims_outside_the_rule_are_named():
    matched = matched_claims()
    others = set(matched.loc[~matched["claim_type"].isin(CANDIDATE_TYPES), "claim_id"])
    text = section("Which claims, and the steps")
    sentence = next(p for p in text.split("\n\n") if "do not change those types" in p)
    assert set(re.findall(r"CL\d{3}", sentence)) == others


def test_claims_csv_gives_each_listed_claim_the_table_type():
    for row in TABLE.itertuples(index=False):
        assert CLAIM.loc[row.claim_id, "claim_type"] == row.type, row.claim_id


@pytest.mark.parametrize("row", TABLE.to_dict("records"), ids=list(TABLE["claim_id"]))
def test_each_row_quotes_its_claim_exactly(row):
    claim = CLAIM.loc[row["claim_id"]]
    assert claim["speaker"] == AUTHOR
    assert row["paragraph"] == claim["paragraph"]
    assert row["words"] == found_words(claim["quote"])
    assert row["checkable"] or row["checkable_cell"] == "—"
    for words in row["checkable"]:
        assert words in claim["quote"], words
    if row["type"] == "evaluation":
        assert row["step"].startswith(("1:", "2b:")), row["step"]
    else:
        assert row["step"].startswith("2a:"), row["step"]
        assert row["checkable"], "a checkable claim quotes its checkable words"
        for word in row["words"]:
            assert f"“{word}”" in claim["coding_note"], (row["claim_id"], word)
