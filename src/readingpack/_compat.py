"""Old import names, in one place: a workbook copied before a module or a name moved still runs,
and each old name warns (DeprecationWarning) with the import to use instead.

`readingpack/__init__.py` installs the finder below; nothing else imports this module (an
import-linter contract, `.importlinter`), and the pack's own notebooks, solutions, exercises,
code and tests use the canonical names (tests/test_canonical_names.py). The version-1 workbooks
(tests/test_old_workbooks.py) are what keeps these names honest.

- OLD_MODULES: a module that moved. Importing the old name gives the new module.
- OLD_NAMES: a name that moved out of a module that still exists. The module gets a
  module-level `__getattr__` (PEP 562) that finds the name where it lives now: an attribute
  of another module, or an expression evaluated there (a value now read from data/settings.csv).
"""

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import warnings

OLD_MODULES = {
    "readingpack.actors": "readingpack.evidence.mentions",
    "readingpack.checks": "readingpack.exercises",
    "readingpack.checking": "readingpack.evidence.comparison",
    "readingpack.sources": "readingpack.evidence.sources",
    "readingpack.lexicon": "readingpack.evidence.language",
    "readingpack.widgets.checking": "readingpack.widgets.claim_check",
    "readingpack.widgets.setting": "readingpack.widgets.reading",
    "readingpack.exercises.figures": "readingpack.exercises.chart_reading",
}

_MENTIONS = "readingpack.evidence.mentions"
_CLAIMS = "readingpack.evidence.claims"
_POSITIONS = "readingpack.evidence.positions"
_BACKGROUND = "readingpack.evidence.background"
_EVENTS = "readingpack.evidence.events"
_CHARTS = "readingpack.charts"

# module -> {old name: (module where it lives now, its name or an expression there)}
OLD_NAMES = {
    "readingpack.widgets.actors": {
        "GROUP_LINESTYLES": (_CHARTS, "GROUP_LINESTYLES"),
        **{name: (_MENTIONS, name) for name in (
            "GROUP_OF", "RELATION_GROUPS", "actors_table", "cooccurrence", "folded_relations",
            "relation_group")},
    },
    "readingpack.widgets.areas": {
        "areas_table": ("readingpack.evidence.areas", "areas_table"),
        "ARTICLE_FIGURE_ID": ("readingpack.evidence.areas", "article_figure_id()"),
        "ARMENIA_ID": ("readingpack.evidence.areas", "country_id()"),
        "DEFAULT_PLACE": ("readingpack.evidence.areas", "default_place_id()"),
    },
    "readingpack.widgets.claims": {name: (_CLAIMS, name) for name in (
        "TYPE_LABELS", "claims_table", "codebook_rules", "type_by_speaker", "types_by_paragraph",
        "types_table", "voice_by_paragraph")},
    "readingpack.widgets.figure_check": {
        name: ("readingpack.evidence.comparison", name)
        for name in ("article_value", "figure_reference_table")},
    "readingpack.widgets.framing": {
        "framing_table": ("readingpack.evidence.language", "framing_table"),
        "Framing": ("readingpack.widgets.framing", "FramingExplorer"),
    },
    "readingpack.widgets.positions": {
        "PositionsWidget": ("readingpack.widgets.positions", "PositionComparison"),
        **{name: (_POSITIONS, name) for name in (
            "POSITION_COLUMN", "REPORTED", "WORDS_COLUMN", "after_article_table",
            "no_statement_sentence", "not_reported_sentence", "positions_table")},
        "GOVERNMENT_NAMES": (_POSITIONS, "PositionsData().names"),
        "GOVERNMENTS": (_POSITIONS, "PositionsData().governments"),
        "OWN_HEADS": (_POSITIONS, "PositionsData().own_heads"),
        "AFTER_CAVEAT": (_POSITIONS, "PositionsData().after_caveat"),
    },
    "readingpack.widgets.reading": {
        "NamesWidget": ("readingpack.widgets.reading", "NameExplorer"),
        **{name: (_BACKGROUND, name) for name in (
            "evidence_text", "find_spans", "names_table", "primer_table", "section_of",
            "signposts_table", "structure_table")},
        "PRIMER_IDS": (_BACKGROUND, "primer_ids()"),
        "SIGNPOSTS": (_BACKGROUND, "signpost_words()"),
    },
    "readingpack.widgets.timeline": {
        "TimelineWidget": ("readingpack.widgets.timeline", "TimelineExplorer"),
        "PRECISION_STYLE": (_CHARTS, "PRECISION_STYLE"),
        "draw_panel": (_CHARTS, "draw_event_lanes"),
        "legend_handles": (_CHARTS, "precision_legend_handles"),
        **{name: (_EVENTS, name) for name in (
            "PRECISION_LABELS", "PRECISIONS", "normalised_date", "stack_levels", "track_label")},
    },
    "readingpack.evidence.comparison": {
        "RELATION_LABELS": ("readingpack.evidence.settings", "labels('relation')"),
        "JUDGEMENTS": ("readingpack.evidence.comparison", "hand_coded()"),
    },
    "readingpack.evidence.positions": {
        "GOVERNMENT_NAMES": (_POSITIONS, "PositionsData().names"),
        "GOVERNMENTS": (_POSITIONS, "PositionsData().governments"),
        "OWN_HEADS": (_POSITIONS, "PositionsData().own_heads"),
        "AFTER_CAVEAT": (_POSITIONS, "PositionsData().after_caveat"),
    },
}


