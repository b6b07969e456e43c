"""A build that uses the caches is always the clean build, whatever changed in between.

A random sequence of every kind of change an editor or IT staff makes (each kind once, in a random
order, with random text) is applied to a small site; after each change a warm build (caches as the
last build left them) must equal, byte for byte, a cold build of the same project with no cache.
Each kind reaches a different input of a cache key: the article's Markdown, a file a snippet line
pulls in, a hand-written page's `# title` (the menu of every page), a value from `INHERIT: base.yml`,
a value from `!ENV`, the image code (how it calls the WebP encoder) and a same-size edit that keeps the
modification time. Leaving any one of these out of its key makes this test fail.
Set CCHC_STALE_SEED to replay a sequence.
"""
from __future__ import annotations

import io
import os
import random
import re
import shutil
import time
from pathlib import Path
from types import SimpleNamespace

from PIL import Image

from cchc.core.file_state import file_state
from conftest import REPO, Site
from test_build_cache import cached_site  # noqa: F401 - a fixture
from test_serve_quick import SAVED, clean_build_of, differences, served  # noqa: F401 - served is a fixture

CACHE = ".cache/cchc"
WORDS = ["cải cách", "một cửa", "số hóa", "dịch vụ công", "tiếp nhận", "hồ sơ", "thủ tục", "trả kết quả"]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def photo(width: int, height: int, rng: random.Random) -> bytes:
    """A JPEG with detail in it (a flat colour encodes the same at every quality)."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3)).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


class StaleSite(Site):
    """mkdocs.yml with INHERIT and !ENV, as IT staff write it for several agencies."""

    def config_text(self) -> str:
        return super().config_text() + "INHERIT: base.yml\ncopyright: !ENV [CCHC_BAN_QUYEN, 'Bản quyền mặc định']\n"


def edit_same_stat(path: Path, text: str) -> None:
    """Replace the file's text by one of the same size and put its modification time back (`cp -p`)."""
    old = path.read_bytes()
    new = text.encode("utf-8")[: len(old)].ljust(len(old), b" ")
    stat = path.stat()
    path.write_bytes(new)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


class Project:
    def __init__(self, root: Path, rng: random.Random):
        self.rng = rng
        self.site = StaleSite(root / "project")
        self.site.extra_config = {"markdown_extensions": [
            {"toc": {"slugify": self.site.config()["markdown_extensions"][0]["toc"]["slugify"]}},
            {"pymdownx.snippets": {"base_path": [str(root / "project")], "check_paths": True}}]}
        self.env = {"CCHC_BAN_QUYEN": "Bản quyền thuộc Sở Thử nghiệm"}
        self.code = root / "code"  # a copy of the package whose image code was changed, once used
        site = self.site
        site.write("content/tin-bai/anh/bia.jpg", photo(900, 500, rng))
        site.write("content/doan-chung.md", "Đoạn dùng chung: giờ tiếp nhận hồ sơ từ 7 giờ 30.\n")
        site.add_article("a.md", "Bài có ảnh bìa", "2026-10-01 08:00", tags=["một cửa"], image="anh/bia.jpg",
                         image_alt="Quang cảnh", body="Đoạn đầu.\n\n## Mục\n\nThân bài.")
        site.add_article("b.md", "Bài có đoạn dùng chung", "2026-10-05 08:00",
                         body='Mở đầu.\n\n--8<-- "content/doan-chung.md"\n\nKết thúc.')
        site.add_article("c.md", "Bài thứ ba", "2026-11-02 08:00", body="Bài ba, nội dung ngắn gọn.")
        site.write("docs/gioi-thieu.md", "# Giới thiệu chuyên mục\n\nTrang viết tay.\n")
        site.write("base.yml", "site_author: Văn phòng Sở\n")

    def words(self) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(6))

    # -- the kinds of change ------------------------------------------------------------------
    def article(self) -> None:
        name = self.rng.choice(["a.md", "b.md", "c.md"])
        path = self.site.root / "content/tin-bai" / name
        path.write_text(path.read_text(encoding="utf-8") + f"\nĐoạn thêm: {self.words()}.\n", encoding="utf-8")

    def snippet(self) -> None:
        self.site.write("content/doan-chung.md", f"Đoạn dùng chung đã sửa: {self.words()}.\n")

    def title(self) -> None:
        self.site.write("docs/gioi-thieu.md", f"# Giới thiệu {self.words()}\n\nTrang viết tay.\n")

    def inherit(self) -> None:
        self.site.write("base.yml", f"site_author: Phòng {self.words()}\n")

    def environment(self) -> None:
        self.env = {"CCHC_BAN_QUYEN": f"Bản quyền {self.words()}"}

    def code_change(self) -> None:
        """The image code as a new release would change it, same version number and same settings:
        the WebP encoder is called with another quality."""
        shutil.copytree(REPO / "plugins" / "cchc", self.code / "cchc")
        images = self.code / "cchc" / "core" / "media" / "images.py"
        text = images.read_text(encoding="utf-8")
        call = 'picture.save(out, "WEBP", quality=settings.webp_quality, method=4)'
        assert call in text
        images.write_text(text.replace(call, call.replace("settings.webp_quality", str(self.rng.randrange(30, 60)))),
                          encoding="utf-8")

    def same_stat(self) -> None:
        path = self.site.root / "content/tin-bai/c.md"
        old = path.read_text(encoding="utf-8")
        edit_same_stat(path, old.replace("nội dung ngắn gọn", "NỘI DUNG NGẮN GỌN"))

    KINDS = ("article", "snippet", "title", "inherit", "environment", "code_change", "same_stat")

    # -- builds ---------------------------------------------------------------------------------
    def build(self) -> dict[str, bytes]:
        env = dict(self.env)
        if self.code.exists():
            env["PYTHONPATH"] = os.pathsep.join([str(self.code), os.environ.get("PYTHONPATH", "")])
        self.site.build(env=env)
        return tree(self.site.root / "site")


