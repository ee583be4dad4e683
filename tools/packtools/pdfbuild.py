"""Printable editions: `make pdf` writes build/pdf/ (python -m packtools.pdfbuild).

- article.pdf: the article with numbered paragraphs, a handout for reading and annotating;
- lessons/NN_name.pdf: each lesson, with the outputs stored in the notebook (widgets as saved
  pictures, each saying so);
- exercises/NN_name.pdf: each exercise sheet as a worksheet to write on (packtools.worksheets):
  the tasks without the notebook's instructions, the data they need, ruled lines to answer on.

Pages are the HTML edition's (htmlbuild), printed to A4 by headless Chromium from a loopback
server, so the PDFs look like the pages and need no network. On paper, links print their address,
tables wrap their cells (a table too wide for the page gets a landscape page), and only small
blocks are kept whole, so that no page is left near-blank before a long table.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from . import browser, htmlbuild, worksheets
from .paths import PROJECT_ROOT

PRINT_CSS = """
@page { size: A4; }
@page wide { size: A4 landscape; }
.rp-wide { page: wide; }
@media print {
  .rp-site-nav, nav { display: none !important; }
  a { color: inherit; text-decoration: none; }
  /* Paper has no links: an address outside the pack is printed after its text. */
  a[href^="http"]::after { content: " (" attr(href) ")"; overflow-wrap: anywhere; }
  /* Only small things are kept whole: a block taller than the space left on a page would leave
     that space blank. Tables break between rows and repeat their header. */
  li, figure, img, tr, .jp-InputArea { break-inside: avoid; }
  h1, h2, h3, h4, .jp-InputArea { break-after: avoid; }
  thead { display: table-header-group; }
  /* Tables print whole, at the page's width: no scroll box clips them, and their cells wrap
     at spaces instead of squeezing a column to a word a line. */
  .jp-OutputArea-output, .jp-RenderedHTMLCommon, .widget-html-content * { overflow: visible !important; }
  .jp-RenderedHTMLCommon table, .rp-page table { width: 100%; font-size: 8pt; table-layout: auto; }
  .jp-RenderedHTMLCommon th, .jp-RenderedHTMLCommon td { white-space: normal !important;
    max-width: none !important; vertical-align: top;
    padding: 0.2em 0.35em !important; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { overflow-wrap: break-word; }
}
"""


# Run on each page before printing, laid out at the printed width: long names break after their
# underscores, a column of more than three words keeps at least 8em (a few words a line), and a
# table that still does not fit the page's width goes, with its section, on landscape pages.
READABLE_TABLES_JS = """
() => {
  for (const table of document.querySelectorAll('table')) {
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      node.textContent = node.textContent.replace(/_/g, '_\\u200b');
    }
    const rows = [...table.rows];
    const columns = Math.max(0, ...rows.map(r => r.cells.length));
    for (let c = 0; c < columns; c++) {
      const words = Math.max(0, ...rows.map(
        r => r.cells[c] ? r.cells[c].textContent.trim().split(/\\s+/).length : 0));
      if (words > 3) rows.forEach(r => { if (r.cells[c]) r.cells[c].style.minWidth = '8em'; });
    }
    const cell = table.closest('.jp-Cell');
    if (cell && table.getBoundingClientRect().right > document.documentElement.clientWidth + 1) {
      // the landscape pages start at the table's section heading, so that the portrait page
      // before them is the end of a section, not a page left near-blank
      for (let c = cell; c; c = c.previousElementSibling) {
        c.classList.add('rp-wide');
        if (c !== cell && c.querySelector('h1, h2, h3')) break;
      }
    }
  }
}
"""
# A page is printed once each saved widget has been drawn next to its view (the renderer draws
# them after the page has loaded; a page printed earlier shows an empty box).
VIEW_SCRIPTS = 'script[type="application/vnd.jupyter.widget-view+json"]'
WIDGETS_DRAWN = """selector => Array.from(document.querySelectorAll(selector)).every(script => {
  const area = script.previousElementSibling;
  return area && area.classList.contains('widget-subarea') && area.querySelector('.jupyter-widgets');
})"""
PRINTED_WIDTH = 688  # CSS pixels: A4's 210 mm less the 2 x 14 mm margins


def pdf_name(page: str) -> str:
    folder, _, name = page.rpartition("/")
    stem = name.removesuffix(".html")
    return f"{'lessons' if folder == 'notebooks' else folder}/{stem}.pdf" if folder else f"{stem}.pdf"


def build_pdfs(out: Path, pages: list[str] | None = None, chromium=None) -> list[Path]:
    """Print `pages` of the HTML edition (all but the index by default) into `out`; `chromium` is
    a launched Playwright browser, or None to launch one."""
    from playwright.sync_api import sync_playwright

    pages = pages or [p for p in htmlbuild.site_pages() if p != "index.html"]
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "html"
        htmlbuild.build_site(site)
        for exercise in htmlbuild.notebooks(("exercises",)):  # printed as worksheets
            if htmlbuild.page_name(exercise) in pages:
                (site / htmlbuild.page_name(exercise)).write_text(
                    worksheets.render_worksheet(exercise), encoding="utf-8")
        with browser.serve_folder(site) as url:
            if chromium is not None:
                return _print(chromium, url, pages, out)
            with sync_playwright() as playwright:
                path = browser.find_chromium(os.environ, playwright.chromium.executable_path)
                if path is None:
                    raise SystemExit(f"make pdf needs Chromium: {browser.INSTALL_HINT}")
                launched = playwright.chromium.launch(executable_path=path, args=browser.CHROMIUM_ARGS)
                try:
                    return _print(launched, url, pages, out)
                finally:
                    launched.close()


def _print(chromium, url: str, pages: list[str], out: Path) -> list[Path]:
    written = []
    page = chromium.new_page(viewport={"width": PRINTED_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    for name in pages:
        page.goto(f"{url}/{name}", wait_until="networkidle")
        page.wait_for_function(WIDGETS_DRAWN, arg=VIEW_SCRIPTS, timeout=60_000)
        page.add_style_tag(content=PRINT_CSS)
        page.evaluate(READABLE_TABLES_JS)
        target = out / pdf_name(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(target), prefer_css_page_size=True, print_background=True,
                 margin={"top": "15mm", "bottom": "15mm", "left": "14mm", "right": "14mm"},
                 display_header_footer=True, header_template="<span></span>",
                 footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                                 '<span class="title"></span> · page <span class="pageNumber">'
                                 '</span> of <span class="totalPages"></span></div>')
        written.append(target)
    page.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "build" / "pdf")
    args = parser.parse_args(argv)
    for path in build_pdfs(args.out):
        print(f"wrote {path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
