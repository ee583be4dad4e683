"""Lesson 4, actors: the checks of the exercise tasks 4.1-4.7.

Every expected value is computed from the ledger with the evidence layer
(readingpack.evidence.mentions: mention counting and ActorData, which the comparison widget
renders), never typed. The actor ids the tasks are about and the claim ids of the
multiple-choice task (4.6) and the claims of the decision task (4.8) are settings
(data/settings.csv, keys lesson04.*); only the relation type of the retired task 4.4 and the
wording are typed here, the key of 4.6 is found from the ledger, and the rule 4.8's feedback
names is read from the “Decided:” lists of data/CODEBOOK.md's tie-break rules.
"""

import re

import pandas as pd

from ..evidence.claims import author_id
from ..evidence.mentions import ActorData, count_mentions, ledger_mentions
from ..evidence.settings import setting, setting_ids
from ..ledger import load_ledger
from ..paths import data_dir
from .feedback import (
    CORRECT,
    INCORRECT,
    NOT_ANSWERED,
    Feedback,
    check_choice,
    check_collection,
    check_counts,
    check_number,
    check_written,
    table_hint,
    task,
    type_problem,
)

ARMS = "arms_supply"  # task 4.4


def _state() -> str:
    """Task 4.1: the state whose surface forms are counted."""
    return setting("lesson04.state")


def _mission() -> str:
    """Task 4.2: the actor whose paragraphs are listed."""
    return setting("lesson04.mission")


def _mission_label() -> str:
    """Task 4.2: how the feedback names that actor ("the EU mission")."""
    return setting("lesson04.mission_label")


def _mission_words() -> str:
    """A pattern for the words of that name, each capitalised or not ("EU|[Mm]ission")."""
    words = [w for w in re.findall(r"\w+", _mission_label()) if w.casefold() != "the"]
    return "|".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" if w[0].isalpha() and w[1:].islower()
                    else re.escape(w) for w in words)


def _first_two() -> list[str]:
    """Task 4.3: the two most mentioned actors, which the task leaves out."""
    return setting_ids("lesson04.first_two")


def _pair() -> list[str]:
    """Task 4.5: the two actors compared in the widget."""
    return setting_ids("lesson04.pair")


def _quote_options() -> list[str]:
    """Task 4.6: the claim ids offered, in order."""
    return setting_ids("lesson04.quote_options")


def _mentions() -> pd.DataFrame:
    return ledger_mentions(load_ledger())


def _names() -> dict[str, str]:
    actors = load_ledger().actors
    return dict(zip(actors["actor_id"], actors["name"], strict=True))


# 4.1 ----------------------------------------------------------------------------------------

def state_forms(state: str | None = None) -> dict[str, int]:
    """Mentions of a state per surface form, its capital's forms included (counted_as)."""
    state = state or _state()
    mentions = _mentions()
    sizes = mentions[mentions["counted_as"] == state].groupby("alias").size()
    return {str(alias): int(count) for alias, count in sizes.items()}


def _actor_of_alias() -> dict[str, str]:
    aliases = load_ledger().actor_aliases
    return dict(zip(aliases["alias"], aliases["actor_id"], strict=True))


def _plain_search_note(alias: str, given) -> str | None:
    """If `given` is what a plain text search for `alias` finds, say what that search also catches."""
    text = load_ledger().article.text
    counts = {text.count(alias), len(re.findall(rf"(?<!\w){re.escape(alias)}(?!\w)", text))}
    if given not in counts:
        return None
    longer = {a for a in _actor_of_alias() if alias in a and a != alias}
    longer |= set(re.findall(rf"{re.escape(alias)}\w+", text))
    shown = ", ".join(f"“{form}”" for form in sorted(longer)[:5])
    return (f"{given} for “{alias}” is what a plain text search finds: it also matches inside longer "
            f"words and names ({shown}), which the pack counts as other forms or not at all")


