"""Every sentence a student reads that concerns the article comes from the loaded article's data
(tasks.csv, settings.csv, vocabulary.csv and the ledger) or is computed from it. With the
fictional practice article loaded (READINGPACK_DATA), nothing the pack renders may name a word
that only the pack's own article has: a name (Baku, Armenia, Aliyev), a date word or a number
(215). Rendered here: every task's title and hints, every task's feedback for answers built
from the values its check compares with (the key, each wrong option, a list with one item too
few or too many, a count one off, a number a tenth off) and for odd answers, every widget's
output at its defaults and after its example changes, and every chart label those draw."""

import re

import ipywidgets
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from test_reuse import widget_classes

import readingpack.exercises
from readingpack.evidence import comparison
from readingpack.exercises import TASKS, check_value
from readingpack.exercises import feedback as feedback_module
from readingpack.exercises.tasks import task_frame
from readingpack.ledger import Ledger
from readingpack.paths import PROJECT_ROOT

OWN = PROJECT_ROOT / "data"
FIXTURE = OWN / "practice" / "rivers_and_roads"
# The helpers a check compares an answer with; the test records what each is given.
COMPARED = ("check_number", "check_collection", "check_label", "check_choice", "check_counts")
ODD_ANSWERS = ["zzz", -1, 2.5, 10**6, ["zzz"], {"zzz": 1}, True]
ID_COLUMNS = {"figures": "figure_id", "claims": "claim_id", "events": "event_id",
              "positions": "position_id", "reference_facts": "id", "reference_fact_values": "value_id"}
SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"(]\s*|\n\s*)$")


def data_text(folder) -> str:
    """The article and the ledger's tables (not tasks.csv, whose text is what is checked here)."""
    files = [folder / "article" / "article.txt", *sorted(folder.glob("*.csv")),
             *sorted((folder / "reference").rglob("*.csv"))]
    return "\n".join(f.read_text(encoding="utf-8") for f in files if f.name != "tasks.csv")


def own_article_words() -> set[str]:
    """Names and numbers of the pack's own article that the fixture's data never uses: each word
    the article capitalises somewhere other than at a sentence's start and never writes in lower
    case (in the article or the ledger), each actor's name and alias word, each number of three or
    more digits, and each id of a figure, claim, event, position or reference row."""
    text = (OWN / "article" / "article.txt").read_text(encoding="utf-8")
    lower = set(re.findall(r"\b[a-z]\w*", data_text(OWN)))  # "court" and "security" are words
    names = set()
    for match in re.finditer(r"\b[A-Z][\w’'-]*\w", text):
        word = re.sub(r"[’']s$", "", match.group())
        before = text[max(0, match.start() - 3):match.start()]
        if word.casefold() not in lower and not SENTENCE_START.search(before):
            names.add(word)
    ledger = Ledger(OWN)
    for name in [*ledger.actors["name"], *ledger.actor_aliases["alias"]]:
        names |= {w for w in re.findall(r"\b[A-Z]\w+", str(name).replace("\xa0", " "))}
    ids = {str(v) for table, column in ID_COLUMNS.items() for v in ledger[table][column].dropna()}
    ids -= set(re.findall(r"^  ([A-Z]\d)  ", comparison.__doc__, flags=re.M))  # the rule codes M1, N1, ...
    numbers = set(re.findall(r"(?<![\d.,])\d{3,}(?![\d])", text)) - {"100"}  # × 100 is arithmetic
    fixture = set(re.findall(r"\w+", data_text(FIXTURE).casefold()))
    return {w for w in names | numbers | ids if w.casefold() not in fixture and len(w) > 1}


OWN_WORDS = own_article_words()
MISSING = re.compile(r"<NA>|\bnan\b|\bNaT\b")  # an empty cell printed as if it were a value
WORD = re.compile(r"\b(" + "|".join(sorted(map(re.escape, OWN_WORDS), key=len, reverse=True)) + r")\b")


def test_the_word_list_holds_the_names_and_numbers_the_issue_names():
    assert {"Baku", "Armenia", "Azerbaijan", "Aliyev", "Yerevan", "215"} <= OWN_WORDS
    assert not {"The", "However", "President", "Northland", "March", "40"} & OWN_WORDS


@pytest.fixture(scope="module")
def fixture_article():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("READINGPACK_DATA", str(FIXTURE))
        yield patch


def found(texts: dict[str, str]) -> list[str]:
    """'where: word in “...context...”' for every own-article word and every empty cell printed
    as a value (<NA>, nan, NaT) in the texts."""
    hits = []
    for where, text in texts.items():
        for match in [*WORD.finditer(text), *MISSING.finditer(text)]:
            context = text[max(0, match.start() - 50):match.end() + 30].replace("\n", " ")
            hits.append(f"{where}: {match.group()} in “{context}”")
    return hits


def assert_none(hits: list[str]) -> None:
    assert hits == [], "words of the pack's own article, with the fixture article loaded:\n" + "\n".join(hits)


