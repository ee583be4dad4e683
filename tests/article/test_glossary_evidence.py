"""The glossary's "used by" labels and their evidence (reference list section G), and the lexicon's
charged words and categories."""

import pandas as pd
import pytest

from readingpack.evidence.language import NOT_DOCUMENTED, find_terms, glossary_problems, label_parts
from readingpack.ledger import load_ledger

LEDGER = load_ledger()
GLOSSARY = LEDGER.glossary
FACTS = LEDGER.reference_facts
TEXT = LEDGER.article.text
SIDES = LEDGER.reference_sides


def row(term: str) -> pd.Series:
    return GLOSSARY.set_index("term").loc[term]


def codes(term: str) -> set[str]:
    return set(row(term)["used_by"].split(", "))


def evidence(term: str) -> set[str]:
    value = row(term)["evidence"]
    return set() if pd.isna(value) else set(value.split(";"))


# ---- every label, checked against its evidence ------------------------------------------------


def test_every_label_cites_evidence_that_holds_the_term_or_says_usage_not_documented():
    assert glossary_problems(GLOSSARY, FACTS, TEXT, SIDES) == []


def test_labels_parse_into_parts_with_their_evidence():
    assert label_parts("President Aliyev (K9a); in Armenia: usage not documented") == [
        ("President Aliyev (K9a)", ["K9a"]), ("in Armenia: usage not documented", []),
    ]
    assert label_parts("the author")[0][1] is None


def corrupted(term_id: str, **changes) -> list[str]:
    copy = GLOSSARY.copy()
    where = copy["term_id"] == term_id
    for column, value in changes.items():
        copy.loc[where, column] = value
    return glossary_problems(copy, FACTS, TEXT, SIDES)


CORRUPTIONS = [
    # a cited reference row that does not contain the term
    ("G045", {"used_by_label": "Azerbaijan's Ministry of Foreign Affairs (K9b)", "evidence": "K9b"},
     "K9b does not contain"),
    # a reference row that does not exist
    ("G045", {"used_by_label": "Azerbaijan's Ministry of Foreign Affairs (L99)", "evidence": "L99"},
     "L99 is not a row"),
    # a usage claim without evidence, and the reference list's own wording
    ("G044", {"used_by_label": "in Armenia"}, "cites no evidence"),
    ("G044", {"used_by_label": "in Armenia: usage not documented here"}, "cites no evidence"),
    # the label and the evidence column disagree
    ("G052", {"evidence": pd.NA}, "the evidence column holds []"),
    # an article citation whose quote is not in the article
    ("G037", {"quote": pd.NA, "paragraph": pd.NA,
              "used_by_label": "the author: “capitulates” (the article)", "used_by": "author"},
     "neither its quotes nor the row's quote"),
    ("G061", {"used_by_label": "the author: “mass exodus” (the article)"}, "is not an exact quote"),
    # a term used by both governments filed under one side
    ("G034", {"used_by": "AZ"}, "lacks AM"),
    ("G059", {"used_by": "author, AM"}, "lacks INTL"),
    ("G051", {"used_by": "AM"}, "lacks AZ"),
    # a neutral row that claims a user, and a form that the term does not hold
    ("G043", {"used_by_label": "in Armenia (the article)"}, "a neutral row's label"),
    ("G045", {"forms": "Khankendi;Stepanakert"}, "the form 'Stepanakert' occurs neither"),
]


@pytest.mark.parametrize(("term_id", "changes", "message"), CORRUPTIONS,
                         ids=[f"{c[0]}-{c[2][:20]}" for c in CORRUPTIONS])
def test_a_corrupted_label_is_caught(term_id, changes, message):
    problems = corrupted(term_id, **changes)
    assert any(p.startswith(term_id) and message in p for p in problems), problems


def test_every_id_is_kept_and_every_thing_has_a_neutral_default():
    ids = set(GLOSSARY["term_id"])
    assert {f"G{n:03d}" for n in range(1, 67)} <= ids
    variants = GLOSSARY[GLOSSARY["kind"] == "name_variant"]
    for thing, rows in variants.groupby("thing"):
        assert (rows["used_by"] == "neutral").sum() == 1, thing


def test_usage_not_documented_is_written_in_the_packs_words():
    labels = " ".join(GLOSSARY["used_by_label"])
    assert "in this file" not in labels and "documented here" not in labels
    assert labels.count(": " + NOT_DOCUMENTED) >= 8


# ---- the labels section G documents -----------------------------------------------------------


def test_the_2020_wars_names():
    assert codes("44-day war") == {"AM", "AZ"} and evidence("44-day war") == set()
    assert row("44-day war")["used_by_label"].endswith(NOT_DOCUMENTED)
    assert evidence("Second Karabakh war") == {"K9a"} and codes("Second Karabakh war") == {"AZ", "AM"}
    assert "in Armenia: usage not documented" in row("Second Karabakh war")["used_by_label"]
    assert evidence("Patriotic War / 44-day Patriotic War") == {"K9a"}
    assert codes("Patriotic War / 44-day Patriotic War") == {"AZ"}


