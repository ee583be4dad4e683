"""make pdf: the numbered article and the lesson and exercise sheets print to A4 PDFs that hold
their text (read back with pypdf)."""

import re

from pypdf import PdfReader

from packtools import pdfbuild
from readingpack.article import load_article

A4 = (595.3, 841.9)  # points (210 x 297 mm); Chromium rounds to whole CSS pixels


def text_of(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_the_article_and_an_exercise_sheet_print_to_a4_with_their_text(tmp_path, chromium):
    written = pdfbuild.build_pdfs(tmp_path, ["article.html", "exercises/02_claims.html"], chromium)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["article.pdf", "exercises/02_claims.pdf"]
    for path in written:
        reader = PdfReader(path)
        assert reader.pages, path
        for page in reader.pages:
            size = (float(page.mediabox.width), float(page.mediabox.height))
            assert abs(size[0] - A4[0]) < 2 and abs(size[1] - A4[1]) < 2, size
    article = text_of(written[0])
    for number, text in load_article().paragraphs["text"].items():
        opening = " ".join(text.split()[:6])
        assert opening in article, f"paragraph {number} is not in the PDF: {opening!r}"
    sheet = text_of(written[1])
    assert all(f"Task 2.{k}" in sheet for k in (1, 2, 4, 5, 6, 7, 8))
    assert re.search(r"page 1 of \d+", sheet)
