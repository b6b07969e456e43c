"""The published folder only ever holds a complete site: failed, strict-failed, concurrent and killed builds."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from pathlib import Path

from cchc.adapter import staging

from conftest import EPOCH


def no_old_folders(root, seconds=30):
    """Old sites are deleted by a detached process after the build returned: wait for it."""
    limit = time.monotonic() + seconds
    while True:
        left = [p.name for p in root.iterdir() if p.name.startswith(".site.") and p.is_dir()]
        if not left or time.monotonic() > limit:
            return not left
        time.sleep(0.05)


def tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def strict_failure(site):
    """A first good build, then a change that only --strict refuses, after every page was written."""
    site.add_article("a.md", "Một", "2024-03-01")
    site.build()
    before = tree(site.root / "site")
    site.add_article("b.md", "Hai", "2024-04-01")
    site.write("docs/gioi-thieu.md", "# Giới thiệu\n\nXem [trang không có](khong-co.md).\n")  # a warning
    result = site.build(ok=False)
    return before, result


def test_strict_failure_leaves_site_byte_identical(site):
    before, result = strict_failure(site)
    assert result.returncode != 0
    assert "khong-co.md" in result.stderr
    assert tree(site.root / "site") == before
    assert "được giữ nguyên" in result.stderr
    assert no_old_folders(site.root)


def test_without_staging_the_same_failure_damages_the_site(site):
    """Proves the scenario above would catch a build that writes into site/ directly."""
    site.options["atomic"] = False
    before, result = strict_failure(site)
    assert result.returncode != 0
    assert tree(site.root / "site") != before


def test_content_error_keeps_the_previous_site(site):
    site.add_article("a.md", "Một", "2024-03-01")
    site.build()
    before = tree(site.root / "site")
    site.add_article("b.md", "Hỏng", "31/02/2024")
    assert site.build(ok=False).returncode != 0
    assert tree(site.root / "site") == before


def test_two_builds_at_once_both_succeed_with_a_complete_site(site):
    for n in range(12):
        site.add_article(f"a{n}.md", f"Bài số {n}", f"2024-03-{n + 1:02d}")
    site.build()  # writes mkdocs.yml
    expected = set(tree(site.root / "site"))
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    for _round in range(2):
        runs = [subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site.root, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        outputs = [run.communicate(timeout=300) for run in runs]
        assert [run.returncode for run in runs] == [0, 0], outputs
        assert set(tree(site.root / "site")) == expected
        for name in ("index.html", "sitemap.xml", "pagefind/pagefind-entry.json", "feed.xml"):
            assert (site.root / "site" / name).is_file(), name
        assert (site.root / "site" / "assets").is_dir()
    assert no_old_folders(site.root)


def test_leftovers_of_a_killed_build_are_removed(site):
    site.add_article("a.md", "Một", "2024-03-01")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)  # a process that has ended
    for name in (f".site.dang-xay-dung-{pid}-abcd1234", f".site.cu-{pid}-abcd1234"):
        (site.root / name / "assets").mkdir(parents=True)
    live = site.root / f".site.dang-xay-dung-{os.getpid()}-live0000"  # a build still running: left alone
    live.mkdir()
    site.build()
    left = sorted(p.name for p in site.root.iterdir() if p.name.startswith(".site.") and p.is_dir())
    assert left == [live.name]
    assert site.exists("")


def test_the_build_does_not_wait_for_the_old_site_to_be_deleted(tmp_path, monkeypatch):
    """Deleting the previous site (15,000 files: a second or more) is left to a detached process."""
    final = tmp_path / "site"
    (final / "tin-bai").mkdir(parents=True)
    (final / "tin-bai" / "index.html").write_text("cũ", encoding="utf-8")
    output = staging.StagedOutput(str(final))
    new = Path(output.start())
    (new / "index.html").write_text("mới", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise AssertionError("the build deleted the old site itself")

    monkeypatch.setattr(staging.shutil, "rmtree", refuse)
    output.commit()
    assert tree(final) == {"index.html": "mới".encode("utf-8")}
    assert no_old_folders(tmp_path)


def test_an_old_site_whose_deleter_runs_is_left_to_it(tmp_path):
    final = tmp_path / "site"
    deleter = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        old = tmp_path / f".site.cu-{deleter.pid}-abcd1234"
        (old / "assets").mkdir(parents=True)
        staging.StagedOutput(str(final)).start()
        assert old.is_dir()
    finally:
        deleter.kill()
        deleter.wait()


def test_pages_that_stay_the_same_are_linked_from_the_old_site_never_written_into(site):
    """A page whose bytes are those of the site being replaced is a hard link to the old file (no new
    data on disk); a changed page, or an old file edited by hand since, is written anew; and nothing
    of the build writes into a linked file: the old site is byte-identical until it is replaced."""
    site.add_article("a.md", "Một", "2024-01-01")
    site.add_article("c.md", "Ba", "2024-02-01")
    site.add_article("d.md", "Bốn", "2024-03-01")
    site.add_article("b.md", "Hai", "2024-04-01")  # far from a: not its neighbour either
    site.build()
    root = site.root / "site"
    pages = sorted(root.rglob("index.html"))
    assert len(pages) > 5
    article_a = next(p for p in pages if "/mot/" in p.as_posix())
    about = next(p for p in pages if p != article_a and "Hai".encode() not in p.read_bytes())  # does not show b
    about.write_bytes(about.read_bytes() + b"<!-- sua tay -->")  # edited by hand on the server
    before = {p: (p.stat().st_ino, p.read_bytes()) for p in pages}
    site.add_article("b.md", "Hai, sửa tiêu đề", "2024-04-01")
    site.build()
    assert no_old_folders(site.root)
    kept = {p for p in pages if p.exists() and p.stat().st_ino == before[p][0]}
    assert article_a in kept  # unchanged: the same file, linked
    assert about not in kept and b"sua tay" not in about.read_bytes()  # edited by hand: written anew
    assert not any("/hai/" in p.as_posix() for p in kept)  # its page changed
    assert all(p.read_bytes() == before[p][1] for p in kept)
    assert len(kept) > len(pages) // 3


@pytest.mark.skipif(os.name != "posix", reason="a FIFO and SIGINT to one process")
@pytest.mark.parametrize("module", ["cchc.core.file_writer", "cchc.core.cache_writer",
                                    "cchc.core.media.card_batch", "cchc.core.media.image_jobs"])
def test_ctrl_c_ends_a_helper_process_without_a_traceback(tmp_path, module):
    """Ctrl-C reaches every process of the build's group: MkDocs says the build was stopped, and
    the helpers (waiting for work here) end without printing a Python traceback."""
    import signal

    from cchc.core import helper_process

    waiting = tmp_path / "yeu-cau.json"  # a FIFO nobody writes: the helper waits in it for its request
    os.mkfifo(waiting)
    if module.endswith("writer"):  # these wait on their standard input instead
        argument = str(tmp_path / "cache.sqlite3") if module.endswith("cache_writer") else str(tmp_path)
        process = helper_process.start(module, argument, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    else:
        process = helper_process.start(module, str(waiting), stderr=subprocess.PIPE)
    time.sleep(1.5)  # started, imported, waiting
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=20)
    assert process.returncode == -signal.SIGINT and errors == b""
