"""Small building blocks shared by the pack's widgets.

Widgets show their results in `ipywidgets.HTML` values (never by printing into an Output
widget), so that what a student sees can be asserted exactly in unit tests, is stored in the
notebook's widget state for the HTML edition, and is reproduced by nbval strict.
"""

import html
import math
import re
from collections.abc import Callable, Iterable

import ipywidgets as widgets
import traitlets

MAX_REASONABLE_AREA_KM2 = 510_072_000  # the surface of the Earth (land and sea)


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def notice(message: str, level: str = "info") -> str:
    """A friendly message in a widget: level is 'info' or 'problem' (a problem with the input)."""
    # Text-font marks (no emoji font needed); the message itself says what is wrong.
    icon = "ℹ" if level == "info" else "⚠"
    role = "status" if level == "info" else "alert"
    return (
        f'<div class="rp-notice rp-notice-{level}" role="{role}">'
        f"<span aria-hidden='true'>{icon}</span> {escape(message)}</div>"
    )


def highlight_spans(text: str, spans: Iterable[tuple[int, int]], label: str = "") -> str:
    """`text` as HTML with each (start, end) span wrapped in <mark>; overlapping spans are merged."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts, position = [], 0
    title = f' title="{html.escape(label)}"' if label else ""
    for start, end in merged:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark{title}>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def parse_positive_number(raw, what: str, maximum: float, example: str = "12.5") -> tuple[float | None, str]:
    """(value, "") for a usable positive number, else (None, a friendly message naming the problem,
    with `example` as a number to type).

    Accepts "1,234.5" and "1 234" as typed by students; never raises.
    """
    if raw is None or str(raw).strip() == "":
        return None, f"Type {what} to compare, for example {example}."
    text = str(raw).strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    try:
        value = float(text)
    except ValueError:
        return None, f"“{str(raw).strip()[:40]}” is not a number. Type a number, for example {example}."
    if not math.isfinite(value):
        return None, f"{what.capitalize()} must be a finite number."
    if value <= 0:
        return None, f"{what.capitalize()} must be greater than zero."
    if value > maximum:
        return None, (
            f"{value:,.0f} is larger than any real {what} here (the limit is {maximum:,.0f}). "
            "Check the number of digits."
        )
    return value, ""


FIT_START = '<div class="rp-fit" style="contain:inline-size;overflow-x:auto">'


class ResultHTML(widgets.HTML):
    """A widget's HTML output whose wide content (a table, a chart) scrolls sideways inside it
    instead of making the whole widget wider than the window."""

    @traitlets.validate("value")
    def _fit_to_width(self, proposal):
        value = proposal["value"]
        return value if not value or value.startswith(FIT_START) else f"{FIT_START}{value}</div>"


def scroll_box(content: str, name: str) -> str:
    """Long content in a box of its own that scrolls, named for screen readers and reachable
    with the keyboard."""
    return (f'<div role="region" aria-label="{html.escape(name)}" tabindex="0" '
            f'style="max-height:26em;overflow:auto">{content}</div>')


def reset_button(on_reset: Callable[[], None], description: str = "Reset") -> widgets.Button:
    button = widgets.Button(
        description=description, icon="undo", tooltip="Put this widget back as it started",
        layout=widgets.Layout(width="auto", min_width="6.5em", flex="0 0 auto"),
    )
    button.on_click(lambda _button: on_reset())
    return button


# A menu's chosen label must be readable in a window 420 px wide (a phone, or half a laptop
# screen): longer labels are shortened at a word and end in "…"; the widget's output always
# gives the full name.
MENU_LABEL_CHARS = 36


def short_label(text: str, limit: int = MENU_LABEL_CHARS) -> str:
    """`text` cut at a word to `limit` characters, keeping a short bracket at its end (a count,
    paragraph numbers, years): "Organization for Security and Co-operation in Europe (OSCE)
    (1 mention)" -> "Organization for… (1 mention)"."""
    if len(text) <= limit:
        return text
    name, count = re.fullmatch(r"(.*?)((?: \([^()]{1,20}\))?)", text).groups()
    room = limit - len(count) - 1
    return name[: room + 1].rsplit(" ", 1)[0].rstrip(" ,;:·(-–") + "…" + count


def menu_options(options: Iterable[tuple[str, object]]) -> list[tuple[str, object]]:
    """The options with short labels. Labels that shortening made alike ("Nagorno-Karabakh…
    (1 claim)" twice) keep the name's first word and show its last words instead
    ("Nagorno-Karabakh…regular citizens (1 claim)"), within the same width, so that they differ
    and the menu still fits a narrow window."""
    options = list(options)
    labels = [short_label(label) for label, _ in options]
    alike = {label for label in labels if labels.count(label) > 1}
    labels = [_head_and_tail(full) if label in alike and full != label else label
              for label, (full, _) in zip(labels, options, strict=True)]
    return [(label, value) for label, (_, value) in zip(labels, options, strict=True)]


