"""Nothing not meant for readers reaches site/ (issue 23): snippet lines, stray files, photo metadata,
config values, oversized input and odd file names."""
from __future__ import annotations

import json

import pytest

from cchc.core.news.html_markdown import blocks
from conftest import article
from procedure_helpers import add_procedure

SECRET = "MAT-KHAU-DB=khong-cong-bo-9931"
SNIPPETS = {"markdown_extensions": [{"toc": {}}, {"pymdownx.snippets": {"base_path": ["."], "check_paths": True}}]}


def site_text(site) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in (site.root / "site").rglob("*") if p.is_file())


# -- 1. snippet lines ------------------------------------------------------------------------------
def test_snippet_lines_in_articles_procedures_and_plans_include_nothing(site):
    site.extra_config.update(SNIPPETS)
    site.write(".env", SECRET + "\n")
    site.add_article("nhap.md", "Bản nháp BI-MAT-NHAP", "2024-03-02", body="Chưa duyệt BI-MAT-NHAP.", draft=True)
    site.add_article("a.md", "Bài có dòng lạ", "2024-03-01",
                     body='Mở đầu.\n\n--8<-- ".env"\n\n;--8<-- "content/tin-bai/nhap.md"\n\n--8<--\n.env\n--8<--\n\n'
                          '--8<-- "/khong/co/tep-nay.md"\n\nCâu --8<-- [start:x] giữa dòng.\n')
    add_procedure(site, body='1. Nộp hồ sơ.\n\n--8<-- ".env"\n')
    site.write("content/ke-hoach/kh.md", "---\ntitle: Kế hoạch tuyên truyền\nnumber: \"01/KH\"\nissued: 2024-01-05\n"
               "issuer: \"Sở\"\nstart: 2024-01\nend: 2024-12\ntarget: 2\n---\n--8<-- \".env\"\n")
    result = site.build()
    assert "Traceback" not in result.stderr
    text = site_text(site)
    assert SECRET not in text and "BI-MAT-NHAP" not in text
    page = site.html("tin-bai/2024/03/bai-co-dong-la/")
    assert "--8&lt;-- &#34;.env&#34;" in page or '--8&lt;-- ".env"' in page  # shown as written
    assert ';--8&lt;-- ' in page and "giữa dòng" in page and "[start:x]" in page


def test_hand_written_pages_still_include_the_documentation(site):
    site.extra_config.update(SNIPPETS)
    site.write("docs/trang.md", '# Trang\n\n--8<-- "phan.md"\n')
    site.write("phan.md", "ĐOẠN-DÙNG-CHUNG\n")
    site.build()
    assert "ĐOẠN-DÙNG-CHUNG" in site.html("trang/")


def test_word_link_targets_cannot_start_a_line():
    (kind, text), = blocks('<p><a href="http://x/)\n\n--8&lt;-- &quot;mkdocs.yml&quot;">xem</a> tiếp</p>')
    assert "\n" not in text and text.startswith("[xem](http://x/%29--8%3C--%20%22mkdocs.yml%22)")


def test_imported_procedure_bodies_include_no_file(site):
    site.extra_config.update(SNIPPETS)
    site.write(".env", SECRET + "\n")
    record = {"code": "1.000010", "name": "Thủ tục nhập", "field": "Đăng kiểm", "level": "Cấp bộ",
              "decision": "877/QĐ-BGTVT", "agency": "Chi cục Đăng kiểm", "body": '--8<-- ".env"\n',
              "channels": [{"method": "direct", "time": "1 ngày làm việc", "fee": "Không"}]}
    result = site.cchc("import-tthc", str(site.write("ds.json", json.dumps([record]))))
    assert result.returncode == 0, result.stdout + result.stderr
    written = (site.root / "content/thu-tuc/1.000010.md").read_text(encoding="utf-8")
    assert '\\--8<-- ".env"' in written
    site.build()
    assert SECRET not in site_text(site)
    assert "--8&lt;--" in site.html("thu-tuc-hanh-chinh/1.000010/")
