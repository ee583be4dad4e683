"""The student edition: the pack without the solutions, the instructors' pages and the tests
that need them, as a folder and a zip.

    python -m packtools.edition                # build/student-edition/readingpack[.zip] (a class)
    python -m packtools.edition --self-study   # .../readingpack-self-study[.zip]: keeps docs/exemplars

The files are those git tracks (`git ls-files`), with the content git holds for them (the index),
never the working folder: grades/, submissions/, build/, .venv, workbook/ and any stray file a
marking run or a notebook left there cannot leak in, and neither can an uncommitted edit.
The README loses its instructors' regions (between
`<!-- BEGIN INSTRUCTORS -->` and `<!-- END INSTRUCTORS -->`) and gains the edition's test
command; the exercise notebooks lose the metadata naming the notebook they were generated from.
"""

import argparse
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from packtools.paths import PROJECT_ROOT

BUILD = PROJECT_ROOT / "build" / "student-edition"
SOLUTIONS = "solutions"
EXEMPLARS = "docs/exemplars/"
# Left out of both editions: instructor pages, tools that only serve the solutions, CI.
LEFT_OUT = (
    "solutions/",
    ".ci/",
    ".github/",
    "docs/instructor-guide.md",
    "docs/adapting.md",  # how to rebuild the pack (exercises from solutions) for another article
    "docs/architecture.md",  # the same, for developers
    "tools/packtools/instructor.py",
    "tools/packtools/assignments.py",
    "tools/packtools/exemplars.py",
    "tests/solution_keys.py",
    "tools/packtools/edition.py",  # builds the edition from the full project (and its git index)
    "tests/test_student_edition.py",
    "tests/test_line_endings.py",  # clones the pack's git repository; the edition is no repository
    "tests/article/test_tasks_lesson",  # state the answer keys as literals
    # the marker: an instructor's tool (it needs bubblewrap, which students do not)
    "tools/packtools/grading.py", "tools/packtools/grade_report.py", "tools/packtools/marking_kernel.py",
    "tools/packtools/sandbox.py", "tools/packtools/sandbox_runner.py", "tools/packtools/answer_export.py",
    "tools/packtools/answer_data.py", "tools/packtools/bench_marking.py", "tools/packtools/templates/grade",
    "tests/test_grading.py", "tests/test_grade_report.py", "tests/test_marks.py", "tests/test_sandbox.py",
    "Dockerfile", ".dockerignore",
)
TEST_COMMAND = "make test"
REGION = re.compile(r"[ \t]*<!-- BEGIN INSTRUCTORS -->.*?<!-- END INSTRUCTORS -->[ \t]*\n?", re.DOTALL)
# Text about the exemplars, which only the self-study edition ships: the class edition drops it.
SELF_STUDY_REGION = re.compile(r"[ \t]*<!-- BEGIN SELF-STUDY -->.*?<!-- END SELF-STUDY -->[ \t]*\n?",
                               re.DOTALL)
SELF_STUDY_MARKER = re.compile(r"[ \t]*<!-- (BEGIN|END) SELF-STUDY -->[ \t]*\n?")
# Tools whose docstrings mention the instructors' build: the edition's copy says it without a path.
REWRITES = {
    "tools/packtools/htmlbuild.py": [
        ("build/html-instructor: solutions/ too", "build/html-instructor: the solutions too"),
    ],
}
EXERCISES_README = """# Exercise notebooks

One notebook per lesson (do not edit these files by hand: they are replaced when the pack is
updated).

Students: do not work in this folder. Run `make workbook` once; it copies these notebooks into
your own `workbook/` folder, which updating the pack never touches.
"""


def tracked(root: Path = PROJECT_ROOT) -> dict[str, bytes]:
    """Every file git tracks, with its content as the index holds it (never the working folder)."""
    listing = subprocess.run(["git", "ls-files", "--stage", "-z"], cwd=root, check=True,
                             capture_output=True).stdout.decode("utf-8")
    entries = []
    for line in listing.split("\0"):
        if line:
            meta, name = line.split("\t", 1)
            mode, sha, _stage = meta.split()
            if mode != "160000":  # not a submodule
                entries.append((name, sha))
    blobs = subprocess.run(["git", "cat-file", "--batch"], cwd=root, check=True, capture_output=True,
                           input="".join(f"{sha}\n" for _, sha in entries).encode()).stdout
    files, offset = {}, 0
    for name, _ in entries:
        header_end = blobs.index(b"\n", offset)
        size = int(blobs[offset:header_end].split()[2])
        files[name] = blobs[header_end + 1:header_end + 1 + size]
        offset = header_end + 1 + size + 1
    return files


