"""A small lesson notebook with a chart, for the HTML edition's tests (test_htmlbuild.py and
tests/article/test_htmlbuild_lessons.py)."""

import nbformat

PNG = (  # a 1x1 transparent PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def chart_notebook(description: str | None = "**What this chart shows:** two *bars*, A above B."):
    nb = nbformat.v4.new_notebook()
    chart = nbformat.v4.new_code_cell("plot()")
    data = {"image/png": PNG, "text/plain": "<Figure>"}
    chart.outputs = [nbformat.v4.new_output("display_data", data=data)]
    title = nbformat.v4.new_markdown_cell("# 9. A lesson\n\nSee [the next one](10_next.ipynb#Top).")
    nb.cells = [title, chart]
    if description is not None:
        nb.cells.append(nbformat.v4.new_markdown_cell(description))
    nb.metadata["readingpack"] = {"teaching_minutes": 7, "exercise_minutes": 3}
    return nb
