"""The lessons' charts, each a function named for what it draws, so that a lesson cell shows the
idea and not the plotting detail (colour and hatch cycling, legends outside the axes, stacked
bars). Data comes in as the evidence layer's tables; each function draws and shows its figure.
"""

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from .evidence.background import sections_in_order
from .evidence.claims import type_label
from .evidence.events import TRACKS, stack_levels
from .evidence.mentions import RELATION_GROUPS
from .evidence.settings import labels
from .style import HATCHES, LINESTYLES, PALETTE


def _colour(i: int) -> str:
    return PALETTE[i % 6]


def _hatch(i: int) -> str:
    """With _colour: six colours and seven hatches give 42 distinct bar styles, for any count of
    sections or types (the pair (i mod 6, i mod 7) differs for every i below 42)."""
    return HATCHES[i % len(HATCHES)]


def nice_ceiling(value: float) -> float:
    """The smallest multiple of the leading power of ten that is at least `value`: 268 -> 300,
    500 -> 500, 4.2 -> 5, 0 -> 1 (an axis end that fits any article's values)."""
    if value <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(value))
    return math.ceil(value / step) * step


def nice_floor(value: float) -> float:
    """The largest multiple of the leading power of ten that is at most `value` (0 for 0)."""
    if value <= 0:
        return 0.0
    step = 10 ** math.floor(math.log10(value))
    return math.floor(value / step) * step


def _largest_value(figures: pd.DataFrame) -> float:
    values = figures[["value_low", "value_best", "value_high"]].apply(pd.to_numeric, errors="coerce")
    largest = values.max().max()
    return 0.0 if pd.isna(largest) else float(largest)


def _legend_outside(ax, title: str) -> None:
    ax.legend(title=title, loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=9)


def paragraph_lengths_chart(structure: pd.DataFrame):
    """Lesson 1: one horizontal bar per paragraph (its length in words), coloured and hatched by
    the part of the article it belongs to."""
    _fig, ax = plt.subplots(figsize=(9, 7))
    for i, part in enumerate(sections_in_order(structure)):
        rows = structure[structure["section"] == part]
        ax.barh(rows["paragraph"], rows["words"], color=_colour(i), hatch=_hatch(i),
                edgecolor="black", label=part)
    ax.set_yticks(structure["paragraph"])
    ax.invert_yaxis()
    ax.set_axisbelow(True)
    ax.set_title("Length of each paragraph, by part of the article")
    ax.set_xlabel("Length (words)")
    ax.set_ylabel("Paragraph number")
    _legend_outside(ax, "Part of the article")
    plt.show()


def claim_types_chart(by_paragraph: pd.DataFrame):
    """Lesson 2: claims in each paragraph as bars stacked by claim type."""
    _fig, ax = plt.subplots(figsize=(10, 5))
    bottom = pd.Series(0, index=by_paragraph.index)
    for i, claim_type in enumerate(by_paragraph.columns):
        ax.bar(by_paragraph.index, by_paragraph[claim_type], bottom=bottom, color=_colour(i),
               hatch=_hatch(i), edgecolor="black", label=type_label(claim_type))
        bottom = bottom + by_paragraph[claim_type]
    ax.set_xticks(by_paragraph.index)
    ax.set_yticks(range(0, max(20, int(bottom.max())) + 1, 2))
    ax.set_axisbelow(True)
    ax.set_title("Claims in each body paragraph, by type")
    ax.set_xlabel("Paragraph number")
    ax.set_ylabel("Number of claims")
    _legend_outside(ax, "Claim type")
    plt.show()


def voice_chart(voice: pd.DataFrame):
    """Lesson 2: per paragraph, a bar for claims in the author's voice beside a bar for claims
    whose speaker is someone else."""
    _fig, ax = plt.subplots(figsize=(10, 4.5))
    ax.bar(voice.index - 0.2, voice["the author"], width=0.4, color=PALETTE[0], hatch=HATCHES[0],
           edgecolor="black", label="the author")
    ax.bar(voice.index + 0.2, voice["someone else"], width=0.4, color=PALETTE[1], hatch=HATCHES[1],
           edgecolor="black", label="someone else (reported)")
    ax.set_xticks(voice.index)
    ax.set_axisbelow(True)
    ax.set_title("Claims in the author's voice and reported claims, by paragraph")
    ax.set_xlabel("Paragraph number")
    ax.set_ylabel("Number of claims")
    ax.legend(title="Speaker")
    plt.show()