@task("4.1")
def check_azerbaijan_forms(answer) -> Feedback:
    state = _state()
    expected = state_forms()
    actor_of = _actor_of_alias()
    own = [a for a in expected if actor_of[a] == state]
    capital = [a for a in expected if actor_of[a] != state]
    total, own_total = sum(expected.values()), sum(expected[a] for a in own)
    names = _names()
    name = names[state]
    capital_name = names[actor_of[capital[0]]].split(" (")[0] if capital else ""
    if isinstance(answer, bool):
        return type_problem(answer, "a dictionary of surface forms and their counts")
    if isinstance(answer, int | float):
        if answer == total:
            example = f"{{'{name}': ..., '{capital_name}': ...}}"
            return Feedback(INCORRECT, f"{total} is the right total, but the task asks for the count of each "
                                       f"surface form: a dictionary such as {example}.",
                                       reason="total_not_per_form")
        if answer == own_total:
            return Feedback(INCORRECT, f"You counted '{name}' but not '{capital_name}': {own_total} "
                                       f"leaves out the {total - own_total} mentions of the capital used "
                                       "for the government. And the task asks for a dictionary, one count "
                                       "per surface form.", reason="capital_not_counted")
        return type_problem(answer, "a dictionary of surface forms and their counts")
    if hasattr(answer, "to_dict") and not isinstance(answer, dict):
        answer = answer.to_dict()
    if not isinstance(answer, dict):
        return type_problem(answer, "a dictionary of surface forms and their counts")
    by_actor = {state: own_total, **{actor_of[a]: 0 for a in capital}}
    for alias in capital:
        by_actor[actor_of[alias]] += expected[alias]
    if set(answer) == set(by_actor):
        return Feedback(INCORRECT, "These are counts per actor; the task asks for one count per surface form "
                                   "(group the mentions by alias).", reason="counts_per_actor")
    feedback = check_counts(answer, expected, f"surface forms of {name} and of “{capital_name}”")
    if feedback.passed:
        forms = ", ".join(f"'{a}' {n}" for a, n in expected.items())
        return Feedback(CORRECT, f"All {len(expected)} surface forms, {total} mentions in all: {forms}. "
                                 f"“{capital_name}” alone gives {total - own_total} of them.")
    notes = []
    missing_capital = [a for a in capital if a not in answer]
    if missing_capital and any(a in answer for a in own):
        notes.append(f"You counted '{name}' but not {' or '.join(repr(a) for a in missing_capital)}: "
                     f"“{capital_name}” stands for {name}'s government (stands_for in actors.csv)")
    split = [a for a in own if a not in answer and not a.isprintable()]
    if split:
        mentions = _mentions()
        paragraph = int(mentions.loc[mentions["alias"] == split[0], "paragraph"].iloc[0])
        notes.append(f"the split form of paragraph {paragraph}, printed with non-breaking spaces, is "
                     "a surface form too")
    for alias, value in answer.items():
        if alias in expected and isinstance(value, int) and value != expected[alias]:
            note = _plain_search_note(alias, value)
            if note:
                notes.append(note)
    adjectives = [a for a in answer if isinstance(a, str) and a.startswith(name) and a[len(name):].isalpha()]
    for adjective in adjectives:
        notes.append(f"“{adjective}” is an adjective, not a mention of the state (CODEBOOK, Actors)")
    message = "; ".join([*notes, feedback.message.rstrip(".")]) + "."
    return Feedback(INCORRECT, message[0].upper() + message[1:], reason=feedback.reason)


# 4.2 ----------------------------------------------------------------------------------------

def mission_paragraphs() -> list[int]:
    mentions = _mentions()
    return sorted({int(p) for p in mentions.loc[mentions["actor_id"] == _mission(), "paragraph"]})


def _why_not_mission(paragraph) -> str:
    mission = _mission()
    mentions, paragraphs = _mentions(), load_ledger().paragraphs.set_index("number")["text"]
    if paragraph not in paragraphs.index:
        return f"there is no paragraph {paragraph!r}"
    names = _names()
    here = mentions[mentions["paragraph"] == paragraph]
    label, pattern = _mission_label(), _mission_words()
    near = here[here["alias"].str.contains(pattern) & (here["actor_id"] != mission)]
    near = near.drop_duplicates("actor_id")
    common = "|".join(p for p in pattern.split("|") if p.startswith("["))  # the lower-case words
    words = sorted(set(re.findall(rf"\w*(?:{common})\w*", paragraphs[paragraph]))) if common else []
    parts = [f"mentions “{r.alias}” ({names[r.actor_id]}), not {label}" for r in near.itertuples()]
    if words and near.empty:
        parts.append("has " + ", ".join(f"“{w}”" for w in words) + f", not {label}")
    return f"paragraph {paragraph} " + (" and ".join(parts) if parts else f"does not mention {label}")


