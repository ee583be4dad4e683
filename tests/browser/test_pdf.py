"""make pdf: the numbered article, the lessons and the exercise worksheets print to A4 PDFs that
hold their text (read back with pypdf); links print their address, tables print whole and
readable, and no page but a section's last is left near-blank.

Ink is measured on the PDF itself (no rasteriser is needed): a page's printable height is cut into
BANDS bands, and a band has ink when text, a picture or a small drawn shape (a table rule, a
ruled line) lies in it. Page-sized shapes, such as the white page background, do not count."""

import re

import nbformat
import pytest
from pypdf import PdfReader

from packtools import htmlbuild, pdfbuild
from readingpack.article import load_article
from readingpack.paths import PROJECT_ROOT

A4 = (595.3, 841.9)  # points (210 x 297 mm); Chromium rounds to whole CSS pixels
MARGIN = 42.5  # points: the 15 mm top and bottom margins, where the footer is
BANDS = 40
NEAR_BLANK = 0.2  # a page with ink in fewer than a fifth of its bands
SHAPE_MAX = 30  # points: taller drawn shapes are backgrounds, not ink
NOTEBOOK_PHRASES = ("double-click", "Ctrl+S", "run the cell", "save the notebook", "check(", "= ...")


LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})


def text_of(path) -> str:
    """The PDF's text, words one space apart, with the font's ligatures spelled out (“ﬁ”)."""
    return " ".join(" ".join(page.extract_text().translate(LIGATURES).split())
                    for page in PdfReader(path).pages)


