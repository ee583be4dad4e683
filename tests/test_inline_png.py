"""readingpack.inline_png: a figure shown in a notebook is drawn once, and its PNG is the one
IPython's own formatter makes, byte for byte."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import nbformat
import pytest
from IPython.core.pylabtools import print_figure
from matplotlib.patches import FancyArrowPatch
from nbclient import NotebookClient

from readingpack.inline_png import tight_png, use_inline_png
from readingpack.style import use_pack_style


def legend_outside(fig, ax):
    ax.barh(range(12), range(12), hatch="//", label="words")
    ax.set_yticks(range(12), [f"paragraph {n} of the article" for n in range(12)])
    ax.legend(title="Part of the article", loc="upper left", bbox_to_anchor=(1.02, 1))


def figure_legend_and_text_outside(fig, ax):
    ax.plot([1, 2, 3], label="a line")
    fig.legend(loc="center right", bbox_to_anchor=(1.3, 0.5))
    fig.text(-0.1, -0.1, "a note below and left of the axes")


def arrows_and_equal_aspect(fig, ax):
    ax.set_aspect("equal")
    ax.add_patch(FancyArrowPatch((0, 0), (1, 1), arrowstyle="-|>", mutation_scale=12,
                                 connectionstyle="arc3,rad=0.2"))
    ax.annotate("far label", (1, 1), xytext=(60, 40), textcoords="offset points",
                arrowprops={"arrowstyle": "->"})
    ax.set_axis_off()


def subplots_and_suptitle(fig, ax):
    other = fig.add_subplot(2, 2, 4)
    other.bar(["a", "b"], [3, 1])
    fig.suptitle("A title above every panel")
    ax.set_title("first")


DRAWINGS = [legend_outside, figure_legend_and_text_outside, arrows_and_equal_aspect,
            subplots_and_suptitle]


def fresh(draw):
    use_pack_style()
    fig, ax = plt.subplots(figsize=(8, 4.5))
    draw(fig, ax)
    return fig


@pytest.mark.parametrize("draw", DRAWINGS, ids=lambda d: d.__name__)
def test_the_png_is_ipython_s_byte_for_byte(draw):
    expected = print_figure(fresh(draw), "png", bbox_inches="tight")
    found = tight_png(fresh(draw), bbox_inches="tight")
    plt.close("all")
    assert found == expected


def test_a_figure_with_a_layout_engine_goes_to_ipython_unchanged():
    fig, ax = plt.subplots(layout="constrained")
    ax.plot([1, 2])
    assert tight_png(fig) == print_figure(fig, "png")
    plt.close("all")


def test_an_empty_figure_shows_nothing_as_in_ipython():
    assert tight_png(plt.figure()) is None
    plt.close("all")


def test_outside_a_kernel_nothing_is_routed():
    assert use_inline_png() is False


def test_in_a_kernel_the_pack_style_routes_figures_and_a_chart_still_shows():
    cells = [
        "import matplotlib.pyplot as plt\nfrom readingpack.style import use_pack_style\nuse_pack_style()",
        "from matplotlib.figure import Figure\n"
        "print(get_ipython().display_formatter.formatters['image/png'].lookup_by_type(Figure).func.__name__)",
        "fig, ax = plt.subplots()\nax.bar(['a', 'b'], [1, 2])\nplt.show()",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, kernel_name="python3", timeout=120).execute()
    assert nb.cells[1].outputs[0]["text"].strip() == "tight_png"
    assert "image/png" in nb.cells[2].outputs[0]["data"]
