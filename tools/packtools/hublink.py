"""The nbgitpuller link a class follows on a JupyterHub: it logs the student in, clones the course's
repository (the student edition) into the folder `readingpack` of their home on the first click,
merges the teacher's updates on every later click, and opens lesson 0.

    python3 -m packtools.hublink --repo https://git.example.org/course/readingpack.git \\
        [--branch main] [--hub https://hub.example.org]       # what `make hub-link` runs

The folder is set explicitly (nbgitpuller's `targetpath`): without it nbgitpuller names the
folder after the last part of the repository's URL, `.git` included, so the same course could
land in `readingpack.git` for one URL and `readingpack` for another.
"""

import argparse
import sys
from urllib.parse import urlencode, urlsplit

FOLDER = "readingpack"
START = "notebooks/00_start_here.ipynb"
HUB_PLACEHOLDER = "https://<your-hub>"


def link(repo: str, branch: str = "main", hub: str = HUB_PLACEHOLDER,
         folder: str = FOLDER, start: str = START) -> str:
    """The link: <hub>/hub/user-redirect/git-pull?repo=...&branch=...&targetpath=...&urlpath=..."""
    query = urlencode({
        "repo": repo, "branch": branch, "targetpath": folder, "urlpath": f"lab/tree/{folder}/{start}",
    })
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def problem(repo: str, branch: str, hub: str) -> str | None:
    """What is wrong with the arguments, in words, or None."""
    if not repo:
        return ("Say which repository students pull: "
                "make hub-link REPO=<git URL> [BRANCH=main] [HUB=<hub URL>]")
    if urlsplit(repo).scheme not in ("https", "http", "file", "git", "ssh"):
        return f"REPO={repo!r} is not a git URL (it should start with https://)"
    if not branch or " " in branch:
        return f"BRANCH={branch!r} is not a branch name"
    if hub != HUB_PLACEHOLDER and urlsplit(hub).scheme not in ("https", "http"):
        return f"HUB={hub!r} is not the hub's address (it should start with https://)"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default="")
    parser.add_argument("--branch", default="main")
    parser.add_argument("--hub", default=HUB_PLACEHOLDER)
    args = parser.parse_args(argv)
    message = problem(args.repo, args.branch, args.hub)
    if message:
        print(message, file=sys.stderr)
        return 2
    print(link(args.repo, args.branch, args.hub))
    if args.hub == HUB_PLACEHOLDER:
        print(f"(replace {HUB_PLACEHOLDER} with your hub's address, or pass HUB=...)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
