"""The package hard-codes nothing about this article: a tiny synthetic article with its own
small ledger goes through the loaders, the ledger checks, mention counting and two widgets."""

import csv
import hashlib
import json
import shutil

import pytest

from readingpack import actors
from readingpack.article import load_article, paragraphs_csv, read_article
from readingpack.ledger import Ledger, LedgerError, load_ledger
from readingpack.paths import PROJECT_ROOT
from readingpack.widgets.claims import ClaimExplorer
from readingpack.widgets.setting import ParagraphReader

TEXT = (
    "Rivers and Roads\n\n"
    "Northland and Southland met again.\n\n"
    "On March 3, Northland and Southland met in Lakeside. "
    "Northland’s minister said that “the road will open soon”.\n\n"
    "At least 12 villages lie near the road. The talks may fail.\n\n"
    "Jane Example"
)
RESOURCES = ["paragraphs", "actors", "actor_aliases", "claims", "claim_actors", "figures"]
ROWS = {
    "actors": [
        {"actor_id": "jane", "name": "Jane Example", "type": "author", "role": "the author",
         "bio_only": "false", "in_article": "The article is hers."},
        {"actor_id": "northland", "name": "Northland", "type": "state", "role": "a state",
         "bio_only": "false", "in_article": "The article says it met Southland."},
        {"actor_id": "southland", "name": "Southland", "type": "state", "role": "a state",
         "bio_only": "false", "in_article": "The article says it met Northland."},
    ],
    "actor_aliases": [
        {"actor_id": "jane", "alias": "Jane Example"},
        {"actor_id": "northland", "alias": "Northland"},
        {"actor_id": "northland", "alias": "Northland’s"},
        {"actor_id": "southland", "alias": "Southland"},
    ],
    "claims": [
        {"claim_id": "CL001", "paragraph": "3",
         "quote": "On March 3, Northland and Southland met in Lakeside",
         "claim_type": "checkable_fact", "speaker": "jane"},
        {"claim_id": "CL002", "paragraph": "3",
         "quote": "Northland’s minister said that “the road will open soon”",
         "claim_type": "reported_statement", "speaker": "northland"},
        {"claim_id": "CL003", "paragraph": "4", "quote": "At least 12 villages lie near the road",
         "claim_type": "statistic", "speaker": "jane"},
        {"claim_id": "CL004", "paragraph": "4", "quote": "The talks may fail",
         "claim_type": "prediction", "speaker": "jane"},
    ],
    "claim_actors": [
        {"claim_id": "CL001", "actor_id": "northland", "role": "subject"},
        {"claim_id": "CL001", "actor_id": "southland", "role": "subject"},
        {"claim_id": "CL002", "actor_id": "northland", "role": "speaker"},
    ],
    "figures": [
        {"figure_id": "F001", "paragraph": "3", "quote": "March 3", "qualifier": "exact", "kind": "date",
         "counts_what": "the day of the meeting", "date_start": "2024-03-03", "date_end": "2024-03-03",
         "date_precision": "day", "year_printed": "false", "date_note": "No year printed."},
        {"figure_id": "F002", "paragraph": "4", "quote": "At least 12 villages",
         "value_low": "12", "unit": "villages", "qualifier": "at_least", "kind": "count",
         "counts_what": "villages near the road"},
    ],
}


def write_csv(path, schema_path, rows):
    """Write `rows` in the schema's column order; required text cells left out get "n/a"."""
    specs = json.loads(schema_path.read_text(encoding="utf-8"))["fields"]
    fields = [f["name"] for f in specs]
    for row in rows:
        for spec in specs:
            required = spec.get("constraints", {}).get("required")
            row.setdefault(spec["name"], "n/a" if required and spec.get("type") == "string" else "")
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def synthetic(tmp_path):
    folder = tmp_path / "data"
    (folder / "article").mkdir(parents=True)
    (folder / "article" / "article.txt").write_text(TEXT, encoding="utf-8")
    metadata = {
        "title": "Rivers and Roads", "author": "Jane Example", "outlet": "Test Outlet",
        "published": "2024-06-01", "url": "", "genre": "opinion", "rights": "test text",
        "text_file": "article.txt", "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        "paragraph_kinds": [{"first": 1, "last": 1, "kind": "title"},
                            {"first": 2, "last": 2, "kind": "standfirst"},
                            {"first": 3, "last": 4, "kind": "body"},
                            {"first": 5, "last": 5, "kind": "byline"}],
    }
    (folder / "article" / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    (folder / "paragraphs.csv").write_text(paragraphs_csv(read_article(folder / "article")), encoding="utf-8")
    shutil.copytree(PROJECT_ROOT / "data" / "schemas", folder / "schemas")
    for name, rows in ROWS.items():
        write_csv(folder / f"{name}.csv", folder / "schemas" / f"{name}.json", [dict(r) for r in rows])
    descriptor = json.loads((PROJECT_ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] in RESOURCES]
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder


def test_loaders_and_checks_work_on_another_article(synthetic):
    ledger = Ledger(synthetic)
    assert sorted(ledger.names) == sorted(RESOURCES)
    assert list(ledger.paragraphs["kind"]) == ["title", "standfirst", "body", "body", "byline"]
    figures = ledger.figures.set_index("figure_id")
    assert figures.loc["F002", "value_low"] == 12 and figures.loc["F002", "qualifier"] == "at_least"
    assert str(ledger.figures["date_start"].dtype).startswith("datetime64")


def test_the_ledger_checks_catch_a_bad_quote_in_another_article(synthetic):
    claims = synthetic / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8").replace("The talks may fail", "Talks fail"),
                      encoding="utf-8")
    with pytest.raises(LedgerError, match=r"claims\.csv, line 5, column 'quote'"):
        Ledger(synthetic)


def test_mention_counting_on_another_article(synthetic):
    counts = actors.count_mentions(actors.ledger_mentions(Ledger(synthetic)))
    assert dict(zip(counts["counted_as"], counts["mentions"], strict=True)) == {
        "northland": 3, "southland": 2, "jane": 1,
    }


def test_widgets_on_another_article(synthetic):
    ledger = Ledger(synthetic)
    explorer = ClaimExplorer(ledger)
    assert "4 claims match</b> in 2 paragraphs." in explorer.count.value
    assert (explorer.paragraphs.min, explorer.paragraphs.max) == (3, 4)
    explorer.claim_type.value = "prediction"
    assert "1 claim matches</b> in 1 paragraph." in explorer.count.value
    assert "<mark" in explorer.result.value and "The talks may fail" in explorer.result.value
    explorer.reset()
    explorer.speaker.value = explorer.author
    assert explorer.author == "jane"
    assert "3 claims match</b> in 2 paragraphs." in explorer.count.value
    reader = ParagraphReader(ledger)
    assert reader.kind.options[0][0] == "All paragraphs (1-5)"


def test_the_data_folder_can_be_redirected(synthetic, monkeypatch):
    monkeypatch.setenv("READINGPACK_DATA", str(synthetic))
    assert load_article().metadata["title"] == "Rivers and Roads"
    assert sorted(load_ledger().names) == sorted(RESOURCES)