def _figure_row(ax, y: int, row, right_edge: float) -> str:
    """One figure on a number line: a square for a plain number, an arrow for a bound."""
    if pd.notna(row["value_best"]):
        ax.plot(row["value_best"], y, "s", color=PALETTE[0], markersize=8)
    else:
        start = row["value_low"]
        open_marker = row["qualifier"] in ("more_than", "unspecified")
        marker = "D" if row["qualifier"] == "unspecified" else "o"
        style = ":" if row["qualifier"] == "unspecified" else "--"
        ax.annotate("", xy=(right_edge, y), xytext=(start, y),
                    arrowprops={"arrowstyle": "->", "linestyle": style, "color": PALETTE[1], "lw": 2})
        ax.plot(start, y, marker, markersize=9, markeredgecolor=PALETTE[1], markeredgewidth=2,
                color="white" if open_marker else PALETTE[1])
    return f"{row['figure_id']} “{row['quote'][:38]}”"


def _bounds_panel(ax, figures: pd.DataFrame, right_edge: float, missing: str = "") -> None:
    if figures.empty:  # an article without such figures: the panel says so instead of drawing
        ax.set(xticks=[], yticks=[])
        ax.text(0.5, 0.5, f"The article gives no {missing}: there is nothing to draw here.",
                ha="center", va="center", transform=ax.transAxes)
        return
    labels_ = [_figure_row(ax, y, row, right_edge) for y, row in enumerate(figures.to_dict("records"))]
    ax.set(yticks=range(len(labels_)), yticklabels=labels_)
    ax.invert_yaxis()


def bounds_chart(people: pd.DataFrame, others: pd.DataFrame, people_edge: float | None = None,
                 others_edge: float | None = None):
    """Lesson 3: figures on number lines, as the article words them: a square for a plain number,
    an arrow with no end for a lower bound (filled circle: at least; open circle: more than;
    open diamond: a vague word read as at least). Top: the counts of people of one paragraph;
    bottom: the article's other lower bounds. Each axis ends a quarter beyond its largest value
    (rounded up), unless `people_edge` or `others_edge` is given; the legend lists the forms
    that occur. A panel whose figures the article does not give says so."""
    people_edge = people_edge or nice_ceiling(1.25 * _largest_value(people))
    others_edge = others_edge or nice_ceiling(1.25 * _largest_value(others))
    fig, (ax_people, ax_other) = plt.subplots(
        2, 1, figsize=(9, 6.5),
        gridspec_kw={"height_ratios": [max(len(people), 1), max(len(others), 1) + 0.5]})
    _bounds_panel(ax_people, people, people_edge, "counts of people")
    title = "The article's counts of people" if people.empty else (
        f"Paragraph {int(people['paragraph'].iloc[0])}: counts of people, as the article words them")
    ax_people.set(xlim=(-10, people_edge), xlabel="people", title=title)
    units = labels("unit")
    other_units = " or ".join(f"{units.get(unit, unit)} ({figure_id})"
                              for figure_id, unit in zip(others["figure_id"], others["unit"], strict=True))
    _bounds_panel(ax_other, others, others_edge, "other lower bounds")
    ax_other.set(xlim=(0, others_edge), ylim=(max(len(others), 1) - 0.4, -0.6), xlabel=other_units,
                 title="The article's other lower bounds")
    both = pd.concat([people, others])
    forms = set(both.loc[both["value_best"].isna(), "qualifier"].fillna("at_least"))
    legend = [
        Line2D([], [], marker="s", linestyle="", color=PALETTE[0], label="plain number"),
        Line2D([], [], marker="o", linestyle="--", color=PALETTE[1],
               label="at least (included), no upper bound"),
        Line2D([], [], marker="o", linestyle="--", color=PALETTE[1], markerfacecolor="white",
               label="more than (excluded), no upper bound"),
        Line2D([], [], marker="D", linestyle=":", color=PALETTE[1], markerfacecolor="white",
               label="vague word, read as at least"),
    ]
    shown = [both["value_best"].notna().any(), bool(forms - {"more_than", "unspecified"}),
             "more_than" in forms, "unspecified" in forms]
    (ax_other if people.empty else ax_people).legend(
        handles=[h for h, s in zip(legend, shown, strict=True) if s], loc="lower right", fontsize=9)
    fig.tight_layout()
    plt.show()


