"""Publish the student edition into a git working copy, so students get it with a pull:

    python -m packtools.publish <working copy> [--self-study] [-m MESSAGE]   # make publish-edition REPO=...

It builds the edition (packtools.edition) in a temporary folder, makes the working copy's files
exactly the edition's (files that left the edition are deleted; .git is never touched, and files
git does not track there are left alone and not committed), and commits on the checked-out
branch. Pushing is left to you (`git -C <working copy> push`). The working copy should hold
nothing but the edition: any other tracked file is deleted as having left it.
"""

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from packtools import edition


class PublishError(Exception):
    pass


def _git(repo: Path, *args: str, **kwargs) -> str:
    run = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, **kwargs)
    if run.returncode != 0:
        raise PublishError(f"git {' '.join(args[:2])} failed in {repo}: {run.stderr.strip()}")
    return run.stdout


def tracked(repo: Path) -> set[str]:
    return {name for name in _git(repo, "ls-files", "-z").split("\0") if name}


def sync(source: Path, repo: Path) -> tuple[list[str], list[str]]:
    """Make the working copy's files those of `source`; returns (written, deleted) paths."""
    repo = Path(repo)
    if not (repo / ".git").exists():
        raise PublishError(f"{repo} is not a git working copy (no .git there): clone the course's "
                           "repository first, or run `git init` in an empty folder")
    wanted = sorted(p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file())
    deleted = sorted(tracked(repo) - set(wanted))
    for name in deleted:
        path = repo / name
        path.unlink(missing_ok=True)
        for parent in path.parents:  # empty folders go too
            if parent == repo or any(parent.iterdir()):
                break
            parent.rmdir()
    written = []
    for name in wanted:
        target = repo / name
        if target.is_file() and filecmp.cmp(source / name, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, target)
        written.append(name)
    _git(repo, "add", "--all", "--pathspec-from-file=-", "--pathspec-file-nul",
         input="\0".join(wanted + deleted))
    return written, deleted


def commit(repo: Path, message: str) -> str | None:
    """Commit what sync staged; the new commit's short hash, or None when nothing changed."""
    if not _git(repo, "diff", "--cached", "--name-only"):
        return None
    _git(repo, "commit", "--quiet", "-m", message)
    return _git(repo, "rev-parse", "--short", "HEAD").strip()


def publish(repo: Path, self_study: bool = False, message: str | None = None) -> str | None:
    with tempfile.TemporaryDirectory(prefix="readingpack-edition-") as tmp:
        folder = edition.build(Path(tmp), self_study=self_study)
        written, deleted = sync(folder, Path(repo))
    summary = f"{len(written)} files written, {len(deleted)} deleted"
    print(f"{repo}: {summary}")
    return commit(Path(repo), message or f"Student edition: {summary}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path, help="a git working copy of the course's repository")
    parser.add_argument("--self-study", action="store_true", help="keep the exemplars")
    parser.add_argument("-m", "--message", help="the commit message")
    args = parser.parse_args(argv)
    try:
        made = publish(args.repo, args.self_study, args.message)
    except PublishError as error:
        print(error, file=sys.stderr)
        return 1
    if made is None:
        print("Nothing changed since the last publication: no commit made.")
    else:
        print(f"Committed {made}. Students get it at their next click on the link, after "
              f"`git -C {args.repo} push`.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
