"""Which tests run in the heavy tier only (tests/conftest.py marks them)."""

# The heavy tier (`make test-heavy`, which CI runs after `make test`): what repeats a purpose
# that a quicker test already serves in `make test`, and the slowest runs. Marked here, by node
# id, so that no test file has to move; tests/test_tiers.py checks that every pattern still
# matches a test. Measured with `pytest --durations` (docs/performance.md).
HEAVY = {
    # one lesson (03_figures: a menu, a text box, a table and a chart) runs in JupyterLab in
    # `make test`; the other lessons' runs take 6-17 s each
    "tests/browser/test_lessons_in_lab.py::test_lesson_runs_and_its_widgets_respond[[]0[0124-8]_*":
        "one lesson's run in JupyterLab stays in make test",
    # the HTML edition's lesson pages stay in `make test`; the solutions' and exercises' pages are
    # drawn by the same renderer from the same widget code
    "tests/browser/test_html_edition.py::*[[]solution*": "the lesson pages use the same renderer",
    "tests/browser/test_html_edition.py::*[[]exercise*": "the lesson pages use the same renderer",
    "tests/test_make_lab.py::*": "starts a JupyterLab server (11 s)",
    # lesson 3, the article and one worksheet print in `make test`
    "tests/browser/test_pdf.py::test_no_printed_page_is_near_blank_but_a_sections_last":
        "prints every PDF of make pdf (about a minute)",
    "tests/test_nbtools.py::test_re_running_unchanged_notebooks_changes_no_byte":
        "runs two notebooks twice (11 s); the id rewriting has its own quick test",
    # the no-UI rule: import-linter's contracts (make lint) and tests/test_layers.py state it for
    # every evidence module and every lesson's checks
    "tests/article/test_tasks_lesson06.py::test_the_checks_of_lessons_6_and_7_import_no_widget":
        "the layers contract and tests/test_layers.py state the same rule",
}