def project_files(root: Path = PROJECT_ROOT) -> list[str]:
    """The files git tracks."""
    return sorted(tracked(root))


def needs_solutions(text: str) -> bool:
    """A test that reads solutions/ or imports the answer keys."""
    return bool(re.search(r"solution_keys|[\"'/]solutions[\"'/]|\"solutions\"", text))


def shipped(files: list[str], self_study: bool, root: Path = PROJECT_ROOT,
            content: dict[str, bytes] | None = None) -> list[str]:
    """The files of the edition, from the project's files."""
    out = []
    dropped_tests = set()
    for name in files:
        if name.startswith(LEFT_OUT) or (name.startswith(EXEMPLARS) and not self_study):
            continue
        is_test = name.startswith("tests/") and name.endswith(".py")
        text = (content[name] if content else (root / name).read_bytes()).decode("utf-8") if is_test else ""
        if is_test and needs_solutions(text):
            dropped_tests.add(Path(name).stem)
            continue
        out.append(name)
    # the rendering snapshots of a test file left out would be reported as unused
    return [n for n in out if not ("/__snapshots__/" in n and Path(n).stem in dropped_tests)]


def strip_instructors(text: str, self_study: bool = False) -> str:
    text = SELF_STUDY_MARKER.sub("", text) if self_study else SELF_STUDY_REGION.sub("", text)
    return re.sub(r"\n{3,}", "\n\n", REGION.sub("", text))


def student_readme(text: str, self_study: bool = False) -> str:
    text = strip_instructors(text, self_study)
    note = (
        f"\nThis is the student edition of the pack. Its test command is `{TEST_COMMAND}`: ruff, the unit "
        "and data tests, and nbval over the lessons (strict) and the exercises (lax).\n"
    )
    title, _, rest = text.partition("\n")
    return f"{title}\n{note}{rest}"


def transformed(name: str, data: bytes, self_study: bool = False) -> bytes:
    """The edition's copy of one file."""
    if name == "README.md":
        return student_readme(data.decode("utf-8"), self_study).encode("utf-8")
    if name == "exercises/README.md":
        return EXERCISES_README.encode("utf-8")
    if name.endswith(".md"):
        return strip_instructors(data.decode("utf-8"), self_study).encode("utf-8")
    if name.endswith(".ipynb") and b'"generated_from"' in data:
        nb = json.loads(data)
        nb.get("metadata", {}).get("readingpack", {}).pop("generated_from", None)
        return (json.dumps(nb, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    for old, new in REWRITES.get(name, []):
        data = data.replace(old.encode("utf-8"), new.encode("utf-8"))
    return data


def build(target: Path = BUILD, self_study: bool = False, root: Path = PROJECT_ROOT) -> Path:
    """Write <target>/readingpack[-self-study]/ and its .zip; return the folder."""
    name = "readingpack-self-study" if self_study else "readingpack"
    folder = Path(target) / name
    if folder.exists():
        shutil.rmtree(folder)
    content = tracked(root)
    files = shipped(sorted(content), self_study, root, content)
    for rel in files:
        dest = folder / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(transformed(rel, content[rel], self_study))
        if (root / rel).is_file():
            shutil.copystat(root / rel, dest)  # same times: a venv's install stamps stay valid
    with zipfile.ZipFile(folder.with_suffix(".zip"), "w", zipfile.ZIP_DEFLATED) as archive:
        for rel in files:
            archive.write(folder / rel, f"{name}/{rel}")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--self-study", action="store_true", help="keep docs/exemplars")
    args = parser.parse_args(argv)
    folder = build(self_study=args.self_study)
    zip_path = folder.with_suffix(".zip")
    print(f"wrote {folder.relative_to(PROJECT_ROOT)}/ and {zip_path.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
