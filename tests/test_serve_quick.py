"""`mkdocs serve` after a save renders again only what the save changes, and the served site is
then exactly what a clean build of the same project writes (adapter/quick_rebuild.py)."""
from __future__ import annotations

import filecmp
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EPOCH, Site, article
from procedure_helpers import procedure_text
from test_documents import document
from test_quota import plan_text

QUICK = "Dựng lại nhanh:"
# MkDocs' lines, as adapter/log_messages.py gives them in Vietnamese
FULL = "Đang dựng trang…"  # `mkdocs serve` starts a full build (MkDocs logs its end only once)
DONE = "Tải lại trang trên trình duyệt."  # after every rebuild, quick or full (one that stopped too:
FAILED = "An error happened during the rebuild"  # adapter/serve_errors.py keeps serving; MkDocs' line is gone)
SAVED = "Có tệp vừa thay đổi: dựng lại."


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`mkdocs serve` of the site; its temporary site folder is the only mkdocs_* folder in TMPDIR."""

    def __init__(self, site: Site, tmp: Path):
        self.site, self.port = site, _free_port()
        self.tmp = tmp / "tmpdir"
        self.tmp.mkdir()
        self.log = site.root / "serve.log"
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self.tmp)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=site.root, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT)
        self.wait_for(lambda text: "Xem trước tại" in text, "the first build")

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def rebuilds(self) -> int:
        text = self.text()
        return text.count(DONE) + text.count(FAILED)

    def wait_for(self, done, what: str, limit: float = 120) -> None:
        deadline = time.monotonic() + limit
        while not done(self.text()):
            assert self.process.poll() is None, self.text()
            assert time.monotonic() < deadline, f"no {what} after {limit} s:\n{self.text()}"
            time.sleep(0.1)

    def save(self, path: str, text: str) -> str:
        """Write the file as an editor saves it; the log lines of the rebuild it caused."""
        before_text, before = self.text(), self.rebuilds()
        time.sleep(0.05)
        self.site.write(path, text)
        self.wait_for(lambda _: self.rebuilds() > before, "rebuild")
        time.sleep(0.5)  # a second event of the same save may start one more rebuild: let it end
        self.wait_for(lambda t: self.rebuilds() >= t.count(SAVED), "end of rebuild")
        return self.text()[len(before_text):]

    @property
    def site_dir(self) -> Path:
        (folder,) = [p for p in self.tmp.iterdir() if p.name.startswith("mkdocs_")]
        return folder

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def clean_build_of(site: Site, served_url: str, work: Path) -> Path:
    """A fresh copy of the project (no cache), with the site_url `mkdocs serve` uses, built."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(site.root, work, ignore=shutil.ignore_patterns(".cache", "site", "serve.log", "tmpdir"))
    copy = Site(work, site_url=served_url, options=site.options)
    copy.build(strict=False)
    return work / "site"


def differences(left: Path, right: Path) -> list[str]:
    found = []

    def walk(compare: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"only in serve: {prefix}{n}" for n in compare.left_only)
        found.extend(f"only in clean build: {prefix}{n}" for n in compare.right_only)
        _, mismatch, errors = filecmp.cmpfiles(compare.left, compare.right, compare.common_files, shallow=False)
        found.extend(f"differs: {prefix}{n}" for n in mismatch + errors)
        for name, sub in compare.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    # The search index (pagefind/, pagefind-nam-moi/) is written by full builds only: a quick rebuild leaves the last one.
    walk(filecmp.dircmp(left, right, ignore=[*filecmp.DEFAULT_IGNORES, "pagefind", "pagefind-nam-moi"]), "")
    return found


@pytest.fixture
def served(site, tmp_path):
    site.add_article("2024/hoi-nghi.md", "Hội nghị triển khai cải cách", "2024-03-05 08:00", tags=["Một cửa"],
                     body="## Mục tiêu\n\nNội dung ban đầu của bài.\n")
    for day in range(1, 14):  # more than one listing page (per_page 10)
        site.add_article(f"2024/tin-{day:02d}.md", f"Tin thứ {day}", f"2024-04-{day:02d} 09:00",
                         categories=["Chuyển đổi số" if day % 2 else "Tin tức CCHC"], tags=["Số hóa"],
                         slug=f"tin-thu-{day}")
    site.write("content/thu-tuc/cap-phep.md", procedure_text())
    site.write("content/ke-hoach/ke-hoach-2024.md", plan_text("Kế hoạch tuyên truyền 2024", "05/KH-STN", "2024-01",
                                                              "2024-12", 2))
    site.write("content/van-ban/kh-12.md", document("12/KH-UBND", "2024-02-03", "Kế hoạch", "Về cải cách hành chính"))
    site.write("content/chi-so.yml", "- index: PAR INDEX\n  year: 2023\n  score: 86.3\n  rank: 6\n  of: 20\n")
    (site.root / "docs").mkdir(exist_ok=True)
    (site.root / "mkdocs.yml").write_text(site.config_text(), encoding="utf-8")
    server = Server(site, tmp_path)
    yield site, server, f"http://127.0.0.1:{server.port}/cchc/", tmp_path / "clean"
    server.stop()


