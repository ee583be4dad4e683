"""The tests of this folder state the facts of the pack's own article (data/): its answer keys,
widget snapshots, counts, paragraph ranges and named actors. When READINGPACK_DATA names
another article's data folder, each of their modules is skipped, with the one reason below,
before it is imported; the tests outside this folder check any article's ledger."""

import pytest

from readingpack.paths import PROJECT_ROOT, data_dir

OWN_DATA = (PROJECT_ROOT / "data").resolve()
REASON = "states facts of the pack's own article (data/); READINGPACK_DATA names {}"


class OtherArticleModule(pytest.Module):
    """A test module of this folder while another article is loaded: skipped as a whole."""

    def collect(self):
        pytest.skip(REASON.format(data_dir()))


def pytest_pycollect_makemodule(module_path, parent):
    if data_dir().resolve() != OWN_DATA:
        return OtherArticleModule.from_parent(parent, path=module_path)
    return None