@task("4.2")
def check_euma_paragraphs(answer) -> Feedback:
    expected = mission_paragraphs()
    hint = table_hint(answer, "a list of paragraph numbers")
    if hint:
        return hint
    if isinstance(answer, int) and not isinstance(answer, bool) and answer in expected:
        return Feedback(INCORRECT, f"Right paragraph, but give a list, even for one number: [{answer}, ...].",
                        reason="one_item_not_list")
    feedback = check_collection(answer, expected, f"paragraphs mentioning {_mission_label()}")
    if feedback.passed:
        mentions = _mentions()
        mission = mentions[mentions["actor_id"] == _mission()]
        forms = ", ".join(f"“{a}”" for a in sorted(set(mission["alias"])))
        return Feedback(CORRECT, f"Yes: paragraph{'s' if len(expected) > 1 else ''} "
                                 f"{', '.join(map(str, expected))}, with {len(mission)} mentions ({forms}).")
    if not isinstance(answer, list | tuple | set):
        return feedback
    try:
        given = set(answer)
    except TypeError:
        return feedback
    missing = [p for p in expected if p not in given]
    extra = sorted(given - set(expected), key=lambda p: (not isinstance(p, int), str(p).zfill(4)))
    parts = []
    if missing:
        parts.append(f"{len(missing)} {'is' if len(missing) == 1 else 'are'} missing")
    if extra:
        parts.append("not expected: " + "; ".join(_why_not_mission(p) for p in extra[:6]))
    reason = "extra_and_missing" if extra and missing else "extra_items" if extra else "missing_items"
    return Feedback(INCORRECT, "Not quite: " + " · ".join(parts) + ".", reason=reason)


# 4.3 ----------------------------------------------------------------------------------------

def ranking(by: str = "counted_as") -> pd.DataFrame:
    return count_mentions(_mentions(), by=by)


def third_actor() -> str:
    counts = ranking()
    return str(counts.loc[~counts["counted_as"].isin(_first_two()), "counted_as"].iloc[0])


def _actor_id(label: str) -> str | None:
    names = _names()
    wanted = label.strip().lower()
    by_key = {a.lower(): a for a in names}
    by_key.update({n.lower(): a for a, n in names.items()})
    by_key.update({n.split(" (")[0].lower(): a for a, n in names.items() if " (" in n})
    return by_key.get(wanted) or by_key.get(wanted.replace(" ", "_").replace("-", "_"))


@task("4.3")
def check_third_actor(answer) -> Feedback:
    first_two = _first_two()
    if not isinstance(answer, str):
        return type_problem(answer, "an actor id in quotes, e.g. \"russia\"")
    expected, names = third_actor(), _names()
    counts = ranking().set_index("counted_as")["mentions"]
    actor = _actor_id(answer)
    if actor is None:
        return Feedback(INCORRECT, f"{answer!r} is not an actor of the ledger: give an actor_id from "
                                   "actors.csv (or the actor's name).", reason="unknown_actor")
    if actor == expected:
        return Feedback(CORRECT, f"Yes: {names[expected]}, {int(counts[expected])} mentions, after "
                                 f"{' and '.join(names[a] for a in first_two)}.")
    if actor in first_two:
        return Feedback(INCORRECT, f"{names[actor]} is one of the two the task leaves out; which actor "
                                   "comes next?", reason="left_out_actor")
    stands_for = load_ledger().actors.set_index("actor_id")["stands_for"].dropna()
    if actor in stands_for.index:
        written = ranking("actor_id").set_index("actor_id")["mentions"]
        state = names[stands_for[actor]]
        return Feedback(INCORRECT, f"“{names[actor].split(' (')[0]}” ({int(written[actor])} mentions as "
                                   f"written) stands for {state}'s government, and the pack counts it as "
                                   f"{state} (counted_as). Count with capitals folded.",
                                   reason="capital_not_folded")
    have = int(counts.get(actor, 0))
    return Feedback(INCORRECT, f"{names[actor]} has {have} mentions; another actor has more "
                               f"({int(counts[expected])}). Sort the counts with capitals folded into "
                               "their state.", reason="fewer_mentions")