def test_task_titles_and_hints_come_from_the_loaded_article(fixture_article):
    tasks = task_frame()
    texts = {f"tasks.csv {task_id} {column}": str(row[column])
             for task_id, row in tasks.iterrows() for column in ("title", "hint_method", "hint_specific")
             if pd.notna(row[column])}
    assert_none(found(texts))


def answers_for(task_id: str, patch) -> list:
    """Answers built from what the check compares with, recorded on a first run."""
    recorded = []
    for module in [feedback_module, *readingpack.exercises.LESSONS, readingpack.exercises.chart_tasks]:
        for name in COMPARED:
            original = getattr(module, name, None)
            if original is None or getattr(original, "recording", False):
                continue

            def record(*args, _name=name, _original=original, **kwargs):
                recorded.append((_name, args))
                return _original(*args, **kwargs)

            record.recording = True
            patch.setattr(module, name, record)
    for answer in ODD_ANSWERS:
        check_value(task_id, answer)
    answers = []
    for name, args in recorded:
        if name == "check_number" and isinstance(args[1], int | float):
            answers += [args[1], args[1] * 1.1, args[1] / 100]
        elif name == "check_collection":
            items = list(args[1])
            answers += [items, items[:-1], [*items, "zzz"]]
        elif name == "check_label":
            answers += [args[2], *args[1], *args[3]]
        elif name == "check_choice":
            answers += list(range(len(args[1])))
        elif name == "check_counts":
            counts = dict(args[1])
            answers += [counts, {k: v + 1 for k, v in counts.items()}]
    return answers


@pytest.mark.parametrize("task_id", sorted(TASKS))
def test_every_feedback_comes_from_the_loaded_article(task_id, fixture_article):
    article = Ledger(FIXTURE).article
    texts = {}
    with pytest.MonkeyPatch.context() as patch:
        answers = answers_for(task_id, patch)
    if TASKS[task_id].kind == "written":
        answers += [article.text[:400], "A short answer."]
    for answer in [*answers, *ODD_ANSWERS]:
        feedback = check_value(task_id, answer)
        texts[f"{task_id} given {str(answer)[:40]!r} ({feedback.status})"] = feedback.message
    assert_none(found(texts))


def widget_texts(widget: ipywidgets.Widget) -> list[str]:
    texts = []
    for attribute in ("value", "description", "placeholder", "tooltip", "_options_labels"):
        value = getattr(widget, attribute, None)
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, tuple | list):
            texts += [v for v in value if isinstance(v, str)]
    for output in getattr(widget, "outputs", ()):
        texts += [str(v) for k, v in output.get("data", {}).items() if k.startswith("text/")]
        texts.append(str(output.get("text", "")))
    for child in getattr(widget, "children", ()):
        texts += widget_texts(child)
    return texts


@pytest.fixture
def chart_labels(monkeypatch):
    """Every text of every figure a widget or chart shows (plt.show is recorded, then closes).
    Figures other tests left open are closed first: they are not this test's."""
    plt.close("all")
    labels = []

    def show(*args, **kwargs):
        for number in plt.get_fignums():
            figure = plt.figure(number)
            labels.extend(t.get_text() for t in figure.findobj(matplotlib.text.Text))
        plt.close("all")

    monkeypatch.setattr(plt, "show", show)
    return labels


@pytest.mark.parametrize("cls", widget_classes(), ids=lambda cls: cls.__name__)
def test_every_widget_text_comes_from_the_loaded_article(cls, fixture_article, chart_labels):
    widget = cls(Ledger(FIXTURE))
    texts = {f"{cls.__name__} at its defaults": "\n".join(widget_texts(widget.widget))}
    for n, (control, value) in enumerate(widget.example_changes()):
        control.value = value
        texts[f"{cls.__name__} after change {n} ({value!r})"] = "\n".join(widget_texts(widget.widget))
    texts[f"{cls.__name__} charts"] = "\n".join(chart_labels)
    assert_none(found(texts))


def test_the_scan_finds_a_word_of_the_pack_s_own_article():
    hits = found({"here": "Keep Azerbaijan as actor A; at least 215 km²; Northland (<NA>)."})
    assert [hit.split(":")[1].split(" in ")[0].strip() for hit in hits] == ["Azerbaijan", "215", "<NA>"]


def test_chart_labels_come_from_the_loaded_article(fixture_article, chart_labels):
    from readingpack import charts
    from readingpack.evidence import background, claims

    ledger = Ledger(FIXTURE)
    charts.paragraph_lengths_chart(background.structure_table(ledger.paragraphs, ledger.outline))
    charts.claim_types_chart(claims.types_by_paragraph(ledger.claims))
    bounds = ledger.figures[ledger.figures["qualifier"] == "at_least"]
    charts.bounds_chart(bounds, bounds)
    _figure, ax = plt.subplots()
    split = ledger.actors.set_index("actor_id").head(2).assign(own_name=[3, 2], by_capital=[1, 0],
                                                               total=[4, 2])
    charts.draw_mentions_by_name_and_capital(ax, split, list(split["name"]))
    plt.show()
    assert_none(found({"chart": "\n".join(chart_labels)}))