def _head_and_tail(text: str, limit: int = MENU_LABEL_CHARS) -> str:
    """`text`'s first word, "…", and as many of its last words as fit in `limit` characters."""
    name, count = re.fullmatch(r"(.*?)((?: \([^()]{1,20}\))?)", text).groups()
    words = name.split()
    head, tail = words[0], []
    for word in reversed(words[1:]):
        if len(head) + 1 + len(" ".join([word, *tail])) + len(count) > limit:
            break
        tail.insert(0, word)
    return f"{head}…{' '.join(tail)}{count}" if tail else short_label(text, limit)


def menu(options, value, description: str, css_class: str) -> widgets.Dropdown:
    """A dropdown with its label above it, as wide as its longest option, whose option labels
    are short enough to be read whole in a narrow window."""
    dropdown = widgets.Dropdown(
        options=menu_options(options), value=value, description=description,
        layout=widgets.Layout(width="auto", max_width="100%", margin="2px 0", flex_flow="column",
                              align_items="flex-start",
                              height="calc(2 * var(--jp-widgets-inline-height, 28px) + 4px)"),
        style={"description_width": "initial"},
    )
    dropdown.add_class(css_class)
    dropdown.add_class("rp-menu")
    return dropdown


def control_row(*controls: widgets.Widget) -> widgets.HBox:
    """Controls side by side that wrap onto the next line in a narrow window."""
    return widgets.HBox(list(controls), layout=widgets.Layout(flex_flow="row wrap", align_items="flex-end",
                                                              grid_gap="0.3em 1em"))


class PackWidget:
    """Base of the pack's widgets: `self.widget` is what a notebook displays.

    Subclasses build their controls in __init__, show results in ipywidgets.HTML values,
    offer a Reset button that calls `reset()`, and list in `example_changes()` the
    (control, value) pairs a benchmark or a browser test can set to exercise every option.
    """

    widget: widgets.Widget

    def reset(self) -> None:
        raise NotImplementedError

    def example_changes(self) -> list[tuple[widgets.Widget, object]]:
        raise NotImplementedError

    def plain_text(self) -> str:
        """What the stored output says where the widget cannot be shown (before the notebook
        runs, on GitHub, in a plain-text view): its name, and how to use it."""
        words = re.findall(r"[A-Z][a-z]+", type(self).__name__)
        name = " ".join([words[0], *(w.lower() for w in words[1:])]) if words else "widget"
        return (f"[Interactive widget: the {name.lower()}. Run the notebook's cells (Run > Run All "
                "Cells) to use it here.]")

    def _ipython_display_(self) -> None:
        from IPython.display import display

        bundle = self.widget._repr_mimebundle_()
        bundle["text/plain"] = self.plain_text()
        display(bundle, raw=True)


def widget_ledger(ledger=None):
    """The ledger a widget shows: the one given, else the pack's. Workbooks copied before every
    widget took `Widget(ledger=None)` pass one of the ledger's tables instead
    (`ParagraphReader(paragraphs, outline)`, `TimelineExplorer(events)`): the ledger holding that
    table is used. Any other table (some of its rows, another article's) cannot be shown by
    the widget, which needs the whole ledger; a warning says so instead of dropping it quietly."""
    import warnings

    import pandas as pd

    from .ledger import Ledger, load_ledger

    if isinstance(ledger, Ledger):
        return ledger
    pack = load_ledger()
    if isinstance(ledger, pd.DataFrame):
        problem = table_problem(ledger, pack)
        if problem:
            warnings.warn(f"{problem}. A widget shows a whole ledger: it shows the pack's, and the "
                          "table you gave is not used. Pass a ledger (load_ledger(folder)), or choose "
                          "rows with the widget's own controls.", UserWarning, stacklevel=3)
    return pack


def table_problem(frame, ledger) -> str:
    """Why `frame` is not one of `ledger`'s tables ("" when it is one of them)."""
    closest = ""
    for name in ledger.names:
        table = ledger[name]
        if set(table.columns) != set(frame.columns):
            continue
        key = table.columns[0]
        given, rows = set(frame[key].astype(str)), set(table[key].astype(str))
        if given == rows:
            return ""
        if given < rows:
            closest = closest or (f"The table given holds {len(frame)} of the {len(table)} rows of the "
                                  f"ledger's {name} table")
    return closest or f"The table given ({len(frame)} rows) is none of the ledger's tables"
