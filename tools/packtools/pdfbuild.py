"""Printable editions: `make pdf` writes build/pdf/ (python -m packtools.pdfbuild).

- article.pdf: the article with numbered paragraphs, a handout for reading and annotating;
- lessons/NN_name.pdf and exercises/NN_name.pdf: each lesson and each exercise sheet, with the
  outputs stored in the notebooks (widgets as saved pictures, each saying so).

Pages are the HTML edition's (htmlbuild), printed to A4 by headless Chromium from a loopback
server, so the PDFs look like the pages and need no network.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from . import browser, htmlbuild
from .paths import PROJECT_ROOT

PRINT_CSS = """
@media print {
  .rp-site-nav, nav { display: none !important; }
  a { color: inherit; text-decoration: none; }
  .jp-Cell, li, figure, table { break-inside: avoid; }
}
"""


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
    page = chromium.new_page()
    for name in pages:
        page.goto(f"{url}/{name}", wait_until="networkidle")
        page.add_style_tag(content=PRINT_CSS)
        target = out / pdf_name(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(target), format="A4", print_background=True,
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
