"""An editor's ordinary day (issue 19): the preview survives errors, drafts never block, Word habits
are understood, local paths and leftovers are caught, and every line is Vietnamese."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import EPOCH, article

ENGLISH = re.compile(r"\b(the|is|are|with|Building|Cleaning|Documentation|Aborted|Warning|Serving|Page skipped|"
                     r"Watching|Reloading|Detected|MkDocs 2\.0)\b")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 5) -> str:
    """The body, also of an error page (a 404 answers too)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")


def _wait_for(url: str, condition, deadline: float) -> str:
    """The page once `condition(text)` holds; every single request must answer within 5 seconds."""
    last = ""
    while time.monotonic() < deadline:
        try:
            last = _get(url)
        except urllib.error.URLError as error:  # not up yet; a timeout is a failure
            if not isinstance(error.reason, ConnectionRefusedError):
                raise
            time.sleep(0.3)
            continue
        if condition(last):
            return last
        time.sleep(0.3)
    raise AssertionError(f"điều kiện không đạt trước hạn; trang cuối: {last[:500]}")


def _clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    return {**env, "SOURCE_DATE_EPOCH": EPOCH, **extra}


def test_serve_keeps_answering_and_shows_the_error_until_fixed(site):
    page = site.add_article("a.md", "Bài đầu tiên", "2024-03-01")
    (site.root / "docs").mkdir(exist_ok=True)
    (site.root / "mkdocs.yml").write_text(site.config_text(), encoding="utf-8")
    port = _free_port()
    log = open(site.root / "serve.log", "w+", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=site.root, env=_clean_env(), stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}/cchc/"
        deadline = time.monotonic() + 90
        home = _wait_for(base, lambda text: "Bài đầu tiên" in text, deadline)
        assert "cchc-preview-errors" not in home
        page.write_text(article("Bài đầu tiên", "31/09/2026"), encoding="utf-8")
        broken = _wait_for(base, lambda text: "cchc-preview-errors" in text, time.monotonic() + 60)
        assert "content/tin-bai/a.md:3" in broken and "Bài đầu tiên" in broken  # the error, on the last good page
        assert "nội dung có 1 lỗi" in broken and broken.count("<li>content/tin-bai/a.md:3") == 1
        started = time.monotonic()
        css = [line for line in re.findall(r'href="([^"]+\.css)"', broken) if not line.startswith("http")]
        _get(base + css[0].removeprefix("./").lstrip("/") if css else base, timeout=5)  # assets answer too
        assert time.monotonic() - started < 5
        page.write_text(article("Bài đã sửa", "2024-03-01"), encoding="utf-8")
        fixed = _wait_for(base, lambda text: "Bài đã sửa" in text, time.monotonic() + 60)
        assert "cchc-preview-errors" not in fixed
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.seek(0)
        output = log.read()
        log.close()
    assert "content/tin-bai/a.md:3" in output and "Bản xem trước chưa cập nhật" in output
    assert "appear stuck" not in output and "Traceback" not in output
    english = [line for line in output.splitlines() if ENGLISH.search(line) and "/cchc/" not in line]
    assert not english, english


def _english_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ENGLISH.search(line)]


def test_build_without_any_variable_prints_only_vietnamese(site):
    site.add_article("a.md", "Bài đầu tiên", "2024-03-01")
    (site.root / "docs").mkdir(exist_ok=True)
    (site.root / "mkdocs.yml").write_text(site.config_text(), encoding="utf-8")
    run = lambda *args: subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=site.root,  # noqa: E731
                                       env=_clean_env(), capture_output=True, text=True, encoding="utf-8")
    result = run()
    assert result.returncode == 0, result.stderr
    assert "MkDocs 2.0" not in result.stderr and "Dựng trang xong trong" in result.stderr
    assert not _english_lines(result.stdout + result.stderr), result.stderr
    site.add_article("b.md", "Bài lỗi", "31/09/2026")
    failed = run("--strict")
    assert failed.returncode == 1
    assert "content/tin-bai/b.md:3" in failed.stderr
    assert failed.stdout.strip().splitlines()[-1] == "Nội dung có 1 lỗi, cần sửa trước khi xuất bản."  # click's last line
    assert not _english_lines(failed.stdout + failed.stderr), failed.stderr


