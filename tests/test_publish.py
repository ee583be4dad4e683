"""make publish-edition (packtools.publish): the student edition committed into the course's
git working copy, whose .git and untracked files are left alone; files that left the edition
are deleted, and nothing of the instructors' is ever committed."""

import subprocess

import pytest

from packtools import publish


def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def working_copy(tmp_path):
    repo = tmp_path / "course"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "config", "user.name", "Teacher")
    git(repo, "config", "user.email", "teacher@example.org")
    (repo / "old" / "gone.md").parent.mkdir()
    (repo / "old" / "gone.md").write_text("left the edition\n", encoding="utf-8")
    git(repo, "add", "old/gone.md")
    git(repo, "commit", "--quiet", "-m", "an older edition")
    (repo / "notes.txt").write_text("the teacher's own, untracked\n", encoding="utf-8")
    return repo


def test_publish_commits_the_edition_and_only_it(working_copy):
    made = publish.publish(working_copy)
    assert made is not None
    committed = git(working_copy, "ls-files").split()
    assert "notebooks/00_start_here.ipynb" in committed and "hub/Dockerfile" in committed
    assert not [f for f in committed if f.startswith(("solutions/", "docs/instructor-guide.md"))]
    assert not (working_copy / "old").exists() and "old/gone.md" not in committed
    assert (working_copy / "notes.txt").exists() and "notes.txt" not in committed
    assert (working_copy / ".git" / "HEAD").is_file()
    assert git(working_copy, "status", "--porcelain").strip() == "?? notes.txt"
    assert publish.publish(working_copy) is None  # nothing changed: no empty commit


def test_a_change_is_one_commit_with_only_that_file(working_copy, tmp_path):
    publish.publish(working_copy)
    source = tmp_path / "source"
    for name in git(working_copy, "ls-files").split():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes((working_copy / name).read_bytes())
    (source / "README.md").write_text("changed\n", encoding="utf-8")
    written, deleted = publish.sync(source, working_copy)
    assert (written, deleted) == (["README.md"], [])
    assert publish.commit(working_copy, "README") is not None
    assert git(working_copy, "show", "--name-only", "--format=", "HEAD").split() == ["README.md"]


def test_a_folder_without_git_is_refused_with_a_message(tmp_path):
    with pytest.raises(publish.PublishError, match="not a git working copy"):
        publish.sync(tmp_path, tmp_path / "nowhere")
