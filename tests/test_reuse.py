"""The pack hard-codes nothing about this article: a small fictional article (two invented
countries, Northland and Southland) with its own complete data folder, tests/fixtures/
reuse_article/, goes through the loaders, the ledger checks, every widget, every evidence-layer
query that takes a ledger, and every exercise check. docs/adapting.md tells how that folder was
made. A missing id says which id and which file to add it to."""

import csv
import hashlib
import importlib
import inspect
import json
import pkgutil
import shutil

import pytest

import readingpack.evidence
import readingpack.widgets
from readingpack.article import load_article, paragraphs_csv, read_article
from readingpack.evidence import mentions
from readingpack.exercises import CANNOT_CHECK, NOT_ANSWERED, TASKS, Feedback, check_value
from readingpack.ledger import Ledger, LedgerError, load_ledger
from readingpack.paths import PROJECT_ROOT
from readingpack.ui import PackWidget
from readingpack.widgets.claims import ClaimExplorer
from readingpack.widgets.reading import ParagraphReader

FIXTURE = PROJECT_ROOT / "data" / "practice" / "rivers_and_roads"
# The arguments other than the ledger that some evidence queries need, for this article.
EXTRA_ARGUMENTS = {
    "article_value": {"figure": lambda ledger: ledger.figures.iloc[2]},
    "area_task_problem": {"task_id": "3.2"},
    "fact_links": {"fact_id": "A1"},
    "figure_sources": {"figure_id": "F003"},
    "known_ids": {"ids": ["F001", "F003"], "table": "figures"},
    "labels": {"kind": "relation"},
    "links_text": {"fact_id": "A1"},
    "ordered_links": {"fact_id": "A1"},
    "sentence_lines": {"paragraph": 3},
    "setting": {"key": "areas.country", "table": "reference_facts"},
    "setting_ids": {"key": "actors.default_pair", "table": "actors"},
    "setting_int": {"key": "lesson05.widget_year"},
    "side_words": {"code": "NL"},
    # lesson 9's hand coding, compared with this article's ledger
    "compare_claims": {"mine": [(4, "The talks may fail", "prediction", "author")]},
    "compare_figures": {"mine": [(5, "at least 40 km²", "at_least")]},
    "compare_hedges": {"mine": [(4, "may")]},
    "compare_names": {"mine": {"Riverton": "NL"}},
    "claims_in_sentences": {"sentences": [(7, 3)]},
}
ODD_ANSWERS = ["zzz", -1, 10**9, 2.5, ["zzz"], {"zzz": 1}, True, ("zzz", 0)]


