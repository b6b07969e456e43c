"""Legacy encodings in content and imports: `cchc check` names the line, `--fix-encoding` repairs it."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import EPOCH, article


def _legacy_site(site):
    site.add_article("2026/cu.md", "Bài cũ", "2026-05-02 08:00",
                     body="Céng hoµ x· héi chñ nghÜa ViÖt Nam\n\nDòng này đúng Unicode.\n")
    site.add_article("2026/vni.md", "Coäng hoøa xaõ hoäi chuû nghóa", "2026-05-03 08:00")
    site.add_article("2026/dung.md", "Bài đúng", "2026-05-04 08:00", body="Cộng hòa xã hội chủ nghĩa Việt Nam\n")


def test_check_names_file_line_and_fix(site):
    _legacy_site(site)
    result = site.cchc("check")
    assert result.returncode == 1
    out = result.stdout
    assert ("content/tin-bai/2026/cu.md:7: Chữ gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) bị đọc như Unicode: "
            "«Céng hoµ x· héi …» → «Cộng hoà xã hội …».") in out
    assert "content/tin-bai/2026/vni.md:2: Chữ gõ bằng bảng mã VNI (phông VNI-Times)" in out
    assert "cchc check --fix-encoding" in out
    assert "dung.md" not in out
    assert "Nội dung có 2 lỗi" in out
    assert not site.build(ok=False).returncode == 0  # never published as it is


def test_fix_encoding_without_terminal_needs_yes(site):
    _legacy_site(site)
    before = (site.root / "content/tin-bai/2026/cu.md").read_bytes()
    result = site.cchc("check", "--fix-encoding")  # stdin is not a terminal here
    assert result.returncode == 2
    assert "chạy lại với '--yes'" in result.stderr and "Chưa tệp nào bị sửa" in result.stderr
    assert "  - Céng hoµ x· héi chñ nghÜa ViÖt Nam" in result.stdout
    assert "  + Cộng hoà xã hội chủ nghĩa Việt Nam" in result.stdout
    assert (site.root / "content/tin-bai/2026/cu.md").read_bytes() == before


def test_fix_encoding_yes_rewrites_only_legacy_lines(site):
    _legacy_site(site)
    site.write("content/tin-bai/2026/crlf.md",
               "\ufeff" + article("Bài CRLF", "2026-05-05 08:00", body="§éc lËp - Tù do - H¹nh phóc").replace("\n", "\r\n"))
    right = (site.root / "content/tin-bai/2026/dung.md").read_bytes()
    result = site.cchc("check", "--fix-encoding", "--yes")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Đã chuyển 3 dòng sang Unicode trong 3 tệp." in result.stdout
    assert "Nội dung hợp lệ" in result.stdout
    text = (site.root / "content/tin-bai/2026/cu.md").read_text(encoding="utf-8")
    assert "Cộng hoà xã hội chủ nghĩa Việt Nam\n\nDòng này đúng Unicode.\n" in text
    assert "title: Cộng hòa xã hội chủ nghĩa" in (site.root / "content/tin-bai/2026/vni.md").read_text(encoding="utf-8")
    crlf = (site.root / "content/tin-bai/2026/crlf.md").read_bytes()
    assert crlf.startswith(b"\xef\xbb\xbf---\r\n") and "Độc lập - Tự do - Hạnh phúc\r\n".encode() in crlf
    assert (site.root / "content/tin-bai/2026/dung.md").read_bytes() == right
    assert site.cchc("check", "--fix-encoding").stdout.startswith("Không có dòng nào")


def test_fix_encoding_asks_at_a_terminal(site):
    """With a terminal the question is asked; 'k' leaves every file as it was."""
    import pty
    import os
    _legacy_site(site)
    site.run("-c", "pass")  # writes mkdocs.yml
    before = (site.root / "content/tin-bai/2026/cu.md").read_bytes()
    leader, follower = pty.openpty()
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen([sys.executable, "-m", "cchc.cli", "check", "--fix-encoding"], cwd=site.root, env=env,
                               stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.write(leader, b"k\n")
    out, _ = process.communicate(timeout=60)
    os.close(leader), os.close(follower)
    assert process.returncode == 1
    assert "Ghi 2 dòng đã chuyển sang Unicode vào 2 tệp?" in out.decode()
    assert (site.root / "content/tin-bai/2026/cu.md").read_bytes() == before


def test_import_tthc_repairs_legacy_values_with_a_note(site):
    record = {"ma_thu_tuc": "1.000010", "ten_thu_tuc": "CÊp giÊy phÐp ho¹t ®éng", "linh_vuc": "An toàn bức xạ",
              "cap_thuc_hien": "Cấp tỉnh", "so_quyet_dinh": "1/QĐ", "co_quan_thuc_hien": "Sở Khoa học",
              "cach_thuc_thuc_hien": "Trực tiếp", "thoi_han_giai_quyet": "5 ngày", "phi_le_phi": "Không"}
    path = site.write("r.json", json.dumps(record, ensure_ascii=False))
    result = site.cchc("import-tthc", str(path))
    out = result.stdout + result.stderr
    assert "Lưu ý: r.json, bản ghi 1, 'name': đã chuyển sang Unicode." in out
    text = (site.root / "content/thu-tuc/1.000010.md").read_text(encoding="utf-8")
    assert "name: Cấp giấy phép hoạt động" in text
