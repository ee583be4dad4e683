"""The offline HTML edition: the lessons and exercises as static pages, with their outputs.

    python -m packtools.htmlbuild               # build/html: notebooks/ and exercises/
    python -m packtools.htmlbuild --instructor  # build/html-instructor: solutions/ too

Notebooks are rendered as stored (run `make outputs` first to refresh them). Widgets render
from the widget state saved in each notebook, with the renderer and require.js copied from
vendor/ into the site, so the pages load nothing from the network. Links between notebooks
(`02_claims.ipynb`) become links between pages (`02_claims.html`). Every chart needs a text
alternative: the markdown cell right after it begins "**What this chart shows:**", and its
text becomes the image's alt text; the build stops, naming the notebook and cell, otherwise.
"""

import argparse
import html
import json
import re
import shutil
import sys
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup
from jinja2 import DictLoader
from nbconvert import HTMLExporter

from readingpack.article import load_article

from .navigation import lesson_paths, minutes, notebook_title
from .paths import PROJECT_ROOT

SITE_TITLE = "Reading a contested article with data"
CHART_PREFIX = "**What this chart shows:**"
NBCONVERT_DEFAULT_ALT = "No description has been provided for this image"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
VENDOR = PROJECT_ROOT / "vendor"
STATIC = "_static"
STUDENT_FOLDERS = ("notebooks", "exercises")
INSTRUCTOR_FOLDERS = (*STUDENT_FOLDERS, "solutions")
# The renderer's modules find their icon fonts next to the path require.js gives them.
WIDGET_MODULES = ["base", "base7", "controls", "controls7", "html-manager", "html-manager/dist/libembed-amd"]
FOLDER_LABELS = {"notebooks": "Lessons", "exercises": "Exercises", "solutions": "Solutions"}

PACK_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
  background: #ffffff; line-height: 1.5; }