@pytest.fixture
def synthetic(tmp_path):
    """A copy of the fictional article's data folder, free to be changed by a test."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    return folder


@pytest.fixture(scope="module")
def ledger():
    return Ledger(FIXTURE)


@pytest.fixture
def pointed(monkeypatch):
    """The pack pointed at the fictional article, as READINGPACK_DATA does in a notebook."""
    monkeypatch.setenv("READINGPACK_DATA", str(FIXTURE))


def rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- The data folder --------------------------------------------------------------------------

def test_the_fixture_is_a_complete_data_folder(ledger):
    pack = json.loads((PROJECT_ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(ledger.names) == sorted(r["name"] for r in pack["resources"])
    text = (FIXTURE / "article" / "article.txt").read_bytes()
    metadata = json.loads((FIXTURE / "article" / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["sha256"] == hashlib.sha256(text).hexdigest()
    generated = paragraphs_csv(read_article(FIXTURE / "article"))
    assert (FIXTURE / "paragraphs.csv").read_text(encoding="utf-8") == generated
    assert list(ledger.paragraphs["kind"]) == ["title", "standfirst"] + ["body"] * 5 + ["byline", "bio"]
    figures = ledger.figures.set_index("figure_id")
    assert figures.loc["F002", "value_low"] == 12 and figures.loc["F002", "qualifier"] == "at_least"
    assert str(ledger.figures["date_start"].dtype).startswith("datetime64")


def test_every_setting_key_of_the_pack_has_a_value_for_the_fictional_article(ledger):
    with (PROJECT_ROOT / "data" / "settings.csv").open(encoding="utf-8") as pack:
        keys = {row["key"] for row in csv.DictReader(pack)}
    assert keys - set(ledger.settings["key"]) == set(), "add these keys to the fixture's settings.csv"


def test_the_ledger_checks_catch_a_bad_quote_in_another_article(synthetic):
    rewrite(synthetic / "claims.csv", "The talks may fail", "Talks fail")
    with pytest.raises(LedgerError, match=r"claims\.csv, line 5, column 'quote'"):
        Ledger(synthetic)


def test_mention_counting_on_another_article(ledger):
    counts = mentions.count_mentions(mentions.ledger_mentions(ledger))
    assert dict(zip(counts["counted_as"], counts["mentions"], strict=True)) == {
        "northland": 5, "southland": 5, "jane": 2, "ana_north": 1, "lake_commission": 1,
    }


def test_the_data_folder_can_be_redirected(pointed):
    assert load_article().metadata["title"] == "Rivers and Roads"
    assert load_ledger().folder == FIXTURE


# --- Every widget --------------------------------------------------------------------------------

def widget_classes() -> list[type]:
    found = []
    for info in pkgutil.iter_modules(readingpack.widgets.__path__):
        module = importlib.import_module(f"readingpack.widgets.{info.name}")
        found += [obj for _, obj in inspect.getmembers(module, inspect.isclass)
                  if issubclass(obj, PackWidget) and obj is not PackWidget
                  and obj.__module__ == module.__name__]
    return found


def test_the_widget_list_is_complete():
    names = {cls.__name__ for cls in widget_classes()}
    assert {"ClaimExplorer", "ParagraphReader", "AreaComparison", "FigureCheck", "ClaimCheck",
            "ActorComparison", "TimelineExplorer", "PositionComparison", "FramingExplorer"} <= names


@pytest.mark.parametrize("cls", widget_classes(), ids=lambda cls: cls.__name__)
def test_every_widget_runs_on_another_article(cls, ledger):
    widget = cls(ledger)
    changes = widget.example_changes()
    for control, value in changes:
        control.value = value
    widget.reset()


def test_the_claim_explorer_counts_the_other_article(ledger):
    explorer = ClaimExplorer(ledger)
    assert "12 claims match</b> in 5 paragraphs." in explorer.count.value
    assert (explorer.paragraphs.min, explorer.paragraphs.max) == (3, 7)
    explorer.claim_type.value = "prediction"
    assert "1 claim matches</b> in 1 paragraph." in explorer.count.value
    assert "<mark" in explorer.result.value and "The talks may fail" in explorer.result.value
    explorer.reset()
    explorer.speaker.value = explorer.author
    assert explorer.author == "jane"
    assert "9 claims match</b> in 5 paragraphs." in explorer.count.value
    assert ParagraphReader(ledger).kind.options[0][0] == "All paragraphs (1-9)"


# --- Every evidence-layer query ------------------------------------------------------------------

def evidence_queries() -> list[tuple[str, object]]:
    """(name, function or class) of every public evidence query whose signature takes a ledger."""
    found = []
    for info in pkgutil.iter_modules(readingpack.evidence.__path__):
        module = importlib.import_module(f"readingpack.evidence.{info.name}")
        for name, obj in vars(module).items():
            public = not name.startswith("_") and getattr(obj, "__module__", None) == module.__name__
            if public and callable(obj) and "ledger" in inspect.signature(obj).parameters:
                found.append((f"{info.name}.{name}", obj))
    return found


@pytest.mark.parametrize("name,query", evidence_queries(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_evidence_query_runs_on_another_article(name, query, ledger):
    parameters = inspect.signature(query).parameters
    extra = EXTRA_ARGUMENTS.get(name.split(".")[-1], {})
    needed = [p for p, spec in parameters.items()
              if p != "ledger" and spec.default is inspect.Parameter.empty and p not in extra]
    assert needed == [], f"add the arguments {needed} of {name} to EXTRA_ARGUMENTS"
    query(ledger=ledger, **{p: v(ledger) if callable(v) else v for p, v in extra.items()})


def test_the_query_list_is_complete():
    names = {name for name, _ in evidence_queries()}
    assert {"comparison.check_table", "comparison.context_table", "areas.areas_table",
            "positions.PositionsData", "mentions.ActorData", "background.primer_table",
            "language.framing_table", "sources.with_sides", "events.zoom_years"} <= names


def test_the_fictional_glossary_passes_the_glossary_checks(ledger):
    from readingpack.evidence.language import ledger_glossary_problems

    assert ledger_glossary_problems(ledger) == []


# --- Every exercise check ------------------------------------------------------------------------

def crashed(feedback: Feedback, task_id: str) -> bool:
    """True when the checker raised and check() caught it (a traceback the student never sees)."""
    variable = TASKS[task_id].variable
    caught = f"The answer in {variable} could not be checked"
    return feedback.status == CANNOT_CHECK and caught in feedback.message


@pytest.mark.parametrize("task_id", sorted(TASKS), ids=str)
def test_every_exercise_check_gives_feedback_on_another_article(task_id, pointed):
    blank = check_value(task_id, ...)
    assert isinstance(blank, Feedback) and blank.status == NOT_ANSWERED
    for answer in ODD_ANSWERS:
        feedback = check_value(task_id, answer)
        assert isinstance(feedback, Feedback) and feedback.message
        if crashed(feedback, task_id):
            TASKS[task_id].checker(answer)  # raise here, to show the traceback in the report
            pytest.fail(f"task {task_id} raised on {answer!r}")


# --- A missing id names itself and the file to add it to -----------------------------------------

def test_a_missing_setting_names_the_key_and_the_file(synthetic):
    rewrite(synthetic / "settings.csv", "figure_check.default_figure,", "figure_check.first_figure,")
    from readingpack.widgets.figure_check import FigureCheck

    with pytest.raises(KeyError, match=r"figure_check\.default_figure.*settings\.csv"):
        FigureCheck(Ledger(synthetic))


def test_a_setting_naming_an_unknown_figure_names_the_id_and_the_file(synthetic):
    rewrite(synthetic / "settings.csv", "figure_check.default_figure,F003",
            "figure_check.default_figure,F099")
    # refused when the ledger loads (readingpack.ledger.check_setting_ids), before any widget
    with pytest.raises(LedgerError, match=r"'figure_check\.default_figure' names F099.*figures\.csv"):
        Ledger(synthetic)


def test_a_setting_naming_an_unknown_actor_names_the_id_and_the_file(synthetic):
    rewrite(synthetic / "settings.csv", "actors.default_pair,northland;southland",
            "actors.default_pair,northland;eastland")
    from readingpack.widgets.actors import ActorComparison

    with pytest.raises(KeyError, match=r"eastland.*actors\.csv"):
        ActorComparison(Ledger(synthetic))


def test_a_setting_naming_an_unknown_reference_value_names_the_id_and_the_file(synthetic):
    rewrite(synthetic / "settings.csv", "areas.country,A1", "areas.country,A9")
    with pytest.raises(LedgerError, match=r"'areas\.country' names A9.*reference/facts\.csv"):
        Ledger(synthetic)


def test_missing_lesson9_snippets_are_named_with_the_setting(synthetic, monkeypatch):
    """An article without lesson 9's printed search results gets a message naming the setting
    and the file, not a bare FileNotFoundError."""
    from readingpack.evidence import coding

    monkeypatch.setenv("READINGPACK_DATA", str(synthetic))
    with pytest.raises(LedgerError, match=r"lesson09\.snippets.*does not exist"):
        coding.outlet_snippets()
