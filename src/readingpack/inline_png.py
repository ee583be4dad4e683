"""A figure shown in a notebook is drawn once, not twice.

JupyterLab's inline backend saves each figure with `bbox_inches="tight"`: matplotlib draws the
whole figure once, without output, to find its edges, then again to render it. The edges can be
measured without that first drawing (`Figure.get_tightbbox`), and saving to the measured box
gives the same PNG, byte for byte (tests/test_inline_png.py).

`use_inline_png()` puts this in front of IPython's PNG formatter, with the same settings. A figure
it is not sure of (one with a layout engine, which runs only while drawing) goes to IPython's
formatter unchanged, and so does every figure outside a kernel using the inline backend.
"""

from functools import partial

import matplotlib as mpl


def tight_png(fig, base64: bool = False, bbox_inches="tight", **kwargs):
    """What `IPython.core.pylabtools.print_figure(fig, "png", ...)` returns, found with one
    drawing instead of two."""
    from IPython.core.pylabtools import print_figure

    measurable = fig.get_layout_engine() is None and hasattr(fig.canvas, "get_renderer")
    if bbox_inches == "tight" and measurable and fig.axes:
        edges = fig.get_tightbbox(fig.canvas.get_renderer(),
                                  bbox_extra_artists=kwargs.pop("bbox_extra_artists", None))
        pad = kwargs.pop("pad_inches", None)
        bbox_inches = edges.padded(mpl.rcParams["savefig.pad_inches"] if pad is None else pad)
    return print_figure(fig, fmt="png", base64=base64, bbox_inches=bbox_inches, **kwargs)


def use_inline_png() -> bool:
    """Route a notebook's PNG rendering of figures through tight_png(). False, and nothing
    changed, outside an IPython kernel with the inline backend showing PNG."""
    try:
        from IPython import get_ipython
        from IPython.core.pylabtools import print_figure
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None or "inline" not in str(mpl.rcParams["backend"]):
        return False
    import matplotlib_inline.backend_inline  # noqa: F401  (loading it registers IPython's formatter)
    from matplotlib.figure import Figure

    formatter = shell.display_formatter.formatters["image/png"]
    current = formatter.lookup_by_type(Figure) if Figure in formatter else None
    if isinstance(current, partial) and current.func is print_figure and current.keywords.get("fmt") == "png":
        settings = {key: value for key, value in current.keywords.items() if key != "fmt"}
        formatter.for_type(Figure, partial(tight_png, **settings))
        return True
    return isinstance(current, partial) and current.func is tight_png