def area_axes_chart(names: list[str], km2: list[float], mixed: list[float], mixed_names: list[str],
                    bound_at: int = 2):
    """Lesson 3: the same areas three times: honestly (axis from zero, one unit), with the axis
    cut, and with mixed units. The bar at position `bound_at` is the article's lower bound
    (hatched apart, with a note that it could be taller)."""
    fig, (ax_honest, ax_cut, ax_mixed) = plt.subplots(1, 3, figsize=(14, 4.8))
    hatches = [HATCHES[1] if i == bound_at else HATCHES[0] for i in range(len(names))]
    for ax, values, ticks in ((ax_honest, km2, names), (ax_cut, km2, names), (ax_mixed, mixed, mixed_names)):
        bars = ax.bar(range(len(values)), values, color=PALETTE[4], edgecolor="black", hatch=None)
        for bar, hatch in zip(bars, hatches, strict=True):
            bar.set_hatch(hatch)
        ax.set_xticks(range(len(values)), ticks, fontsize=9)
    top = nice_ceiling(1.1 * max(km2))  # each axis ends above its tallest bar, for any article
    cut = nice_floor(0.7 * min(km2))
    ax_honest.set(title="Honest: axis from zero, one unit", ylabel="area (km²)", ylim=(0, top))
    ax_cut.set(title=f"Misleading: axis cut at {cut:g}", ylabel="area (km²)", ylim=(cut, 1.05 * max(km2)))
    ax_mixed.set(title="Misleading: mixed units", ylabel="area (units differ!)",
                 ylim=(0, nice_ceiling(1.1 * max(mixed))))
    ax_honest.annotate("at least: the bar\ncould be taller", xy=(bound_at, km2[bound_at]),
                       xytext=(0.3, 0.8 * top),
                       arrowprops={"arrowstyle": "->"}, fontsize=9)
    fig.tight_layout()
    plt.show()


# ---------------------------------------------------------------------------------------------
# Lesson 4: the network of relations between actors
# ---------------------------------------------------------------------------------------------

# One line style per relation group (evidence.mentions.RELATION_GROUPS): "-", "--", ":", "-."
GROUP_LINESTYLES = dict(zip(RELATION_GROUPS, LINESTYLES, strict=True))


