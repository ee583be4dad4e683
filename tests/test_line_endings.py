"""A clone made by Git for Windows (core.autocrlf=true) still loads the article: .gitattributes
keeps data/ byte-exact, so its checksum holds."""

import shutil
import subprocess
import sys

import pytest

from readingpack.paths import PROJECT_ROOT


@pytest.mark.slow
def test_a_clone_with_autocrlf_keeps_the_article_byte_exact(tmp_path):
    if not (PROJECT_ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.fail("this test needs the pack as a git checkout, with git installed")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "-c", "core.autocrlf=true", str(PROJECT_ROOT), str(clone)],
                   check=True)
    article = (clone / "data" / "article" / "article.txt").read_bytes()
    assert b"\r\n" not in article
    probe = ("from readingpack.ledger import Ledger; from pathlib import Path; "
             f"print(len(Ledger(Path({str(clone / 'data')!r})).paragraphs))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert int(result.stdout.strip()) > 0