# -- drafts never block -------------------------------------------------------------------------
def test_a_drafts_problems_are_reported_but_never_block_build_or_check(site):
    site.add_article("a.md", "Bài đã đăng", "2024-03-01")
    site.add_article("nhap-word.md", "Nháp từ Word", "2024-03-02", draft=True,
                     body="![CẦN VIẾT MÔ TẢ ẢNH](anh/khong-co.png)\n")
    site.add_article("nhap-anh.md", "Nháp thiếu ảnh", "2024-03-03", draft=True,
                     image="anh/mat.jpg", image_alt="Ảnh")
    site.add_article("nhap-ngay.md", "Nháp sai ngày", "31/09/2026", draft=True)
    result = site.build(strict=True)  # --strict: a draft's problems are not warnings either
    assert site.exists("tin-bai/2024/03/bai-da-dang/")
    assert site.exists("tin-bai/2024/03/bai-da-dang/the-chia-se.png")  # a draft's problem stops no card either
    assert "Bài nháp cần sửa trước khi xuất bản: content/tin-bai/nhap-word.md:" in result.stderr
    assert "content/tin-bai/nhap-anh.md:" in result.stderr and "content/tin-bai/nhap-ngay.md:" in result.stderr
    check = site.cchc("check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "(bài nháp, chưa xuất bản: không chặn việc xuất bản)" in check.stdout
    assert "lỗi trong bài nháp: không chặn xuất bản" in check.stdout
    report = site.cchc("report")  # nor the report of what was published
    assert report.returncode == 0, report.stdout + report.stderr
    site.add_article("sai.md", "Bài sai", "31/09/2026")  # a published one still stops both
    check = site.cchc("check")
    assert check.returncode == 1
    assert "Chỉ tính lỗi trong nội dung sẽ xuất bản" in check.stdout
    assert site.build(ok=False).returncode == 1


# -- Word habits --------------------------------------------------------------------------------
def test_word_habits_in_frontmatter_and_body_are_understood(site):
    site.write("content/tin-bai/w.md",
               "---\ntitle:\u00a0Hội nghị\u200b trực\u00adtuyến\n"
               "date: 01/03/2024\u00a008:30\n"
               "categories: [“Tin tức CCHC”, ‘Chuyển đổi số’]\n"
               "summary: “Tóm tắt của bài”\n"
               "ta\u200bgs: [một cửa]\n---\n"
               "Tỷ lệ đạt 95\u00a0% với phí 500.000\u00a0đ; Sở\u00a0Khoa học\u200b và Công\u00adnghệ.\n")
    site.build()
    page = site.html("tin-bai/2024/03/hoi-nghi-tructuyen/")
    assert "Hội nghị trựctuyến" in page and "Tóm tắt của bài" in page and "“Tóm tắt" not in page
    assert "95\u00a0%" in page or "95&nbsp;%" in page
    assert "500.000\u00a0đ" in page or "500.000&nbsp;đ" in page
    assert "Sở Khoa học và Côngnghệ" in page
    assert "\u200b" not in page and "\u00ad" not in page and "Sở\u00a0Khoa" not in page
    assert site.exists("tin-bai/chuyen-muc/chuyen-doi-so/") or "Chuyển đổi số" in page


def test_a_real_error_next_to_word_habits_is_reported_at_the_line_the_editor_sees(site):
    site.write("content/tin-bai/w.md",
               "---\ntitle:\u00a0Bài\u00a0thử\ndate:\u00a031/09/2026\u00a008:30\n"
               "categories: [“Tin tức CCHC”]\n---\nNội dung.\n")
    result = site.build(ok=False)
    [line] = [line for line in result.stderr.splitlines() if "w.md" in line]
    assert "content/tin-bai/w.md:3: [date]" in line and "không tồn tại" in line and "\u00a0" not in line
    assert "':'" not in line  # no advice about quoting a colon


# -- caught before publishing -------------------------------------------------------------------
def test_paths_of_the_writers_computer_are_errors_with_the_fix(site):
    site.add_article("a.md", "Ảnh máy tính", "2024-03-01",
                     body="Ảnh: ![Hội nghị](C:\\Users\\a\\IMG.JPG)\n\nTải [kế hoạch](D:/Tai lieu/ke hoach.pdf).\n\n"
                          "<img src=\"file:///home/a/anh.png\" alt=\"x\">\n\n[tep]: \\\\may-chu\\chung\\bao-cao.docx\n")
    site.add_article("b.md", "Ảnh bìa máy tính", "2024-03-02", image="C:\\Anh\\bia.jpg", image_alt="Bìa")
    check = site.cchc("check")
    assert check.returncode == 1
    out = check.stdout
    assert "content/tin-bai/a.md:7: Ảnh 'C:\\Users\\a\\IMG.JPG' trỏ tới một tệp trên máy tính" in out
    assert "content/tin-bai/a.md:9: Liên kết 'D:/Tai lieu/ke hoach.pdf'" in out
    assert "content/tin-bai/a.md:11: Ảnh 'file:///home/a/anh.png'" in out
    assert "content/tin-bai/a.md:13: Liên kết '\\\\may-chu\\chung\\bao-cao.docx'" in out
    assert "content/tin-bai/b.md:" in out and "Ảnh 'C:\\Anh\\bia.jpg'" in out
    assert out.count("Chép tệp vào thư mục cạnh bài viết") == 5
    assert site.build(ok=False).returncode == 1


def test_instructions_of_cchc_new_left_in_a_published_article_are_an_error(site):
    site.write("docs/.keep", "")
    created = site.cchc("new", "Bài mới tinh")
    path = site.root / created.stdout.strip()
    assert site.cchc("check").returncode == 0  # a draft may keep them
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true ", "draft: false"), encoding="utf-8")
    check = site.cchc("check")
    assert check.returncode == 1 and "Nội dung hợp lệ" not in check.stdout
    assert "còn dòng hướng dẫn của mẫu bài: 'Viết đoạn mở đầu ở đây" in check.stdout
    assert "còn dòng hướng dẫn của mẫu bài: 'Viết nội dung bài viết ở đây" in check.stdout


def test_a_category_typo_gets_a_suggestion(site):
    site.add_article("a.md", "Bài", "2024-03-01", categories=["Tin tuc CCHC"])
    site.add_article("b.md", "Bài hai", "2024-03-01", categories=["chuyen doi so"])
    site.add_article("c.md", "Bài ba", "2024-03-01", categories=["Thể thao"])
    out = site.cchc("check").stdout
    assert "Chuyên mục 'Tin tuc CCHC' không có" in out and "Có phải ý bạn là 'Tin tức CCHC'?" in out
    assert "Có phải ý bạn là 'Chuyển đổi số'?" in out
    [line] = [line for line in out.splitlines() if "c.md" in line]
    assert "Có phải ý bạn là" not in line


# -- Word import: usual styles are understood, only real losses are said ------------------------
def _styled_docx() -> bytes:
    import io

    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    doc = Document()
    for name in ("Text Body", "Body Text 3", "Table Contents", "Table Heading", "Nội dung", "Tiêu đề 1", "Quote"):
        if name not in [s.name for s in doc.styles]:
            doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if "Emphasis" not in [s.name for s in doc.styles]:
        doc.styles.add_style("Emphasis", WD_STYLE_TYPE.CHARACTER)
    doc.add_paragraph("Hội nghị trực tuyến về một cửa", style="Title")
    doc.add_paragraph("Đoạn mở đầu kiểu LibreOffice.", style="Text Body")
    doc.add_paragraph("Kết quả chính", style="Tiêu đề 1")
    paragraph = doc.add_paragraph("Đoạn có ", style="Nội dung")
    paragraph.add_run("chữ nhấn mạnh", style="Emphasis")
    doc.add_paragraph("Một câu trích dẫn.", style="Quote")
    doc.add_paragraph("Đoạn kiểu Body Text 3.", style="Body Text 3")
    doc.add_paragraph("Một ý không đánh số.", style="List Paragraph")
    table = doc.add_table(rows=2, cols=2)
    for (i, j), text in {(0, 0): "Chỉ tiêu", (0, 1): "Kết quả", (1, 0): "Hồ sơ", (1, 1): "95%"}.items():
        table.cell(i, j).paragraphs[0].text = text
        table.cell(i, j).paragraphs[0].style = doc.styles["Table Heading" if i == 0 else "Table Contents"]
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_word_and_libreoffice_styles_import_without_false_alarms(site):
    source = site.write("bai.docx", _styled_docx())
    result = site.cchc("import-docx", str(source), "--date", "2026-09-15 08:30", "--category", "Tin tức CCHC")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Lưu ý" not in result.stdout, result.stdout
    assert not _english_lines(result.stdout + result.stderr)
    [written] = (site.root / "content/tin-bai/2026").glob("*.md")
    text = written.read_text(encoding="utf-8")
    assert 'title: "Hội nghị trực tuyến về một cửa"' in text
    assert "## Kết quả chính" in text and "> Một câu trích dẫn." in text and "*chữ nhấn mạnh*" in text
    assert "Đoạn mở đầu kiểu LibreOffice." in text and "| Hồ sơ | 95% |" in text


def test_real_losses_of_a_word_import_are_said_in_vietnamese():
    from types import SimpleNamespace

    from cchc.core.news.docx_import import _mammoth_note
    note = lambda text: _mammoth_note(SimpleNamespace(message=text))  # noqa: E731
    assert note("Unrecognised paragraph style: Body Text (Style ID: TextBody)") is None
    assert note("A w:sym element with an unsupported character was ignored: char F0E0 in font Wingdings") == \
        "Một ký hiệu đặc biệt (phông Wingdings) không chuyển được: gõ lại ký hiệu đó trong bài."
    assert "so sánh bài nháp" in note("Something new happened")
    assert not ENGLISH.search(note("Something new happened"))


# -- smaller: import-tthc when nothing changed, Vietnamese numbers ------------------------------
def test_import_tthc_says_unchanged_without_claiming_it_wrote(site):
    from test_tthc_import import GOOD, HEADER, run_import, write_csv
    source = write_csv(site, "tthc.csv", [HEADER, GOOD])
    code, first = run_import(site, source)
    assert code == 0 and "Đã ghi 1/1 bản ghi (100,0 %)." in first
    code, again = run_import(site, source)
    assert code == 0 and "Đã ghi" not in again
    assert "Không đổi: 1/1 bản ghi giống hệt tệp đang có, không ghi tệp nào." in again


# -- cchc init: a clean project for one agency --------------------------------------------------
def test_cchc_init_makes_a_clean_project_that_builds(tmp_path):
    folder = tmp_path / "chuyen-muc"
    made = subprocess.run([sys.executable, "-m", "cchc.cli", "init", str(folder), "--no-input",
                           "--name", "Sở Tư pháp tỉnh Thử Nghiệm", "--site-url", "https://stp.thu.example.gov.vn/cchc/",
                           "--phone", "0296 3800 000"],
                          env=_clean_env(), capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert made.returncode == 0, made.stdout + made.stderr
    ignore = (folder / ".gitignore").read_text(encoding="utf-8").split()
    assert "site/" in ignore and ".cache/" in ignore
    assert len(list((folder / "content/tin-bai").rglob("*.md"))) == 1  # the demo's content is left out
    assert len(list((folder / "content/thu-tuc").glob("*.md"))) == 1
    assert len(list((folder / "content/ke-hoach").glob("*.md"))) == 1
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=folder, env=_clean_env(),
                           capture_output=True, text=True, encoding="utf-8")
    assert built.returncode == 0, built.stderr
    assert not _english_lines(built.stdout + built.stderr), built.stderr
    home = (folder / "site/index.html").read_text(encoding="utf-8")
    assert "Sở Tư pháp tỉnh Thử Nghiệm" in home and "0296 3800 000" in home and "Hòa Bình Xanh" not in home
    assert (folder / "site/thu-tuc-hanh-chinh/index.html").is_file()
    again = subprocess.run([sys.executable, "-m", "cchc.cli", "init", str(folder), "--no-input", "--name", "X",
                            "--site-url", "https://x.example.gov.vn/"], env=_clean_env(), capture_output=True,
                           text=True, encoding="utf-8")
    assert again.returncode == 1 and "không trống" in again.stdout  # never written over
    missing = subprocess.run([sys.executable, "-m", "cchc.cli", "init", str(tmp_path / "khac"), "--no-input"],
                             env=_clean_env(), capture_output=True, text=True, encoding="utf-8")
    assert missing.returncode == 2 and "--name" in missing.stdout and "--site-url" in missing.stdout


# -- the README a newcomer follows --------------------------------------------------------------
def test_readme_is_short_and_says_how_to_deploy():
    from conftest import REPO
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 200
    assert readme.index("pip install -e . && .venv/bin/mkdocs build") < readme.index("cchc init")
    for word in ("nginx", "Apache", "IIS", "rsync", "FTP/SFTP", "cchc init", ".cache/"):
        assert word in readme, word
    assert "Pelican 4.10.2" not in readme and "inotify" not in readme and "fork" not in readme
    deploy = (REPO / "docs/trien-khai.md").read_text(encoding="utf-8")
    for needed in ("error_page 404 /cchc/404.html", "ErrorDocument 404 /cchc/404.html", 'statusCode="404"',
                   "gzip_types", "DEFLATE", "doStaticCompression", "Cache-Control", "clientCache",
                   "rsync -a --delete", "lftp", "sftp://"):
        assert needed in deploy, needed
    import yaml
    for name in ("gitlab-ci.yml", "github-actions.yml"):
        text = (REPO / "docs/vi-du-ci" / name).read_text(encoding="utf-8")
        yaml.safe_load(text)
        assert ".cache" in text and "mkdocs build --strict" in text
    assert "Pelican 4.10.2" in (REPO / "benchmarks/README.md").read_text(encoding="utf-8")


def test_a_strict_build_stopped_by_warnings_ends_in_vietnamese(site):
    site.add_article("a.md", "Bài có mã lạ", "2024-03-01", body="Đoạn.\n\n<script>alert(1)</script>\n")
    (site.root / "docs").mkdir(exist_ok=True)
    (site.root / "mkdocs.yml").write_text(site.config_text(), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site.root, env=_clean_env(),
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1
    assert result.stdout.strip().splitlines()[-1].startswith("Dừng dựng trang: có 1 cảnh báo ở chế độ nghiêm ngặt")
    assert not _english_lines(result.stdout + result.stderr), result.stdout + result.stderr
    assert not (site.root / "site").exists()


def test_serve_shows_an_error_found_after_the_preview_folder_was_emptied(site, tmp_path):
    site.add_article("a.md", "Bài đầu tiên", "2024-03-01")
    (site.root / "docs").mkdir(exist_ok=True)
    (site.root / "mkdocs.yml").write_text(site.config_text(), encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=site.root,
                              env=_clean_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/cchc/"
        _wait_for(base, lambda text: "Bài đầu tiên" in text, time.monotonic() + 90)
        outside = tmp_path / "ngoai.md"
        outside.write_text("# Ngoài\n", encoding="utf-8")
        (site.root / "docs/lien-ket.md").symlink_to(outside)  # refused in on_files, after MkDocs cleans
        page = _wait_for(base, lambda text: "cchc-preview-errors" in text, time.monotonic() + 60)
        assert "docs/lien-ket.md" in page
        (site.root / "docs/lien-ket.md").unlink()
        fixed = _wait_for(base, lambda text: "Bài đầu tiên" in text and "cchc-preview-errors" not in text,
                          time.monotonic() + 60)
        assert "Bài đầu tiên" in fixed
    finally:
        server.terminate()
        server.wait(timeout=15)


def test_mkdocs_ordinary_lines_are_translated():
    from cchc.adapter.log_messages import translate
    lines = ["Cleaning site directory", "Building documentation to directory: /srv/site",
             "Documentation built in 4.72 seconds", "[10:00:01] Building documentation...",
             "[10:00:01] Serving on http://127.0.0.1:8000/cchc/", "[10:00:01] Watching paths for changes: 'docs'",
             "[10:00:02] Detected file changes", "[10:00:03] Reloading browsers",
             "[10:00:03] Browser connected: http://127.0.0.1:8000/cchc/", "Shutting down...",
             '[10:00:04] "GET /cchc/khong-co/ HTTP/1.1" code 404',
             "[10:00:05] An error happened during the rebuild. The server will appear stuck until build errors are resolved.",
             "Doc file 'a.md' contains a link 'b.md', but the target is not found among documentation files.",
             "Doc file 'a.md' contains a link '#x', but there is no such anchor on this page.",
             "Doc file 'a.md' contains a link 'b.md#x', but the doc 'b.md' does not contain an anchor '#x'.",
             "Doc file 'van-ban/a.md' contains an unrecognized relative link '../../chi-tieu/', it was left as is. "
             "Did you mean '../chi-tieu/index.md'?"]
    for line in lines:
        assert not ENGLISH.search(translate(line).replace("http://127.0.0.1:8000/cchc/", "")), translate(line)
    assert translate("Documentation built in 4.72 seconds") == "Dựng trang xong trong 4,72 giây."
    assert translate("Dựng lại nhanh: 3 trang thay đổi, 0.65 giây.") == "Dựng lại nhanh: 3 trang thay đổi, 0,65 giây."


def test_quotes_that_belong_to_a_title_are_kept():
    from cchc.core.text.word_habits import frontmatter
    assert frontmatter("title: “Dân vận khéo” – kết quả “tốt”") == "title: “Dân vận khéo” – kết quả “tốt”"
    assert frontmatter("title: Hội nghị “Dân vận khéo”") == "title: Hội nghị “Dân vận khéo”"
    assert frontmatter("summary: “Tóm tắt” # ghi chú") == 'summary: "Tóm tắt" # ghi chú'
    assert frontmatter("tags:\n  - ‘một cửa’") == 'tags:\n  - "một cửa"'
