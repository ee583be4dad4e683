"""The multiple-choice tasks do not give their answer away by form: the key is not usually the
longest option, keys sit in several positions, options are of comparable length, and the option
lists in the solution notebooks are the ones the checks mark.

Comparable length here: in every task the longest option is at most 2.5 times the shortest (task
4.6 shows verbatim ledger quotes, so its options cannot be padded; the typed options stay within
1.2 times), and the key is at most 1.15 times the mean length of the other options."""

import re

import nbformat
import pytest

from readingpack.exercises import CORRECT, INCORRECT, LESSONS, TASKS, check_value
from readingpack.paths import PROJECT_ROOT


def _value(item):
    return item() if callable(item) else item


def choices() -> dict[str, tuple[list[str], int]]:
    """{task id: (options, key)} from the CHOICES of every lesson module."""
    found = {}
    for module in LESSONS:
        for task_id, (options, key) in getattr(module, "CHOICES", {}).items():
            found[task_id] = (list(_value(options)), int(_value(key)))
    return found


CHOICE_TASKS = sorted(t.task_id for t in TASKS.values() if t.kind == "choice")


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(".")


def _notebook(task_id: str) -> tuple[list[str], int | None]:
    """The numbered options of the task's prompt and its `# SOLUTION` number."""
    lesson = int(task_id.split(".")[0])
    path = next((PROJECT_ROOT / "solutions").glob(f"{lesson:02d}_*.ipynb"))
    cells = nbformat.read(path, as_version=4).cells
    start = next(i for i, c in enumerate(cells) if c.cell_type == "markdown"
                 and c.source.startswith(f"### Task {task_id} · choice"))
    options = [m.group(2) for m in re.finditer(r"^(\d+)\. (.+)$", cells[start].source, re.M)]
    pattern = re.compile(rf"^{TASKS[task_id].variable} = (\d+)  # SOLUTION$", re.M)
    solution = None
    for cell in cells[start + 1:]:
        if cell.cell_type == "markdown" and cell.source.startswith("### Task"):
            break
        match = pattern.search(cell.source) if cell.cell_type == "code" else None
        if match:
            solution = int(match.group(1))
    return options, solution


def test_every_choice_task_declares_its_options_and_key():
    assert len(CHOICE_TASKS) >= 6
    assert sorted(choices()) == CHOICE_TASKS


def test_the_key_is_the_longest_option_in_at_most_a_third_of_the_tasks():
    longest = [t for t, (options, key) in choices().items()
               if len(options[key - 1]) == max(map(len, options))]
    assert len(longest) <= len(CHOICE_TASKS) / 3, longest


def test_keys_sit_in_at_least_three_positions():
    assert len({key for _, key in choices().values()}) >= 3


@pytest.mark.parametrize("task_id", CHOICE_TASKS)
def test_options_are_of_comparable_length(task_id):
    options, key = choices()[task_id]
    lengths = [len(o) for o in options]
    assert max(lengths) <= 2.5 * min(lengths), lengths
    others = [n for i, n in enumerate(lengths, start=1) if i != key]
    assert lengths[key - 1] <= 1.15 * sum(others) / len(others), lengths


@pytest.mark.parametrize("task_id", CHOICE_TASKS)
def test_the_notebook_prompt_lists_the_same_options_and_solution(task_id):
    options, key = choices()[task_id]
    shown, solution = _notebook(task_id)
    assert [_normal(o) for o in shown] == [_normal(o) for o in options]
    assert solution == key


@pytest.mark.parametrize("task_id", CHOICE_TASKS)
def test_only_the_key_is_correct_and_wrong_feedback_never_names_it(task_id):
    options, key = choices()[task_id]
    assert check_value(task_id, key).status == CORRECT
    for number in range(1, len(options) + 1):
        if number == key:
            continue
        feedback = check_value(task_id, number)
        assert feedback.status == INCORRECT, number
        assert f"option {key}" not in feedback.message.casefold()
        assert _normal(options[key - 1]) not in _normal(feedback.message)


HEDGES = re.compile(r"\b(only|at least|at most|probably|may|might|seems?|suggests?|perhaps|likely|about|"
                    r"roughly|not which)\b", re.I)


@pytest.mark.parametrize("task_id", sorted(choices()))
def test_hedging_does_not_single_out_the_key(task_id):
    """Where the key is hedged ("only a lower bound", "not which is true"), so is at least one
    other option: a cautious word must not give the answer away (tasks 3.4 and 8.5 once did)."""
    options, key = choices()[task_id]
    hedged = [number for number, option in enumerate(options, start=1) if HEDGES.search(option)]
    if key in hedged:
        assert len(hedged) >= 2, (task_id, hedged)