.rp-site-nav { padding: 0.5em 1em; border-bottom: 1px solid #767676; background: #f4f4f4; }
.rp-site-nav a { margin-right: 1.5em; color: #0b4f8a; }
.rp-page { max-width: 60em; margin: 0 auto; padding: 1em; }
.rp-page table { border-collapse: collapse; }
.rp-page th, .rp-page td { border: 1px solid #767676; padding: 0.3em 0.6em; text-align: left; }
.rp-article li { margin-bottom: 0.8em; }
.rp-kind { color: #595959; font-size: 0.85em; }
a { color: #0b4f8a; }
/* Links are underlined, not told apart by colour alone. */
.jp-Notebook a:link, .jp-Notebook a:visited, .rp-page a { text-decoration: underline; }
/* Prompts and code colours with a contrast of at least 4.5:1 on the cells' backgrounds. */
:root {
  --jp-cell-prompt-not-active-opacity: 1;
  --jp-cell-prompt-not-active-font-color: #616161;
  --jp-mirror-editor-atom-color: #4040c0;
  --jp-mirror-editor-number-color: #006400;
  --jp-mirror-editor-variable-3-color: #006400;
  --jp-mirror-editor-operator-color: #7a1fc2;
  --jp-mirror-editor-meta-color: #7a1fc2;
  --jp-mirror-editor-comment-color: #3d6b6b;
  --jp-mirror-editor-bracket-color: #5c5c2e;
  --jp-mirror-editor-quote-color: #1a6b00;
  --jp-mirror-editor-error-color: #c00000;
  --jp-mirror-editor-hr-color: #616161;
}
"""

# Run in each page as the saved widgets render: ipywidgets' range-slider handles get the name of
# their slider, and scroll boxes inside widget HTML become reachable with the keyboard.
WIDGET_A11Y_JS = """
(function () {
  function fix() {
    document.querySelectorAll('.noUi-handle:not([aria-label])').forEach(function (handle) {
      var slider = handle.closest('.widget-slider, .widget-hslider, .widget-vslider');
      var label = slider && slider.querySelector('.widget-label');
      var name = (label && label.textContent.trim()) || 'Slider';
      var end = handle.classList.contains('noUi-handle-upper') ? ', upper end'
        : (slider && slider.querySelector('.noUi-handle-upper') ? ', lower end' : '');
      handle.setAttribute('aria-label', name + end);
    });
    // A saved widget is a picture of its starting state: its controls change nothing here.
    document.querySelectorAll('.jupyter-widgets select, .jupyter-widgets input, '
        + '.jupyter-widgets button, .jupyter-widgets textarea').forEach(function (control) {
      control.disabled = true;
    });
    document.querySelectorAll('.widget-html-content *:not([tabindex])').forEach(function (el) {
      var overflow = getComputedStyle(el).overflowY;
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight) {
        el.setAttribute('tabindex', '0');
      }
    });
  }
  new MutationObserver(fix).observe(document.documentElement, {childList: true, subtree: true});
  document.addEventListener('DOMContentLoaded', fix);
}());
"""

STATIC_WIDGET_NOTE = (
    "A saved picture of an interactive widget, in its starting state: its menus and buttons "
    "change nothing on this page. To use it, open the notebook in JupyterLab (make lab)."
)

PAGE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{{ resources.readingpack.root }}_static/readingpack.css">
<script>{{ resources.readingpack.requirejs_config }}</script>
<script>{{ resources.readingpack.widget_a11y_js }}</script>
{%- endblock html_head_css -%}
{%- block body_header -%}
{{ super() }}
{{ resources.readingpack.site_nav }}
{%- endblock body_header -%}
{% block data_png scoped %}{{ super() | with_alt(output) }}{% endblock data_png %}
{% block data_jpg scoped %}{{ super() | with_alt(output) }}{% endblock data_jpg %}
"""


class HtmlBuildError(ValueError):
    """A notebook cannot be published as it is (for example a chart without a description)."""


def markdown_to_text(markdown: str) -> str:
    """Plain text of a short markdown passage: links, emphasis and code marks removed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    return " ".join(text.split())


def chart_description(cell) -> str | None:
    """The text after "**What this chart shows:**" when `cell` is such a markdown cell."""
    if cell is None or cell.cell_type != "markdown":
        return None
    source = cell.source.lstrip()
    if not source.startswith(CHART_PREFIX):
        return None
    return markdown_to_text(source[len(CHART_PREFIX):]) or None


def _cell_name(index: int, cell) -> str:
    return f"cell {index + 1}" + (f" (id {cell.id})" if cell.get("id") else "")


def add_alt_texts(nb, name: str) -> None:
    """Store each chart's description as the `alt` metadata of its image outputs."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        images = [o for o in cell.get("outputs", []) if any(t in o.get("data", {}) for t in IMAGE_TYPES)]
        if not images:
            continue
        following = nb.cells[index + 1] if index + 1 < len(nb.cells) else None
        description = chart_description(following)
        if description is None:
            raise HtmlBuildError(
                f"{name}: {_cell_name(index, cell)} shows an image, but the next cell is not a "
                f"markdown cell beginning {CHART_PREFIX!r} with a description of it"
            )
        for output in images:
            output.setdefault("metadata", {})["alt"] = description


def with_alt(rendered: str, output) -> str:
    """Jinja filter: give the rendered <img> the alt text stored by add_alt_texts."""
    alt = output.get("metadata", {}).get("alt")
    if not alt:
        return rendered
    return rendered.replace("<img ", f'<img alt="{html.escape(alt)}" ', 1)


def is_notebook_link(href: str) -> bool:
    return not re.match(r"[a-z][a-z0-9+.-]*:", href) and href.split("#")[0].endswith(".ipynb")


def finish_page(page: str, name: str) -> str:
    """Links to notebooks point at their pages, task-list check boxes get a label, and every
    image must have a description (HtmlBuildError names the cell otherwise)."""
    soup = BeautifulSoup(page, "html.parser")
    for link in soup.find_all("a", href=True):
        if is_notebook_link(link["href"]):
            path, _, fragment = link["href"].partition("#")
            link["href"] = path[: -len(".ipynb")] + ".html" + (f"#{fragment}" if fragment else "")
    for box in soup.select("li.task-list-item > input[type=checkbox]"):
        if not box.get("aria-label"):
            box["aria-label"] = " ".join(box.parent.get_text(" ").split())[:200]
    for view in soup.find_all("script", type="application/vnd.jupyter.widget-view+json"):
        note = soup.new_tag("p", attrs={"class": "rp-static-note", "role": "note"})
        note.string = STATIC_WIDGET_NOTE
        view.insert_before(note)
    for img in soup.find_all("img"):
        if img.get("alt", "").strip() in ("", NBCONVERT_DEFAULT_ALT):
            cell = img.find_parent(class_="jp-Cell")
            where = cell.get("id", "an unnamed cell") if cell else "outside any cell"
            raise HtmlBuildError(f"{name}: an image in {where} has no description (alt text)")
    return str(soup)


def site_nav(root: str) -> str:
    return (
        f'<nav class="rp-site-nav" aria-label="Site"><a href="{root}index.html">Contents</a>'
        f'<a href="{root}article.html">The article</a></nav>'
    )


def requirejs_config(root: str) -> str:
    folder = f"{root}{STATIC}/html-manager/"
    paths = {f"@jupyter-widgets/{m}": folder + m.split("/")[-1] for m in WIDGET_MODULES}
    return f"require.config({json.dumps({'paths': paths})});"


def make_exporter(root: str, templates: dict[str, str] | None = None,
                  template_file: str = "readingpack_page.html.j2", **options) -> HTMLExporter:
    """The site's exporter; `templates` may add templates that extend readingpack_page.html.j2,
    and `options` set other HTMLExporter options (such as exclude_input)."""
    exporter = HTMLExporter(
        extra_loaders=[DictLoader({"readingpack_page.html.j2": PAGE_TEMPLATE, **(templates or {})})],
        template_file=template_file,
        require_js_url=f"{root}{STATIC}/requirejs/require.js",
        widget_renderer_url=f"{root}{STATIC}/html-manager/embed-amd.js",
        **options,
    )
    exporter.register_filter("with_alt", with_alt)
    return exporter


def render_notebook(path: Path, exporter: HTMLExporter | None = None) -> str:
    """One notebook as a page of the site (which has the notebook's folder one level down)."""
    name = f"{path.parent.name}/{path.name}"
    return render_node(nbformat.read(path, as_version=4), name, path, exporter)


def render_node(nb, name: str, path: Path, exporter: HTMLExporter | None = None) -> str:
    """A notebook (read or built in memory) as a page one folder below the site's root."""
    add_alt_texts(nb, name)
    try:
        title = notebook_title(nb)
    except ValueError:
        title = path.stem
    nb.metadata["title"] = f"{title} – {SITE_TITLE}"
    resources = {
        "metadata": {"name": path.stem, "path": str(path.parent)},
        "readingpack": {
            "root": "../", "site_nav": site_nav("../"), "requirejs_config": requirejs_config("../"),
            "widget_a11y_js": WIDGET_A11Y_JS,
        },
    }
    page, _ = (exporter or make_exporter("../")).from_notebook_node(nb, resources=resources)
    return finish_page(page, name)


def standalone_page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f'<title>{html.escape(title)}</title>\n<link rel="icon" href="data:,">\n'
        f'<link rel="stylesheet" href="{STATIC}/readingpack.css">\n</head>\n<body>\n'
        f"{site_nav('')}\n<main class=\"rp-page\">\n{body}\n</main>\n</body>\n</html>\n"
    )


def index_body(project: Path, folders: tuple[str, ...]) -> str:
    rows, totals = [], [0, 0]
    for path in lesson_paths(project / "notebooks"):
        nb = nbformat.read(path, as_version=4)
        teaching, exercise = minutes(nb)
        totals = [totals[0] + teaching, totals[1] + exercise]
        cells = [f'<a href="notebooks/{path.stem}.html">{html.escape(notebook_title(nb))}</a>']
        for folder in folders[1:]:
            other = project / folder / path.name
            label = FOLDER_LABELS[folder][:-1].lower()
            cells.append(f'<a href="{folder}/{path.stem}.html">{label}</a>' if other.exists() else "")
        rows.append(
            f"<tr><td>{path.name[:2]}</td>" + "".join(f"<td>{c}</td>" for c in cells)
            + f"<td>{teaching}</td><td>{exercise}</td><td>{teaching + exercise}</td></tr>"
        )
    rows.append(f'<tr><td></td><td colspan="{len(folders)}"><b>All lessons</b></td><td>{totals[0]}</td>'
                f"<td>{totals[1]}</td><td>{sum(totals)}</td></tr>")
    headers = ["#", "Lesson", *(FOLDER_LABELS[f] for f in folders[1:]),
               "Teaching (min)", "Exercises (min)", "Total (min)"]
    extra = []
    for folder in folders[1:]:
        pages = [p for p in sorted((project / folder).glob("*.ipynb"))
                 if not (project / "notebooks" / p.name).exists()]
        if pages:
            items = "".join(f'<li><a href="{folder}/{p.stem}.html">{html.escape(p.stem)}</a></li>'
                            for p in pages)
            extra.append(f'<h2 id="{folder}">More {FOLDER_LABELS[folder].lower()}</h2>\n<ul>{items}</ul>')
    return (
        f"<h1>{SITE_TITLE}</h1>\n"
        "<p>A teaching pack about one article. Read <a href=\"article.html\">the article with "
        "numbered paragraphs</a>, then work through the lessons in order.</p>\n"
        "<p>In this edition the widgets show their starting state; to change them, open the "
        "notebooks in JupyterLab (<code>make lab</code>).</p>\n"
        "<h2>Lessons</h2>\n<table>\n<thead><tr>"
        + "".join(f'<th scope="col">{h}</th>' for h in headers)
        + "</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n"
        + "\n".join(extra)
    )


def article_body() -> str:
    article = load_article()
    meta = article.metadata
    items = "\n".join(
        f'<li id="p{row.number}" value="{row.number}"><span class="rp-kind">{row.kind}</span> '
        f"{html.escape(row.text)}</li>"
        for row in article.paragraphs.itertuples()
    )
    return (
        f"<h1>The article, with numbered paragraphs</h1>\n"
        f"<p>{html.escape(meta['author'])}, “{html.escape(meta['title'])}”, "
        f"<i>{html.escape(meta['outlet'])}</i>, {meta['published']}. "
        f'<a href="{html.escape(meta["url"])}">The article on the publisher\'s site</a>.</p>\n'
        f"<p>{html.escape(meta['rights'])}</p>\n"
        f'<ol class="rp-article">\n{items}\n</ol>'
    )


def copy_static(out: Path) -> None:
    static = out / STATIC
    for folder in ("html-manager", "requirejs"):
        shutil.copytree(VENDOR / folder, static / folder, dirs_exist_ok=True)
    (static / "readingpack.css").write_text(PACK_CSS, encoding="utf-8")


def notebooks(folders: tuple[str, ...], project: Path = PROJECT_ROOT) -> list[Path]:
    return [p for folder in folders for p in sorted((project / folder).glob("*.ipynb"))]


def page_name(notebook: Path) -> str:
    """The site page of a notebook, relative to the site's root: notebooks/03_figures.html."""
    return f"{notebook.parent.name}/{notebook.stem}.html"


def site_pages(instructor: bool = False, project: Path = PROJECT_ROOT) -> list[str]:
    """Every page build_site writes, relative to the site's root."""
    folders = INSTRUCTOR_FOLDERS if instructor else STUDENT_FOLDERS
    return ["index.html", "article.html", *(page_name(p) for p in notebooks(folders, project))]


def build_site(out: Path, instructor: bool = False, project: Path = PROJECT_ROOT) -> list[Path]:
    """Write the site into `out` (emptied first); return the pages written."""
    folders = INSTRUCTOR_FOLDERS if instructor else STUDENT_FOLDERS
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    copy_static(out)
    exporter = make_exporter("../")
    pages = []
    for path in notebooks(folders, project):
        target = out / page_name(path)
        target.parent.mkdir(exist_ok=True)
        target.write_text(render_notebook(path, exporter), encoding="utf-8")
        pages.append(target)
    for name, title, body in (
        ("index.html", f"{SITE_TITLE} – contents", index_body(project, folders)),
        ("article.html", f"The article, with numbered paragraphs – {SITE_TITLE}", article_body()),
    ):
        (out / name).write_text(standalone_page(title, body), encoding="utf-8")
        pages.append(out / name)
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instructor", action="store_true", help="add the solutions")
    parser.add_argument("--out", help="output folder (default build/html or build/html-instructor)")
    args = parser.parse_args(argv)
    default = "build/html-instructor" if args.instructor else "build/html"
    out = Path(args.out) if args.out else PROJECT_ROOT / default
    try:
        pages = build_site(out, instructor=args.instructor)
    except HtmlBuildError as error:
        print(f"make html: {error}", file=sys.stderr)
        return 1
    print(f"wrote {len(pages)} pages to {out} (open {out / 'index.html'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