# 4.4 is retired: a count of pre-coded relations (data/tasks.csv).

# 4.5 ----------------------------------------------------------------------------------------

def pair_relations(first: str | None = None, second: str | None = None) -> dict[str, int]:
    """What the comparison widget shows for a pair: relations between them (capitals folded),
    relations between the two names only, and the paragraphs mentioning both."""
    if first is None or second is None:
        first, second = _pair()
    data = ActorData(load_ledger())
    together = data.together(first, second)
    return {
        "folded": together["relations"],
        "names_only": len(data.relations_between(first, second, folded=False)),
        "shared_paragraphs": len(together["shared_paragraphs"]),
        "first_all": len(data.relations_of(first)),
        "second_all": len(data.relations_of(second)),
    }


@task("4.5")
def check_pair_relations(answer) -> Feedback:
    values, names = pair_relations(), _names()
    pair = _pair()
    a, b = (names[x] for x in pair)
    data = ActorData(load_ledger())
    capitals = ", ".join(f"“{names[c].split(' (')[0]}”" for x in pair for c in data.forms_of[x][1:])
    near = [
        (values["shared_paragraphs"], f"{values['shared_paragraphs']} is the number of paragraphs that "
                                      "mention both; the same line of the widget then gives the relations "
                                      "between them."),
        (values["names_only"], f"{values['names_only']} leaves out the relation recorded under the "
                               f"capitals ({capitals}); the widget folds capitals into their state."),
        (values["second_all"], f"{values['second_all']} is all of {b}'s relations, with anyone; the task "
                               f"asks for those between {a} and {b}."),
        (values["first_all"], f"{values['first_all']} is all of {a}'s relations, with anyone; the task "
                              f"asks for those between {a} and {b}."),
    ]
    feedback = check_number(answer, values["folded"], 0, f"the relations between {a} and {b}", near)
    if feedback.passed:
        folded_in = values["folded"] - values["names_only"]
        return Feedback(CORRECT, f"Yes: the widget's “Together” line gives {values['folded']} relations "
                                 f"between {a} and {b}, {folded_in} of them recorded under the capitals "
                                 "and folded in.")
    return feedback


# 4.6 ----------------------------------------------------------------------------------------

def _quote_rows() -> pd.DataFrame:
    return load_ledger().claims.set_index("claim_id").loc[_quote_options()]


def quote_options() -> list[str]:
    rows = _quote_rows()
    return [f"paragraph {r.paragraph}: “{r.quote}”" for r in rows.itertuples()]


def quoted_key() -> int:
    """The one option whose speaker is not the author and whose quote holds words in quotation marks."""
    rows = _quote_rows()
    author = author_id(load_ledger().actors)
    direct = [i + 1 for i, r in enumerate(rows.itertuples()) if r.speaker != author and "“" in r.quote]
    if len(direct) != 1:
        raise ValueError(f"task 4.6 needs exactly one directly quoted option, found {direct}")
    return direct[0]


CHOICES = {"4.6": (quote_options, quoted_key)}  # options and key, for tests/article/test_choice_balance.py


