"""Evidence ledger, part 2: claims, actors, relations, events, positions, glossary and lexicon.

Here: the tests that state this article's facts (its attribution words, codebook examples,
mentions, glossary terms and corrupted rows); tests/test_ledger_part2.py holds those that hold
for any article."""

import csv
import re
import shutil

import pytest
from test_ledger_part2 import body_sentences, overlapping, paragraph_start, quote_spans  # noqa: F401 (fixtures and helpers shared with the generic tests)

from readingpack.evidence.language import find_terms
from readingpack.evidence.mentions import ledger_mentions
from readingpack.ledger import Ledger, LedgerError
from readingpack.paths import data_dir

DATA = data_dir()
LEDGER = Ledger(DATA)
ARTICLE = LEDGER.article
AUTHOR = "sossi_tatikyan"


def rule_two_claims() -> set[str]:
    """The claims CODEBOOK.md's tie-break rule 2 decides: the author characterises what someone said."""
    codebook = (DATA / "CODEBOOK.md").read_text(encoding="utf-8")
    rule = re.search(r"^2\. \*\*Characterising is not reporting\.\*\*(.*?)^3\. ", codebook, re.M | re.S)
    decided = re.search(r"Decided: ([^.]*)\.", rule.group(1))
    return set(re.findall(r"CL\d{3}", decided.group(1)))
BODY = ARTICLE.paragraphs.index[ARTICLE.paragraphs["kind"] == "body"].tolist()






# ---- quotes ----------------------------------------------------------------------------------


def test_sentences_with_an_attribution_word_yield_a_claim_by_someone_else():
    lexicon = LEDGER.lexicon
    attribution = lexicon[lexicon["category"] == "attribution_verb"]
    found = find_terms(ARTICLE.paragraphs, attribution)
    claims = quote_spans("claims")
    missing = []
    for start, end in zip(body_sentences()["start"], body_sentences()["end"], strict=True):
        words = found[(found["start"] >= start) & (found["end"] <= end)]
        if words.empty:
            continue
        held = overlapping(claims, start, end)
        if set(held["speaker"]) <= {AUTHOR} and not set(held["claim_id"]) <= rule_two_claims():
            missing.append((words["match"].tolist(), ARTICLE.text[start:end]))
    assert missing == []
    assert {"CL005", "CL010", "CL104", "CL106"} <= rule_two_claims()
    for verb in ["claims", "demands", "accuses", "stated", "denying", "reportedly"]:
        assert verb in set(attribution["term"]), verb


def test_every_claim_type_has_two_codebook_examples_of_that_type():
    codebook = (DATA / "CODEBOOK.md").read_text(encoding="utf-8")
    types = dict(zip(LEDGER.claims["claim_id"], LEDGER.claims["claim_type"], strict=True))
    sections = re.split(r"^### ", codebook, flags=re.M)[1:]
    examples = {}
    for section in sections:
        name = section.split("\n", 1)[0].strip()
        examples[name] = re.findall(r"^> (CL\d{3}) ", section, flags=re.M)
    schema_types = next(f for f in LEDGER.tables["claims"].schema["fields"]
                        if f["name"] == "claim_type")["constraints"]["enum"]
    for claim_type in schema_types:
        assert len(examples.get(claim_type, [])) >= 2, claim_type
        assert all(types[claim_id] == claim_type for claim_id in examples[claim_type]), claim_type
    for claim_id in re.findall(r"\bCL\d{3}\b", codebook):
        assert claim_id in types, claim_id


# ---- actors and mentions ---------------------------------------------------------------------


def test_the_split_name_in_paragraph_17_is_an_alias():
    split = "Az\xa0\xa0\xa0\xa0 erbaijan’s"
    assert split in ARTICLE.paragraph(17)
    aliases = LEDGER.actor_aliases
    assert aliases[aliases["alias"] == split]["actor_id"].tolist() == ["azerbaijan"]


def test_mentions_in_the_article():
    mentions = ledger_mentions(LEDGER)
    text = ARTICLE.text
    assert all(text[s:e] == alias for s, e, alias in
               zip(mentions["start"], mentions["end"], mentions["alias"], strict=True))
    assert not any(text[e:e + 1] == "i" for e in mentions[mentions["alias"] == "Azerbaijan"]["end"])
    assert (mentions[mentions["alias"] == "EU"]["end"].map(lambda e: text[e - 2:e + 2]) != "EUMA").all()
    baku = mentions[mentions["alias"].isin(["Baku", "Baku’s"])]
    assert len(baku) > 10 and set(baku["counted_as"]) == {"azerbaijan"}
    split = mentions[(mentions["paragraph"] == 17) & (mentions["alias"] == "Az\xa0\xa0\xa0\xa0 erbaijan’s")]
    assert split["counted_as"].tolist() == ["azerbaijan"]
    eu_in_17 = mentions[(mentions["paragraph"] == 17) & (mentions["counted_as"] == "eu")]
    assert len(eu_in_17) == 1  # "the EU"; "EUMA" and "EU Mission in Armenia" are the mission