def test_occupied_and_aggression_are_used_by_both_governments():
    occupied = "occupation / occupied / occupying / occupant"
    assert {"K2a", "K2b", "K9c", "K9e", "K6b"} <= evidence(occupied)
    assert {"INTL", "AM", "AZ"} <= codes(occupied)
    label = row(occupied)["used_by_label"]
    assert "UN Security Council" in label and "about different land" in row(occupied)["definition"]
    assert {"K9b", "K9c", "K9e"} <= evidence("aggressor / aggression")
    assert {"AM", "AZ"} <= codes("aggressor / aggression")


def test_the_september_2023_names():
    assert evidence("offensive / military offensive") == {"article", "C4"}
    assert evidence("local anti-terrorist measures / counter-terror operation") == {"S1", "article"}
    assert evidence("large-scale aggression") == {"K9b"}


def test_forced_displacement_ethnic_cleansing_and_the_neutral_default():
    for term in ("forced displacement", "ethnic cleansing"):
        assert "article" in evidence(term)
        assert "Armenia's government: usage not documented" in row(term)["used_by_label"]
    assert {"S10", "S11"} <= evidence("ethnic cleansing") and "INTL" in codes("ethnic cleansing")
    assert "aspects of ethnic cleansing" in row("ethnic cleansing")["used_by_label"]
    flight = "the flight of more than 100,000 Karabakh Armenians to Armenia"
    assert row(flight)["used_by"] == "neutral" and "refugees" in row(flight)["definition"]
    variants = GLOSSARY[GLOSSARY["thing"] == row(flight)["thing"]]
    assert set(variants["neutral_wording"]) == {flight}


def test_blockade_western_azerbaijan_and_the_de_facto_authorities():
    assert evidence("blockade") == {"article", "L12", "S10", "L15"}
    assert "self-blockade" in row("blockade")["used_by_label"]
    assert evidence("Western Azerbaijan") == {"K8a", "article"}
    assert "K8b" in row("Western Azerbaijan")["definition"]
    assert row("irredentist / irredentism")["used_by"] == "author"
    authorities = row("the de facto authorities of Nagorno-Karabakh")
    assert "K10a" in authorities["definition"] and "K10b" in authorities["definition"]
    assert row("separatist regime")["used_by_label"] == "Azerbaijan's government: usage not documented"


def test_no_row_names_the_karabakh_economic_region_as_the_region():
    assert not GLOSSARY["term"].str.contains("economic region", case=False).any()
    assert not GLOSSARY["definition"].str.contains("economic region", case=False).any()


# ---- the lexicon -------------------------------------------------------------------------------


def test_the_lexicon_holds_the_charged_words_of_the_glossary():
    evaluative = set(LEDGER.lexicon.loc[LEDGER.lexicon["category"] == "evaluative", "term"])
    assert {"forced displacement", "occupied", "occupant", "de-occupy", "warfare", "aggressor",
            "ethnic cleansing", "blockade"} <= evaluative


def test_warfare_is_counted_once_per_occurrence():
    found = find_terms(LEDGER.article.paragraphs, LEDGER.lexicon)
    warfare = found[found["match"].str.contains("warfare", case=False)]
    evaluative = warfare[warfare["category"] == "evaluative"]
    assert not evaluative.duplicated("end").any()
    assert sorted(evaluative["paragraph"]) == [7, 9, 17, 17]


RULE_TWO = {"CL104", "CL106"}  # CODEBOOK tie-break rule 2: the author names what was said by her label


def claim_spans() -> pd.DataFrame:
    claims = LEDGER.claims.copy()
    paragraphs = LEDGER.article.paragraphs
    claims["start"] = [int(paragraphs.loc[p, "start"]) + LEDGER.article.paragraph(p).index(q)
                       for p, q in zip(claims["paragraph"], claims["quote"], strict=True)]
    claims["end"] = claims["start"] + claims["quote"].str.len()
    return claims


@pytest.mark.parametrize(("category", "claim_types"), [
    ("attribution_verb", {"reported_statement"}),
    ("hedge", {"prediction", "evaluation", "reported_statement"}),
])
def test_lexicon_categories_agree_with_how_claims_are_coded(category, claim_types):
    """CODEBOOK: an attribution verb makes its clause a reported statement (tie-break rule 1); a
    hedge makes a prediction or an evaluation, or sits in a reported statement (rule 5)."""
    claims = claim_spans()
    found = find_terms(LEDGER.article.paragraphs, LEDGER.lexicon)
    found = found[(found["category"] == category) & found["paragraph"].between(3, 20)]
    assert len(found)
    for occurrence in found.itertuples(index=False):
        holding = claims[(claims["start"] <= occurrence.start) & (occurrence.end <= claims["end"])]
        if category == "attribution_verb" and set(holding["claim_id"]) <= RULE_TWO:
            continue  # tie-break rule 2: the author characterises what was said (CL104)
        assert set(holding["claim_type"]) & claim_types, (occurrence.paragraph, occurrence.match)


def test_the_lexicon_schema_documents_one_category_vocabulary():
    field = next(f for f in LEDGER.tables["lexicon"].schema["fields"] if f["name"] == "category")
    for category in field["constraints"]["enum"]:
        assert category in field["description"]
    assert "CODEBOOK" in field["description"]
