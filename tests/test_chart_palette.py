"""The chart palette (readingpack.style) is Okabe-Ito, stays distinct for colour-blind readers,
and never relies on colour alone: each series also has its own hatch and line style."""

import itertools

import matplotlib as mpl
import numpy as np

from readingpack import style

# Machado, Oliveira and Fernandes (2009) simulation matrices, severity 1, on linear RGB.
DEFICIENCIES = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                     [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                   [0.004733, 0.691367, 0.303900]],
}


def linear_rgb(colour: str) -> np.ndarray:
    srgb = np.array(mpl.colors.to_rgb(colour))
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def test_palette_is_okabe_ito():
    assert set(style.PALETTE) <= set(style.OKABE_ITO)
    assert len(set(style.PALETTE)) == len(style.PALETTE)


def test_cycle_colours_stay_apart_for_colour_blind_readers():
    cycle = style.PALETTE[:4]
    for name, matrix in DEFICIENCIES.items():
        seen = {c: np.clip(np.array(matrix) @ linear_rgb(c), 0, 1) for c in cycle}
        closest = min(np.linalg.norm(seen[a] - seen[b]) for a, b in itertools.combinations(cycle, 2))
        assert closest > 0.1, name


def test_series_never_rely_on_colour_alone():
    assert len(set(style.HATCHES)) == len(style.HATCHES) >= 6
    assert len(set(style.LINESTYLES)) == len(style.LINESTYLES)
    style.use_pack_style()
    cycle = list(mpl.rcParams["axes.prop_cycle"])
    assert len({entry["linestyle"] for entry in cycle}) == len(cycle)
