"""Build benchmark: our site against Pelican on the same generated articles, in one run.

    .venv/bin/python benchmarks/run.py                       # 1,000 and 3,000 articles, 500 procedures
    .venv/bin/python benchmarks/run.py 10000 --procedures 2000 --no-serve
    .venv/bin/python benchmarks/run.py 3000 --profile        # also the top of a cProfile of a cold build

For each size: generate the project (gen_articles.py), build it cold (no site/, no .cache/), build it
again with nothing changed (warm), then with one new article dated in the newest year, then one opening a new
year (both search bundles indexed again), start `mkdocs serve` and time saving one article until the
server returns the page with the change, then build the same articles with Pelican (installed
into WORK/pelican-venv). Memory is the peak resident size of the build process (os.wait4); CPU is
the user + system time of the build and the processes it waited for (card workers, the render
helper), steadier than wall time on a shared machine and the limit once both cores are busy.
"""
from __future__ import annotations

import argparse
import cProfile  # noqa: F401 - run as `python -m cProfile` below; imported to fail early if missing
import os
import pstats
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import gen_articles
import pelican_site

EPOCH = "1795316400"  # 2026-11-23: fixed build date, so two runs build the same site
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}


@dataclass
class Row:
    label: str
    pages: int
    seconds: float
    memory_mb: float | None = None
    cpu: float | None = None

    def cells(self, pelican: float | None) -> str:
        rate = f"{self.pages / self.seconds:8.0f}" if self.pages else f"{'':>8}"
        pages = f"{self.pages:>7}" if self.pages else f"{'':>7}"
        memory = f"{self.memory_mb:8.0f}" if self.memory_mb else f"{'':>8}"
        cpu = f"{self.cpu:8.1f}" if self.cpu else f"{'':>8}"
        ratio = f"{self.seconds / pelican:6.2f}" if pelican else f"{'':>6}"
        return f"{self.label:<34} {pages} {self.seconds:8.2f} {rate} {memory} {cpu} {ratio}"


HEADER = f"{'':<34} {'trang':>7} {'giây':>8} {'trang/s':>8} {'MB đỉnh':>8} {'CPU s':>8} {'/Pelican':>6}"


def measured(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """(seconds, peak resident MB, CPU seconds) of one command; its output goes to cwd/benchmark.log."""
    os.sync()  # the last build's files and deletions written out first: they would slow this one
    time.sleep(2)
    with (cwd / "benchmark.log").open("a") as log:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"{' '.join(args)} thất bại, xem {cwd / 'benchmark.log'}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def html_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def mkdocs_build(project: Path, label: str) -> Row:
    seconds, memory, cpu = measured([sys.executable, "-m", "mkdocs", "build", "-q"], project)
    return Row(label, html_pages(project / "site"), seconds, memory, cpu)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def serve_times(project: Path, article: gen_articles.GeneratedArticle, edits: int = 2) -> list[float]:
    """Seconds from saving the article to `mkdocs serve` returning its page with the change."""
    from cchc.core.text.vietnamese import slugify  # the project's own slug rule gives the article's URL

    port = free_port()
    year, month = article.date[:4], article.date[5:7]
    url = f"http://127.0.0.1:{port}/cchc/tin-bai/{year}/{month}/{slugify(article.title)}/"
    log = (project / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    times = []
    try:
        if wait_for(url, "<html", 600) is None:
            sys.exit(f"mkdocs serve không trả trang {url}; xem {project / 'serve.log'}")
        source = project / "content" / "tin-bai" / article.path
        original = source.read_text(encoding="utf-8")
        for edit in range(edits):
            marker = f"Đoạn sửa đổi số {edit} {time.time_ns()}"
            time.sleep(1.0)  # a quiet server, as when an editor saves
            source.write_text(original + f"\n{marker}\n", encoding="utf-8")
            seconds = wait_for(url, marker, 900)
            if seconds is None:
                sys.exit(f"Sau 900 s mkdocs serve vẫn chưa có thay đổi; xem {project / 'serve.log'}")
            times.append(seconds)
        source.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(10)
        log.close()
    return times


def profile(project: Path, top: int = 25) -> None:
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    out = project / "build.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "-q"],
                   cwd=project, env=ENV, check=True)
    stats = pstats.Stats(str(out))
    total = stats.total_tt
    print(f"\ncProfile của một lần dựng nguội ({project.name}), tổng {total:.1f} s; {top} mục đầu theo thời gian tích lũy:")
    stats.sort_stats("cumulative").print_stats(top)


def publish_one(project: Path, date: str = "2026-11-20 09:00", name: str = "bai-moi-xuat-ban") -> Path:
    """One new article (newest of the site, with a cover), as an editor publishes it. The default date
    opens a new year (the generated articles end in 2025): the one case where both search bundles are
    indexed again; a date in 2025 is the everyday case."""
    path = project / "content" / "tin-bai" / date[:4] / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Bài mới xuất bản để đo thời gian dựng {name}\ndate: {date}\n"
                    "categories: [Tin tức CCHC]\ntags: [một cửa]\nimage: ../anh/anh-1.jpg\n"
                    "image_alt: Ảnh minh họa\n---\nMột đoạn văn của bài mới.\n", encoding="utf-8")
    return path


def run_size(work: Path, count: int, procedures: int, pelican: Path | None, serve: bool) -> None:
    """Measure one size; print each row as soon as it is measured (Pelican first: the ratio needs it)."""
    project = work / f"cchc-{count}"
    articles = gen_articles.generate(project, count, procedures)
    reference = None
    if pelican is not None:
        other = work / f"pelican-{count}"
        shutil.rmtree(other, ignore_errors=True)
        pelican_site.write(other, articles, project / "content" / "tin-bai" / "anh")
        seconds, memory, cpu = measured(pelican_site.build_command(pelican, other), other)
        print(Row(f"Pelican 4.10, {count} bài", html_pages(other / "output"), seconds, memory, cpu).cells(None),
              flush=True)
        reference = seconds
    label = f"{count} bài + {procedures} TTHC"
    shutil.rmtree(project / ".cache", ignore_errors=True)
    print(mkdocs_build(project, f"cchc nguội, {label}").cells(reference), flush=True)
    print(mkdocs_build(project, f"cchc ấm, {label}").cells(reference), flush=True)
    publish_one(project, "2025-12-20 09:00", "bai-moi-trong-nam")
    print(mkdocs_build(project, f"cchc thêm 1 bài trong năm, {label}").cells(reference), flush=True)
    publish_one(project)
    print(mkdocs_build(project, f"cchc thêm 1 bài năm mới, {label}").cells(reference), flush=True)
    if serve:
        times = serve_times(project, articles[len(articles) // 2])
        print(Row(f"cchc serve lưu→thấy, {count} bài", 0, max(times)).cells(None), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 3000], help="numbers of articles")
    parser.add_argument("--procedures", type=int, default=500, help="procedures in every project")
    parser.add_argument("--work", type=Path, default=Path(__file__).resolve().parent / "out",
                        help="work folder (projects, Pelican's virtual environment)")
    parser.add_argument("--no-pelican", action="store_true")
    parser.add_argument("--no-serve", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile a cold build of the largest size")
    options = parser.parse_args()
    options.work.mkdir(parents=True, exist_ok=True)
    pelican = None if options.no_pelican else pelican_site.install(options.work / "pelican-venv")
    print(HEADER)
    for count in options.sizes:
        run_size(options.work, count, options.procedures, pelican, not options.no_serve)
    if options.profile:
        profile(options.work / f"cchc-{max(options.sizes)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