def _warn(message: str) -> None:
    # point the warning at the first frame outside the import machinery and this module, so
    # that Jupyter shows it under the workbook's cell
    frame, level = sys._getframe(1), 2
    while frame is not None and (frame.f_code.co_filename.startswith("<frozen importlib")
                                 or frame.f_code.co_filename == __file__):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, DeprecationWarning, stacklevel=level)


def new_import(old_module: str, name: str | None = None) -> str:
    """What to write instead of an old name, as the warning says it."""
    if name is None:
        package, _, module = OLD_MODULES[old_module].rpartition(".")
        return f"from {package} import {module}"
    module, expression = OLD_NAMES[old_module][name]
    if expression.isidentifier():
        return f"from {module} import {expression}"
    return f"import {module}; {module}.{expression}"


def old_name(module_name: str, name: str):
    """The value of `module_name.name` where `name` is an old name (AttributeError otherwise)."""
    if name not in OLD_NAMES.get(module_name, {}):
        raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
    new_module, expression = OLD_NAMES[module_name][name]
    _warn(f"{module_name}.{name} is an old name, kept for workbooks copied before it moved: "
          f"use `{new_import(module_name, name)}`")
    return eval(expression, {}, vars(importlib.import_module(new_module)))  # only the expressions above


class _Alias(importlib.abc.Loader):
    """Loads an old module name as the module that replaced it."""

    def create_module(self, spec):
        _warn(f"{spec.name} is an old name, kept for workbooks copied before it moved: "
              f"use `{new_import(spec.name)}`")
        return importlib.import_module(OLD_MODULES[spec.name])

    def exec_module(self, module) -> None:
        pass


class _WithOldNames(importlib.abc.Loader):
    """Loads a module as usual, then gives it a `__getattr__` that answers its old names."""

    def __init__(self, loader):
        self.loader = loader

    def __getattr__(self, attribute):  # get_source, get_filename, ... as the real loader
        return getattr(self.loader, attribute)

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        self.loader.exec_module(module)
        name = module.__name__
        module.__getattr__ = lambda attribute: old_name(name, attribute)


class OldNamesFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname in OLD_MODULES:
            return importlib.util.spec_from_loader(fullname, _Alias())
        if fullname in OLD_NAMES:
            spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _WithOldNames(spec.loader)
            return spec
        return None


def install() -> None:
    if not any(isinstance(finder, OldNamesFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, OldNamesFinder())