def test_warm_builds_equal_cold_builds_after_any_sequence_of_changes(tmp_path):
    seed = int(os.environ.get("CCHC_STALE_SEED") or random.SystemRandom().randrange(1 << 30))
    rng = random.Random(seed)
    project = Project(tmp_path, rng)
    project.build()  # fills the caches
    kinds = list(Project.KINDS)
    rng.shuffle(kinds)
    for step, kind in enumerate(kinds):
        getattr(project, kind)()
        warm = project.build()
        shutil.rmtree(project.site.root / CACHE)
        cold = project.build()
        stale = sorted(path for path in warm.keys() | cold.keys() if warm.get(path) != cold.get(path))
        assert stale == [], f"CCHC_STALE_SEED={seed}, bước {step} ({kind}; trước đó {kinds[:step]}): {stale[:8]}"


def test_serve_sees_an_edit_that_keeps_size_and_modification_time(served):
    """`cp -p`, `rsync -a` or a coarse file-system clock: the save changes neither size nor mtime."""
    site, server, url, clean = served
    path = site.root / "content/tin-bai/2024/hoi-nghi.md"
    old = path.read_text(encoding="utf-8")
    before = server.rebuilds()
    edit_same_stat(path, old.replace("Nội dung ban đầu của bài.", "Nội dung SỬA LẠI của bài."))
    server.wait_for(lambda _: server.rebuilds() > before, "rebuild")
    time.sleep(0.5)
    server.wait_for(lambda t: server.rebuilds() >= t.count(SAVED), "end of rebuild")
    page = server.site_dir / "tin-bai/2024/03/hoi-nghi-trien-khai-cai-cach/index.html"
    assert "Nội dung SỬA LẠI của bài." in page.read_text(encoding="utf-8")
    assert differences(server.site_dir, clean_build_of(site, url, clean)) == []


def _stat(size: int, mtime_ns: int, ctime_ns: int, inode: int = 7) -> SimpleNamespace:
    return SimpleNamespace(st_size=size, st_mtime_ns=mtime_ns, st_ctime_ns=ctime_ns, st_ino=inode)


def test_a_racy_file_is_compared_by_content_until_it_settles(tmp_path):
    """A file changed in the clock tick it was looked at keeps its digest; the next look reads it again
    even though its stat did not move (git's racily clean entries)."""
    path = tmp_path / "bai.md"
    path.write_text("nội dung A", encoding="utf-8")
    seen = 100 * 10**9
    racy = _stat(12, seen - 10**9, seen - 10**9)
    first = file_state(str(path), racy, seen)
    assert first[4] is not None  # changed a second before the look: digest kept
    path.write_text("nội dung B", encoding="utf-8")  # same size, and (faked) same times
    later = file_state(str(path), racy, seen + 60 * 10**9, before=first)
    assert later != first
    settled_stat = _stat(12, seen - 60 * 10**9, seen - 60 * 10**9)
    assert file_state(str(path), settled_stat, seen)[4] is None  # settled: its stat is enough, nothing read


def _rendered(stderr: str) -> int:
    found = re.search(r"dùng lại (\d+) trang, dựng mới (\d+) trang", stderr)
    assert found, stderr
    return int(found.group(2))


def test_publishing_one_article_renders_only_the_pages_that_show_it(cached_site):
    """No date, no digest of the whole site in a page's key: the pages rendered again are exactly
    the pages whose HTML changes (its page, listings, month, year, category, tag, home, neighbour)."""
    site = cached_site
    for day in range(10, 20):  # more articles elsewhere, in another category and tag
        site.add_article(f"khac-{day}.md", f"Tin khác số {day}", f"2026-09-{day} 08:00", categories=["Chuyển đổi số"],
                         tags=["số hóa"], body=f"Bài khác số {day}.")
    site.build()
    before = {p: b for p, b in tree(site.root / "site").items() if p.endswith(".html")}
    site.add_article("moi.md", "Bài mới xuất bản", "2026-11-10 08:00", tags=["một cửa"], body="Bài mới.",
                     image="anh/bia.jpg", image_alt="Quang cảnh")  # a new share crop: in no other key
    rendered = _rendered(site.build().stderr)
    after = {p: b for p, b in tree(site.root / "site").items() if p.endswith(".html")}
    changed = sorted(p for p in after if before.get(p) != after[p])
    assert "tin-bai/2026/09/tin-khac-so-15/index.html" not in changed
    assert rendered == len(changed), " ".join(changed)