# ---- relations, events, positions -----------------------------------------------------------


# ---- glossary and lexicon -------------------------------------------------------------------


def test_glossary_covers_the_terms_a_student_needs_and_every_side_of_section_g():
    terms = " | ".join(LEDGER.glossary["term"]).lower()
    for needed in ["delimitation", "cerd", "euma", "lawfare", "irredentis", "hybrid warfare",
                   "responsibility to protect", "leave no one behind", "liberal peace",
                   "provisional measures", "exclave", "preamble", "referendum", "peacekeeping",
                   "cognitive warfare", "ethnic cleansing", "occupation", "aggressor", "blockade",
                   "anti-terror", "separatists", "artsakh", "western azerbaijan", "capitulation",
                   "propaganda", "expansionist", "zangezur", "crossroads of peace", "khankendi"]:
        assert needed in terms, needed
    variants = LEDGER.glossary[LEDGER.glossary["kind"] == "name_variant"]
    for thing, rows in variants.groupby("thing"):
        assert "neutral" in set(rows["used_by"]), thing
    loaded = LEDGER.glossary[LEDGER.glossary["kind"].isin(["loaded_term", "name_variant"])]
    assert (loaded["used_by"] != "neutral").sum() > 0
    assert loaded[loaded["used_by"] != "neutral"]["neutral_wording"].notna().all()
    # Several terms are used by both governments, or by international bodies too (FACTS G).
    codes = LEDGER.glossary["used_by"].str.split(", ")
    assert codes.map(lambda c: {"AM", "AZ"} <= set(c)).sum() >= 3
    assert codes.map(lambda c: "INTL" in c).sum() >= 5


# ---- corrupted copies -----------------------------------------------------------------------


def corrupt(tmp_path, file: str, row: int, column: str, value: str):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    path = copy / file
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[row][rows[0].index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return copy


CORRUPTIONS = [
    ("claims.csv", 5, "claim_type", "opinion", "is not one of"),
    ("claims.csv", 7, "quote", "He proudly said", "is not an exact substring"),
    ("claims.csv", 3, "quote", "Azerbaijan", "occurs"),
    ("claims.csv", 9, "speaker", "nobody", "is not a actor_id of actors.csv"),
    ("claims.csv", 2, "claim_id", "CL001", "must be unique"),
    ("claim_actors.csv", 4, "role", "witness", "is not one of"),
    ("actors.csv", 3, "type", "country", "is not one of"),
    ("actors.csv", 3, "stands_for", "atlantis", "is not a actor_id of actors.csv"),
    ("actors.csv", 2, "bio_only", "yes", "is not true or false"),
    ("actor_aliases.csv", 6, "actor_id", "atlantis", "is not a actor_id of actors.csv"),
    ("actor_aliases.csv", 6, "alias", "Azerbaijan", "must be unique"),
    ("relations.csv", 4, "relation_type", "war", "is not one of"),
    ("relations.csv", 4, "paragraph", "99", "is not a number of paragraphs.csv"),
    ("events.csv", 2, "start", "2024-02-30", "is not a real date"),
    ("events.csv", 1, "start", "2024-12-01", "is above end"),
    ("events.csv", 1, "date_source", "Z9", "is not a id of reference/facts.csv"),
    ("events.csv", 5, "start", "", "needs a start"),
    ("event_actors.csv", 3, "event_id", "EV999", "is not a event_id of events.csv"),
    ("issues.csv", 2, "issue_id", "Bad Id", "does not match the pattern"),
    ("issue_facts.csv", 1, "fact_id", "Q1", "is not a id of reference/facts.csv"),
    ("positions.csv", 1, "government", "russia", "is not one of"),
    ("positions.csv", 1, "quote", "Baku demands nothing", "is not an exact substring"),
    ("glossary.csv", 3, "source_fact", "D99", "is not a id of reference/facts.csv"),
    ("glossary.csv", 3, "used_by", "everyone", "does not match the pattern"),
    ("glossary.csv", 34, "used_by", "AM, neutral", "does not match the pattern"),
    ("glossary.csv", 45, "evidence", "L9, article", "does not match the pattern"),
    ("lexicon.csv", 2, "category", "loaded", "is not one of"),
    ("lexicon.csv", 3, "explanation", "", "a value is required"),
]


@pytest.mark.parametrize(("file", "row", "column", "value", "message"), CORRUPTIONS,
                         ids=[f"{c[0]}:{c[2]}:{c[1]}" for c in CORRUPTIONS])
def test_a_corrupted_copy_raises_a_located_error(tmp_path, file, row, column, value, message):
    copy = corrupt(tmp_path, file, row, column, value)
    with pytest.raises(LedgerError) as caught:
        Ledger(copy)
    error = caught.value
    assert error.file == file and error.line == row + 1
    assert column in error.column.split(",") and message in error.problem, str(error)