def _times(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def read_pages(path) -> list[tuple[str, float]]:
    """Each page's text and ink: the share of its bands (between the top and bottom margins) that
    hold ink. One pass over each page's content for both."""
    return [_read(page) for page in PdfReader(path).pages]


def _read(page) -> tuple[str, float]:
    top, bottom = float(page.mediabox.height) - MARGIN, MARGIN
    spans = []

    def on_text(text, cm, tm, font, size):
        if text.strip():
            matrix = _times(tm, cm)
            spans.append((matrix[5], matrix[5] + abs(size * matrix[3])))

    def on_operator(operator, args, cm, tm):
        if operator == b"Do":  # a picture: the unit square under the current matrix
            spans.append((cm[5], cm[5] + cm[3]))
        elif operator == b"re" and abs(float(args[3]) * cm[3]) < SHAPE_MAX:
            y = float(args[1]) * cm[3] + cm[5]
            spans.append((y, y + float(args[3]) * cm[3]))
        elif operator in (b"m", b"l"):
            y = float(args[1]) * cm[3] + cm[5]
            spans.append((y, y))

    text = page.extract_text(visitor_text=on_text, visitor_operand_before=on_operator)
    band = (top - bottom) / BANDS
    inked = set()
    for low, high in (sorted(span) for span in spans):
        if high >= bottom and low <= top:
            first = int((max(low, bottom) - bottom) // band)
            last = int((min(high, top) - bottom) // band)
            inked.update(range(first, min(last, BANDS - 1) + 1))
    return text, len(inked) / BANDS


def headings(notebook) -> list[str]:
    """The notebook's headings as printed text (their first 25 characters)."""
    nb = nbformat.read(notebook, as_version=4)
    found = re.findall(r"^#{1,6}\s+(.+)$", "\n".join(c.source for c in nb.cells if c.cell_type == "markdown"),
                       re.M)
    return [" ".join(htmlbuild.markdown_to_text(h).split())[:25] for h in found]


def near_blank_pages(pages: list[tuple[str, float]], notebook=None) -> list[tuple[int, float]]:
    """Pages (read_pages) with ink in fewer than NEAR_BLANK of their bands, except a section's
    last page: the PDF's last, or one whose next page opens with a heading of the notebook."""
    opening = headings(notebook) if notebook else []
    found = []
    for number, (_, share) in enumerate(pages[:-1], start=1):
        following = " ".join(pages[number][0].split())
        if share < NEAR_BLANK and not any(following.startswith(h) for h in opening):
            found.append((number, share))
    return found


@pytest.fixture(scope="module")
def printed(tmp_path_factory, chromium):
    out = tmp_path_factory.mktemp("pdf")
    pages = ["article.html", "exercises/02_claims.html", "notebooks/03_figures.html"]
    written = pdfbuild.build_pdfs(out, pages, chromium)
    return out, written


def test_the_article_a_worksheet_and_a_lesson_print_to_a4_with_their_text(printed):
    out, written = printed
    assert [p.relative_to(out).as_posix() for p in written] == [
        "article.pdf", "exercises/02_claims.pdf", "lessons/03_figures.pdf"]
    for path in written:
        reader = PdfReader(path)
        assert reader.pages, path
        for page in reader.pages:
            size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
            assert abs(size[0] - A4[0]) < 2 and abs(size[1] - A4[1]) < 2, size
    article = text_of(written[0])
    for number, text in load_article().paragraphs["text"].items():
        opening = " ".join(text.split()[:6])
        assert opening in article, f"paragraph {number} is not in the PDF: {opening!r}"
    sheet = text_of(written[1])
    assert all(f"Task 2.{k}" in sheet for k in (1, 2, 4, 5, 6, 7, 8))
    assert re.search(r"page 1 of \d+", sheet)


def test_the_article_prints_the_publishers_address(printed):
    _, written = printed
    url = load_article().metadata["url"]
    printed_text = "".join(text_of(written[0]).split())
    if url:
        assert url in printed_text, "the article's PDF does not print its address"
    else:  # an article without an address prints none, and no empty link in its place
        assert "http" not in printed_text and "()" not in printed_text


def test_the_exercise_sheet_is_a_worksheet_without_notebook_instructions(printed):
    _, written = printed
    sheet = text_of(written[1])
    for phrase in NOTEBOOK_PHRASES:
        assert phrase.lower() not in sheet.lower(), f"the worksheet says {phrase!r}"
    # room to write under every task (tests/test_worksheets.py counts the lines)
    assert "Your answer to task 2.6 (80 to 150 words)" in sheet
    assert all(f"Your answer to task 2.{k}" in sheet for k in (1, 2, 4, 5, 7, 8))


def test_lesson_3_prints_its_figures_table_whole_and_no_page_near_blank(printed):
    _, written = printed
    pages = read_pages(written[2])
    text = " ".join(" ".join(page.split()) for page, _ in pages)
    # the table of every figure: no column cut off at the page's edge (its qualifier and kind
    # columns were), and the quote column wide enough for several words a line (it held one)
    for figure in range(1, 46):
        assert f"F{figure:03d}" in text
    header = r"unit quali(?:fi|\ufb01)er kind F001 2 November 9 exact date"
    assert re.search(header, text), "a column is cut off"
    lines = "\n".join(page for page, _ in pages).split("\n")
    for words in ("F003 2 2020 Karabakh war", "F015 6 at least 215 square", "F007 4 ceremony of COP29"):
        assert any(words in line for line in lines), f"the quote column is squeezed: {words!r}"
    assert near_blank_pages(pages, PROJECT_ROOT / "notebooks" / "03_figures.ipynb") == []


def test_no_printed_page_is_near_blank_but_a_sections_last(tmp_path, chromium):
    """Every PDF of make pdf (the heavy tier: about a minute)."""
    written = pdfbuild.build_pdfs(tmp_path, None, chromium)
    for path in written:
        relative = path.relative_to(tmp_path)
        folder = {"lessons": "notebooks", "exercises": "exercises"}.get(relative.parent.name)
        notebook = PROJECT_ROOT / folder / f"{path.stem}.ipynb" if folder else None
        assert near_blank_pages(read_pages(path), notebook) == [], relative.as_posix()