def test_each_kind_of_save_gives_the_site_a_clean_build_gives(served):
    site, server, url, clean = served
    saves = [
        ("content/tin-bai/2024/hoi-nghi.md", article(  # body only: its page, listings' excerpts, feeds, search
            "Hội nghị triển khai cải cách", "2024-03-05 08:00", tags=["Một cửa"],
            body="## Mục tiêu mới\n\nĐoạn đã sửa sau khi lưu.\n")),
        ("content/tin-bai/2024/tin-03.md", article(  # title, category and tags: listings, card, feeds
            "Tin thứ ba đã đổi tên", "2024-04-03 09:00", categories=["Văn bản chỉ đạo"], tags=["Một cửa"],
            slug="tin-thu-3")),
        ("content/tin-bai/2024/hoi-nghi.md", article(  # a key dataclass equality skips (passthrough)
            "Hội nghị triển khai cải cách", "2024-03-05 08:00", tags=["Một cửa"], description="Mô tả mới.",
            body="## Mục tiêu mới\n\nĐoạn đã sửa sau khi lưu.\n")),
        ("content/thu-tuc/cap-phep.md", procedure_text(
            channels=[{"method": "direct", "time": "3 ngày làm việc", "fee": "50.000 đồng"}])),
        ("content/ke-hoach/ke-hoach-2024.md", plan_text(  # the quota page and its exports
            "Kế hoạch tuyên truyền 2024", "05/KH-STN", "2024-01", "2024-12", 3)),
        ("content/van-ban/kh-12.md", document(  # the register's pages and its feed
            "12/KH-UBND", "2024-02-03", "Kế hoạch", "Về cải cách hành chính năm 2024, đã sửa trích yếu")),
        ("content/chi-so.yml",  # the indices page: a new year's result
         "- index: PAR INDEX\n  year: 2023\n  score: 86.3\n  rank: 6\n  of: 20\n"
         "- index: PAR INDEX\n  year: 2024\n  score: 88.4\n  rank: 4\n  of: 20\n"),
    ]
    for path, text in saves:
        log = server.save(path, text)
        assert QUICK in log and FULL not in log, f"{path}: not a quick rebuild\n{log}"
        assert differences(server.site_dir, clean_build_of(site, url, clean)) == [], path
    assert "Đoạn đã sửa sau khi lưu." in (server.site_dir / "tin-bai/2024/03/hoi-nghi-trien-khai-cai-cach/index.html"
                                          ).read_text(encoding="utf-8")


def test_content_is_watched_by_the_systems_file_events_not_polled(served):
    """MkDocs polls what it watches (every file stat()ed twice a second): content/ is too big for that."""
    site, server, _, _ = served
    log = server.text()
    assert "bằng sự kiện của hệ điều hành" in log
    (polled,) = [line for line in log.splitlines() if "Theo dõi thay đổi trong:" in line]
    assert "docs" in polled and "content" not in polled
    assert QUICK in server.save("content/tin-bai/2024/tin-03.md",
                                article("Tin thứ 3", "2024-04-03 09:00", ["Chuyển đổi số"], body="Đã sửa.",
                                        tags=["Số hóa"], slug="tin-thu-3"))


def test_a_new_article_a_new_url_or_a_config_change_rebuilds_everything(served):
    site, server, url, clean = served
    log = server.save("content/tin-bai/2024/hoi-nghi.md", article(  # no slug: a new title is a new URL
        "Hội nghị sơ kết cải cách", "2024-03-05 08:00", tags=["Một cửa"], body="Nội dung.\n"))
    assert FULL in log and QUICK not in log, log
    log = server.save("content/tin-bai/2024/moi.md", article("Bài mới thêm", "2024-05-01 08:00"))
    assert FULL in log and QUICK not in log, log  # a new page: the nav and the file list change
    assert differences(server.site_dir, clean_build_of(site, url, clean)) == []
    site.site_url = "https://khac.example.gov.vn/cchc/"
    log = server.save("mkdocs.yml", site.config_text())
    assert FULL in log and QUICK not in log, log


def test_a_save_with_a_content_error_reports_it_like_a_full_build(served):
    site, server, _, _ = served
    log = server.save("content/tin-bai/2024/tin-05.md", "---\ntitle: Tin thứ 5\ndate: 2024-13-45\n---\nNội dung.\n")
    assert "content/tin-bai/2024/tin-05.md" in log and "[date]" in log, log
    assert "Trang xem trước giữ nguyên bản cũ" in log and "site/" not in log, log  # serve writes no site/
    assert QUICK not in log


def test_a_draft_with_a_problem_leaves_the_other_saves_quick(served):
    """A draft's problem never stops a build: it must not turn every later save into a full rebuild."""
    site, server, url, clean = served
    log = server.save("content/tin-bai/2024/nhap.md",
                      "---\ntitle: Bài nháp chưa xong\ndate: 31/09/2026\ndraft: true\n---\nĐang viết.\n")
    assert "Bài nháp cần sửa trước khi xuất bản" in log and "content/tin-bai/2024/nhap.md" in log, log
    log = server.save("content/tin-bai/2024/tin-03.md", article(
        "Tin thứ 3", "2024-04-03 09:00", ["Chuyển đổi số"], body="Sửa trong lúc còn bài nháp lỗi.",
        tags=["Số hóa"], slug="tin-thu-3"))
    assert QUICK in log and FULL not in log, log
    assert "Bài nháp cần sửa trước khi xuất bản" in log, log  # still said on every rebuild, as a full build does
    assert differences(server.site_dir, clean_build_of(site, url, clean)) == []
