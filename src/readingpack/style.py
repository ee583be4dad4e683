"""The pack's chart style: readable in grey-scale and safe for colour-blind readers.

Colours come from the Okabe-Ito palette, and series are also told apart by hatching and
line style, so no chart relies on colour alone.
"""

import matplotlib as mpl
from cycler import cycler

from .inline_png import use_inline_png

OKABE_ITO = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"]
HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "++"]
LINESTYLES = ["-", "--", ":", "-."]


def use_pack_style() -> None:
    """Apply the pack's matplotlib settings (call once per notebook, after imports); in a
    notebook, each figure is then shown after one drawing instead of two (readingpack.inline_png)."""
    mpl.rcParams.update(
        {
            "figure.figsize": (8, 4.5),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "font.size": 11,
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#dddddd",
            "axes.prop_cycle": cycler(color=PALETTE[:4], linestyle=LINESTYLES),
            "hatch.linewidth": 0.8,
            "svg.hashsalt": "readingpack",
            "pdf.fonttype": 42,
        }
    )
    use_inline_png()