def draw_relations_network(ax, edges, names: dict, relation_counts) -> dict:
    """Draw the relations network on `ax` with networkx: the actor with the most relations in
    the middle, the others on a circle around it (networkx's shell layout), one arrow style per
    relation group, thicker arrows for more relations. Returns the position of every actor.

    `edges` is evidence.mentions.relation_edges (source, target, group, count); `names` maps an
    actor id to its name; `relation_counts` maps an actor id to its number of relations."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for edge in edges.itertuples():
        graph.add_edge(edge.source, edge.target, group=edge.group, count=edge.count)
    order = sorted(graph.nodes, key=lambda actor: (-relation_counts[actor], actor))
    hub, ring = order[0], order[1:]
    position = nx.shell_layout(graph, nlist=[[hub], ring], scale=2, rotate=0)
    nx.draw_networkx_nodes(graph, position, ax=ax, node_size=200, node_color="white",
                           edgecolors="black")
    for k, group in enumerate(RELATION_GROUPS):
        chosen = [(s, t, key) for s, t, key, data in graph.edges(keys=True, data=True)
                  if data["group"] == group]
        nx.draw_networkx_edges(
            graph, position, edgelist=chosen, ax=ax, arrowstyle="-|>", arrowsize=12,
            style=GROUP_LINESTYLES[group], edge_color=PALETTE[k], node_size=400,
            width=[1 + 0.5 * graph.edges[edge]["count"] for edge in chosen],
            connectionstyle=f"arc3,rad={0.06 + 0.08 * k}",
        )
    for actor, (x, y) in position.items():
        where = (0.0, -0.1) if actor == hub else (1.14 * x, 1.14 * y)
        side = "center" if abs(where[0]) < 0.2 else "left" if where[0] > 0 else "right"
        ax.text(*where, f"{names[actor].split(' (')[0]}\n({relation_counts[actor]} relations)",
                fontsize=9, ha=side, va="center", zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
    ax.set(xlim=(-1.75, 1.75), ylim=(-1.3, 1.3))
    ax.set_axis_off()
    return position


def relation_group_handles() -> list:
    """Legend entries for draw_relations_network: one per relation group."""
    from matplotlib.lines import Line2D

    return [Line2D([], [], color=PALETTE[k], linestyle=GROUP_LINESTYLES[group], lw=2, label=group)
            for k, group in enumerate(RELATION_GROUPS)]


# ---------------------------------------------------------------------------------------------
# Lesson 5: the article's events on a time axis
# ---------------------------------------------------------------------------------------------

# How each date precision is drawn.
PRECISION_STYLE = {
    "day": {"color": "#000000", "hatch": ""},
    "month": {"color": "#888888", "hatch": ""},
    "year": {"color": "#ffffff", "hatch": "///"},
    "range": {"color": "#ffffff", "hatch": "..."},
    "open": {"color": "#ffffff", "hatch": ""},  # a range whose end is not given: a start only
}


def draw_event_lanes(ax, table, first_day, last_day, min_gap_days: int = 0,
                     unnumbered: tuple | None = None) -> None:
    """Draw the dated events of `table` (evidence.events.event_table) between first_day and
    last_day on `ax`, one lane per track (diplomatic and legal on top), each mark drawn by its
    precision and numbered as in the table. Events closer than `min_gap_days` on the same track
    are stacked. Events starting inside the period `unnumbered` (first, last) get no number."""
    import matplotlib.dates as mdates
    import pandas as pd

    first_day, last_day = pd.Timestamp(first_day), pd.Timestamp(last_day)
    dated = table[~table["undated"]].copy()
    dated["end"] = dated["end"].fillna(dated["start"])
    shown = dated[(dated["start"] <= last_day) & (dated["end"] >= first_day)]
    levels = stack_levels(shown, min_gap_days)
    bottom, ticks, labels = 0.0, [], []
    for label, _categories in reversed(list(TRACKS.values())):
        rows = shown[shown["track"] == label]
        count = int(levels[rows.index].max()) + 1 if len(rows) else 1
        ticks.append(bottom + (count - 1) / 2)
        labels.append(label.replace(" and humanitarian", "\nand humanitarian"))
        for index, event in rows.iterrows():
            y = bottom + levels[index]
            style = PRECISION_STYLE["open" if event["open_end"] else event["precision"]]
            if event["precision"] == "day":
                ax.plot(event["start"], y, marker="o", color="black", linestyle="none")
            elif event["open_end"]:
                ax.plot(event["start"], y, marker=">", markersize=9, color="white",
                        markeredgecolor="black", linestyle="none")
            else:
                width = event["end"] - event["start"] + pd.Timedelta(days=1)
                ax.barh(y, width, left=event["start"], height=0.5, color=style["color"],
                        hatch=style["hatch"], edgecolor="black", linewidth=1)
            if unnumbered is None or not (
                pd.Timestamp(unnumbered[0]) <= event["start"] <= pd.Timestamp(unnumbered[1])
            ):
                ax.annotate(str(event["number"]), (event["start"], y), xytext=(4, 4),
                            textcoords="offset points", fontsize=8)
        bottom += count + 0.8
        if bottom < 100:
            ax.axhline(bottom - 0.9, color="#999999", linewidth=0.8)
    ax.set_xlim(first_day, last_day)
    ax.set_ylim(-0.8, bottom - 0.9)
    ax.set_yticks(ticks, labels)
    ax.grid(axis="y", visible=False)
    years = (last_day.year - first_day.year) or 1
    ax.xaxis.set_major_locator(mdates.YearLocator(10 if years > 20 else 1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))


def precision_legend_handles() -> list:
    """Legend entries for draw_event_lanes: one per way a date is drawn."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    handles = [Line2D([], [], marker="o", color="black", linestyle="none", label="a day")]
    for precision in ["month", "year", "range"]:
        style = PRECISION_STYLE[precision]
        handles.append(Rectangle((0, 0), 1, 1, facecolor=style["color"], hatch=style["hatch"],
                                 edgecolor="black", label=f"a {precision}"))
    handles.append(Line2D([], [], marker=">", markersize=9, color="white", markeredgecolor="black",
                          linestyle="none", label="a start only (end not given)"))
    return handles


def draw_positions_per_issue(ax, counts: pd.DataFrame, names: dict) -> None:
    """Paired horizontal bars: for each issue (a row of `counts`), how many positions the article
    reports for each government (`names`: {column of counts: its label}, in drawing order)."""
    rows = range(len(counts))
    for number, (government, label) in enumerate(names.items()):
        ax.barh([y + 0.4 * number for y in rows], counts[government], height=0.4,
                hatch=HATCHES[number + 1], edgecolor="black", label=label)
    ax.set_yticks([y + 0.2 for y in rows], counts.index)
    ax.invert_yaxis()
    ax.set_xticks(range(int(counts.to_numpy().max()) + 1))
    ax.set_xlabel("Number of positions the article reports (rows with a quote)")
    ax.set_ylabel("Issue (issue_id)")
    ax.set_title("Positions the article reports, per issue and government")
    ax.legend(title="Whose position, as the article reports it", loc="upper center",
              bbox_to_anchor=(0.5, -0.12), ncol=2)