@task("4.6")
def check_quoted_directly(answer) -> Feedback:
    rows, names = _quote_rows(), _names()
    author = author_id(load_ledger().actors)
    key = quoted_key()
    why = {}
    for index, row in enumerate(rows.itertuples(), start=1):
        quoted = re.findall(r"“([^”]+)”", row.quote)
        if index == key:
            why[index] = (f"Yes: {row.Index} reports {names[row.speaker]}'s words and puts "
                          + ", ".join(f"“{q}”" for q in quoted)
                          + " in quotation marks: the article's quotation of the speaker's own word(s).")
        elif row.speaker != author:
            why[index] = (f"Close: {row.Index} is a reported statement with {names[row.speaker]} as "
                          "speaker, but it paraphrases the position in the author's words; nothing is in "
                          "quotation marks.")
        else:
            why[index] = (f"No: the ledger codes {row.Index} as the author's {row.claim_type}; she "
                          "characterises the actor in her own words, and no one else's words are quoted.")
    return check_choice(answer, quote_options(), key, why)


# 4.7 ----------------------------------------------------------------------------------------

@task("4.7")
def check_voices_compared(answer) -> Feedback:
    return check_written(answer, load_ledger().article.text, "4.7")


# 4.8 ----------------------------------------------------------------------------------------

def _speaker_claims() -> list[str]:
    """Task 4.8: the claims whose speaker the student decides."""
    return setting_ids("lesson04.speaker_claims", table="claims")


def deciding_rule(claim_id: str) -> str:
    """The tie-break rule of data/CODEBOOK.md whose “Decided:” list names the claim, in words
    (for example tie-break rule 1 (“Reported words come first”)); the speaker definition if none."""
    path = data_dir() / "CODEBOOK.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    heading = "## Tie-break rules"
    section = text.split(heading, 1)[1].split("\n## ", 1)[0] if heading in text else ""
    for number, title, body in re.findall(r"^(\d+)\. \*\*(.+?)\*\*(.*?)(?=^\d+\. \*\*|\Z)", section,
                                          re.M | re.S):
        if any(claim_id in re.findall(r"CL\d+", listed) for listed in re.findall(r"Decided:([^.]*)", body)):
            return f"tie-break rule {number} (“{title.rstrip('.')}”)"
    return "the codebook's definition of the speaker"


def expected_speakers() -> dict[str, str]:
    claims = load_ledger().claims.set_index("claim_id")
    return {claim_id: str(claims.loc[claim_id, "speaker"]) for claim_id in _speaker_claims()}


def _speaker_id(label) -> str | None:
    text = str(label).strip().strip("'\"“”").lower()
    if text in ("author", "the author", "she", "her"):
        return author_id(load_ledger().actors)
    return _actor_id(text)


@task("4.8")
def check_speakers_decided(answer) -> Feedback:
    if not isinstance(answer, dict):
        return type_problem(answer, "a dict of claim ids and speakers, one entry per claim")
    expected, names = expected_speakers(), _names()
    given = {str(k).strip().upper(): v for k, v in answer.items()}
    left = [k for k, v in given.items() if v is ... or str(v).strip() in ("", "...")]
    if left:
        return Feedback(NOT_ANSWERED, "Replace each ... with the speaker you decided for that claim; "
                                      "still to decide: " + ", ".join(left) + ".", reason="blank")
    missing = sorted(set(expected) - set(given))
    if missing:
        return Feedback(INCORRECT, f"Give a speaker for each of the {len(expected)} claims; missing: "
                                   f"{', '.join(missing)}.", reason="missing_keys")
    lines, agree = [], 0
    for claim_id, speaker in expected.items():
        decided = _speaker_id(given[claim_id])
        if decided is None:
            lines.append(f"{claim_id}: {given[claim_id]!r} is not an actor of actors.csv; give an "
                         "actor_id or a name from it, or “author”.")
        elif decided == speaker:
            agree += 1
            rule = deciding_rule(claim_id)
            lines.append(f"{claim_id}: {names[speaker]}, as the ledger codes it, by {rule}.")
        else:
            lines.append(f"{claim_id}: you chose {names[decided]}; the ledger differs. Read "
                         f"{deciding_rule(claim_id)} in data/CODEBOOK.md, then ask whether the "
                         "sentence reports someone's words or position, or characterises them.")
    status = CORRECT if agree == len(expected) else INCORRECT
    return Feedback(status, "\n".join([f"{agree} of {len(expected)} agree with the ledger.", *lines]),
                    reason="" if status == CORRECT else "speakers_differ")