def draw_terms_per_paragraph(ax, by_paragraph: pd.DataFrame, categories: dict, xlabel: str) -> None:
    """Stacked bars: lexicon words of each category (rows of `by_paragraph`) in each paragraph
    (its columns), one colour and hatching per category."""
    bottom = pd.Series(0, index=by_paragraph.columns)
    for n, (category, counts) in enumerate(by_paragraph.iterrows()):
        ax.bar(counts.index, counts, bottom=bottom, label=categories[category],
               color=_colour(n), hatch=_hatch(n), edgecolor="black")
        bottom = bottom + counts
    ax.set_xticks(list(by_paragraph.columns))
    ax.set_title("Lexicon words in each paragraph of the article")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("occurrences")
    _legend_outside(ax, "category")


def draw_naming_bars(ax, naming: pd.DataFrame) -> None:
    """Paired horizontal bars: how often the article names each side (a column of `naming`) by
    each form of name (its rows), with the count printed at the end of each bar."""
    positions = range(len(naming.index))
    for n, side in enumerate(naming.columns):
        bars = ax.barh([p + 0.4 * n for p in positions], naming[side], height=0.4, label=side,
                       color=_colour(n), hatch=_hatch(n), edgecolor="black")
        ax.bar_label(bars, padding=3)
    ax.set_yticks([p + 0.2 for p in positions], naming.index)
    ax.invert_yaxis()
    ax.set_title("How the article names each side: state, capital, leader")
    ax.set_xlabel("mentions in the whole article")
    ax.set_ylabel("form of the name")
    ax.legend()


def draw_mentions_by_name_and_capital(ax, split: pd.DataFrame, labels: list[str]) -> None:
    """Horizontal bars of mentions per actor: its own names, then (hatched) its capital used for
    its government, with the total printed at the end of each bar."""
    ax.barh(labels, split["own_name"], color=PALETTE[0], edgecolor="black",
            label="the actor's own names")
    ax.barh(labels, split["by_capital"], left=split["own_name"], color=PALETTE[1], edgecolor="black",
            hatch=HATCHES[1], label="its capital, used for its government")
    for y, total in enumerate(split["total"]):
        ax.text(total + 0.5, y, str(total), va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set(title=f"Mentions of the {len(split)} most-named actors",
           xlabel="mentions (every surface form)", ylabel="")
    ax.legend(loc="lower right")


def draw_speaking_or_spoken_about(ax, voices: pd.DataFrame) -> None:
    """Paired bars per actor: claims the actor speaks (as the article reports them) and claims in
    which the author describes the actor."""
    from matplotlib.ticker import MaxNLocator

    y = range(len(voices))
    ax.barh([i - 0.2 for i in y], voices["claims they speak"], height=0.4, color=PALETTE[0],
            edgecolor="black", label="claims they speak (reported by the article)")
    ax.barh([i + 0.2 for i in y], voices["claims by the author about them"], height=0.4,
            color=PALETTE[1], edgecolor="black", hatch=HATCHES[2], label="claims by the author about them")
    ax.set_yticks(list(y), voices.index)
    ax.invert_yaxis()
    ax.set(title="Speaking, or spoken about?", xlabel="claims", ylabel="")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower right")


def draw_figure_beside_counts(ax, article: tuple[str, float, str], rows: pd.DataFrame) -> None:
    """Horizontal bars from zero: the article's figure first (`article`: label, value, its words),
    then each other count (`rows`: label, value, words), each with its own hatching and its
    source's own words at its end."""
    article_label, article_value, article_words = article
    labels = [article_label, *rows["label"]]
    numbers = [article_value, *rows["value"]]
    bars = ax.barh(labels, numbers, color=[_colour(n) for n in range(len(labels))], edgecolor="black")
    for n, bar in enumerate(bars):
        bar.set_hatch(_hatch(n))
    ax.bar_label(bars, labels=[article_words, *rows["words"]], padding=4)
    ax.invert_yaxis()
    ax.set_xlim(0, max(numbers) * 1.4)
    ax.xaxis.set_major_formatter("{x:,.0f}")
    ax.set_xlabel("people (the axis starts at zero)")
    ax.set_ylabel("source and date")
