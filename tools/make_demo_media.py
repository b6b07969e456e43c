#!/usr/bin/env python3
"""Tạo ảnh, văn bản đính kèm và biểu mẫu cho nội dung demo (content/).

Chạy lại bất cứ lúc nào; kết quả luôn giống hệt nhau (byte-identical) trên
cùng một môi trường:

    .venv/bin/python tools/make_demo_media.py

- Ảnh bìa/ảnh minh họa: JPEG 1200x675, quality 80, không EXIF, hình khối màu
  cố định và chữ tiếng Việt có dấu, vẽ bằng phông Be Vietnam Pro (gói PyPI
  fontpkg-be-vietnam-pro, cài cùng dự án; không tải gì khi chạy).
- Văn bản PDF (giả lập bản scan): trang A4 vẽ bằng Pillow. Chữ tiếng Việt cần
  font có đủ dấu (DejaVu Sans); nếu máy không có, dùng font mặc định và bỏ dấu.
  Ngày tạo/sửa trong PDF được cố định.
- XLSX (openpyxl) và DOCX (OOXML tối giản) được đóng gói lại với thời gian cố
  định trong file zip và trong docProps/core.xml.

Cần: Pillow, openpyxl.
"""

from __future__ import annotations

import io
import re
import sys
import time
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)
FIXED_ISO = "2025-01-01T00:00:00Z"
FIXED_PDF_TIME = time.gmtime(1735689600)  # 2025-01-01 00:00:00 UTC

W, H = 1200, 675

DEJAVU_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/local/share/fonts/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
]
DEJAVU_BOLD_CANDIDATES = [p.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf") for p in DEJAVU_CANDIDATES]

written: list[Path] = []


def _out(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    written.append(path)
    return path


# --------------------------------------------------------------------------
# Ảnh JPEG
# --------------------------------------------------------------------------

def default_font(size: int) -> ImageFont.FreeTypeFont:
    """The font of the social cards (cchc.core.media.fonts): every Vietnamese diacritic, installed by pip."""
    from cchc.core.media.fonts import MISSING, vietnamese_font

    path = vietnamese_font(700)
    if path is None:
        sys.exit(MISSING)
    return ImageFont.truetype(str(path), size)


def save_jpeg(im: Image.Image, path: Path) -> None:
    im = im.convert("RGB")
    im.info.clear()
    im.save(_out(path), "JPEG", quality=80, optimize=False, progressive=False)


def base_canvas(bg: tuple[int, int, int], band: tuple[int, int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    im = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(im)
    d.rectangle([0, H - 90, W, H], fill=band)
    d.text((40, H - 68), "SỞ KH&CN HÒA BÌNH XANH  |  CẢI CÁCH HÀNH CHÍNH", font=default_font(28), fill=(255, 255, 255))
    return im, d


def img_hoi_nghi(path: Path) -> None:
    """Hội trường: sân khấu, phông đỏ, bục phát biểu, các hàng ghế."""
    im, d = base_canvas((236, 230, 218), (150, 24, 30))
    d.rectangle([120, 60, 1080, 300], fill=(178, 30, 36))          # phông sân khấu
    d.rectangle([160, 95, 1040, 170], fill=(200, 160, 40))         # dải chữ
    d.text((200, 108), "HỘI NGHỊ CCHC 2025", font=default_font(44), fill=(150, 24, 30))
    d.rectangle([120, 300, 1080, 340], fill=(120, 80, 50))         # mặt sân khấu
    d.rectangle([540, 200, 660, 300], fill=(90, 60, 40))           # bục
    d.ellipse([585, 160, 615, 190], fill=(60, 40, 30))
    for row in range(4):                                            # hàng ghế
        y = 390 + row * 45
        for col in range(14):
            x = 110 + col * 70 + (row % 2) * 30
            d.ellipse([x, y, x + 32, y + 32], fill=(40 + row * 20, 50 + row * 15, 90))
    save_jpeg(im, path)


def img_chu_ky_so(path: Path) -> None:
    """Lớp tập huấn: màn chiếu, máy tính xách tay, token chữ ký số."""
    im, d = base_canvas((222, 234, 246), (20, 70, 140))
    d.rectangle([90, 50, 660, 380], fill=(255, 255, 255), outline=(60, 60, 60), width=6)
    d.text((130, 90), "CHỮ KÝ SỐ", font=default_font(52), fill=(20, 70, 140))
    d.line([130, 180, 600, 180], fill=(20, 70, 140), width=4)
    for i in range(4):
        d.rectangle([130, 210 + i * 38, 560 - i * 60, 228 + i * 38], fill=(170, 190, 215))
    for i in range(3):                                              # laptop
        x = 720 + i * 150
        d.rectangle([x, 300, x + 120, 380], fill=(50, 55, 65))
        d.rectangle([x - 10, 380, x + 130, 395], fill=(120, 125, 135))
    d.rounded_rectangle([800, 90, 1080, 200], radius=30, fill=(230, 160, 30))   # token USB
    d.rectangle([1080, 125, 1130, 165], fill=(170, 170, 170))
    d.text((840, 125), "TOKEN", font=default_font(40), fill=(60, 40, 10))
    save_jpeg(im, path)


def img_nen_tang(path: Path) -> None:
    """Sơ đồ nền tảng số: các khối kết nối về trung tâm dữ liệu."""
    im, d = base_canvas((232, 244, 236), (25, 110, 70))
    center = (600, 280)
    nodes = [(180, 120), (180, 440), (1020, 120), (1020, 440), (600, 40), (330, 280), (870, 280)]
    labels = ["KH", "CN", "TĐC", "SHTT", "API", "DVC", "ISO"]
    for x, y in nodes:
        d.line([center, (x, y)], fill=(90, 150, 110), width=5)
    d.ellipse([500, 180, 700, 380], fill=(25, 110, 70))
    d.text((528, 258), "DỮ LIỆU", font=default_font(34), fill=(255, 255, 255))
    for (x, y), label in zip(nodes, labels):
        d.rounded_rectangle([x - 75, y - 32, x + 75, y + 32], radius=14, fill=(255, 255, 255),
                            outline=(25, 110, 70), width=4)
        d.text((x - 45, y - 16), label, font=default_font(30), fill=(25, 110, 70))
    save_jpeg(im, path)


def img_ky_nang_so(path: Path) -> None:
    """Phòng máy: các dãy bàn máy tính, bảng trắng."""
    im, d = base_canvas((245, 238, 226), (200, 100, 20))
    d.rectangle([380, 40, 820, 200], fill=(255, 255, 255), outline=(120, 120, 120), width=5)
    d.text((420, 95), "KỸ NĂNG SỐ", font=default_font(46), fill=(200, 100, 20))
    for row in range(3):
        y = 250 + row * 105
        d.rectangle([80, y + 60, 1120, y + 75], fill=(150, 110, 70))   # mặt bàn
        for col in range(7):
            x = 110 + col * 145
            d.rectangle([x, y, x + 100, y + 58], fill=(40, 45, 55))
            d.rectangle([x + 8, y + 8, x + 92, y + 50], fill=(90 + col * 15, 150, 210 - row * 30))
    save_jpeg(im, path)


def img_cao_diem(path: Path) -> None:
    """Pano tuyên truyền: băng rôn, cờ, biểu tượng loa."""
    im, d = base_canvas((250, 243, 225), (160, 20, 30))
    d.rectangle([60, 70, 1140, 250], fill=(196, 28, 36))
    d.text((110, 120), "CCHC 2026", font=default_font(72), fill=(255, 220, 60))
    d.polygon([(860, 110), (960, 80), (960, 240), (860, 210)], fill=(255, 220, 60))   # loa
    d.rectangle([820, 130, 860, 190], fill=(255, 220, 60))
    for i in range(3):
        d.arc([940 + i * 30, 100 - i * 20, 1040 + i * 50, 220 + i * 20], start=-50, end=50,
              fill=(255, 220, 60), width=6)
    for i in range(9):                                                # dây cờ
        x = 70 + i * 130
        d.polygon([(x, 300), (x + 90, 300), (x + 45, 370)],
                  fill=(196, 28, 36) if i % 2 == 0 else (230, 180, 30))
    d.line([60, 300, 1140, 300], fill=(90, 60, 40), width=4)
    d.rectangle([150, 420, 1050, 560], fill=(255, 255, 255), outline=(196, 28, 36), width=5)
    d.text((200, 465), "DVC  |  ĐỀ ÁN 06  |  ISO 9001", font=default_font(38), fill=(160, 20, 30))
    save_jpeg(im, path)


def img_bieu_do(path: Path) -> None:
    """Biểu đồ cột: tỷ lệ (%) hồ sơ trực tuyến / trực tiếp theo tháng, 6 tháng đầu năm 2026."""
    im = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((60, 30), "HỒ SƠ 6 THÁNG ĐẦU NĂM 2026 (%)", font=default_font(32), fill=(30, 30, 30))
    x0, y0, x1, y1 = 120, 120, 1140, 580
    d.line([x0, y1, x1, y1], fill=(30, 30, 30), width=3)
    d.line([x0, y0, x0, y1], fill=(30, 30, 30), width=3)
    for v in range(0, 101, 20):
        y = y1 - v * 4
        d.line([x0 - 8, y, x1, y], fill=(225, 225, 225) if v else (30, 30, 30), width=1)
        d.text((x0 - 60, y - 12), str(v), font=default_font(22), fill=(80, 80, 80))
    online = [84, 85, 87, 89, 90, 92]
    direct = [16, 15, 13, 11, 10, 8]
    for i, (a, b) in enumerate(zip(online, direct)):
        x = x0 + 40 + i * 165
        d.rectangle([x, y1 - a * 4, x + 60, y1], fill=(25, 110, 170))
        d.rectangle([x + 66, y1 - b * 4, x + 126, y1], fill=(230, 140, 30))
        d.text((x + 40, y1 + 12), f"T{i + 1}", font=default_font(26), fill=(30, 30, 30))
    d.rectangle([760, 40, 790, 70], fill=(25, 110, 170))
    d.text((800, 40), "TRỰC TUYẾN", font=default_font(22), fill=(30, 30, 30))
    d.rectangle([970, 40, 1000, 70], fill=(230, 140, 30))
    d.text((1010, 40), "TRỰC TIẾP", font=default_font(22), fill=(30, 30, 30))
    save_jpeg(im, path)


# --------------------------------------------------------------------------
# PDF (trang A4 vẽ bằng Pillow, giống bản scan văn bản)
# --------------------------------------------------------------------------

def _find(paths: list[str]) -> str | None:
    for p in paths:
        if Path(p).is_file():
            return p
    return None


_REGULAR = _find(DEJAVU_CANDIDATES)
_BOLD = _find(DEJAVU_BOLD_CANDIDATES) or _REGULAR
if _REGULAR is None:
    print("Cảnh báo: không tìm thấy DejaVu Sans; PDF sẽ dùng font mặc định, chữ không dấu.",
          file=sys.stderr)


def _fold(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def doc_font(size: int, bold: bool = False):
    path = _BOLD if bold else _REGULAR
    if path is None:
        return default_font(size)
    return ImageFont.truetype(path, size)


def _txt(text: str) -> str:
    return text if _REGULAR else _fold(text)


def _wrap(d: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    words, lines, cur = text.split(), [], ""
    for w in words:
        trial = f"{cur} {w}".strip()
        if d.textlength(trial, font=font) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def make_pdf(path: Path, *, left_header: list[str], number: str, place_date: str,
             title: list[str], paragraphs: list[str], signer: list[str], pdf_title: str) -> None:
    """Một trang A4 (100 dpi) theo thể thức văn bản hành chính, lưu PDF."""
    pw, ph = 827, 1169
    im = Image.new("L", (pw, ph), 255)
    d = ImageDraw.Draw(im)
    f_small_b = doc_font(14, bold=True)
    f_small = doc_font(14)
    f_body = doc_font(15)
    f_title = doc_font(18, bold=True)

    def center(text, font, cx, y):
        t = _txt(text)
        d.text((cx - d.textlength(t, font=font) / 2, y), t, font=font, fill=0)

    y = 60
    for i, line in enumerate(left_header):
        center(line, f_small_b if i else f_small, 200, y + i * 20)
    center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f_small_b, 570, y)
    center("Độc lập - Tự do - Hạnh phúc", f_small_b, 570, y + 20)
    d.line([505, y + 45, 635, y + 45], fill=0, width=1)
    d.line([160, y + 25 + 20 * (len(left_header) - 1), 240, y + 25 + 20 * (len(left_header) - 1)], fill=0)
    y += 70
    center(number, f_small, 200, y)
    center(place_date, doc_font(14), 570, y)
    y += 60
    for line in title:
        center(line, f_title, pw / 2, y)
        y += 28
    y += 20
    for para in paragraphs:
        for j, line in enumerate(_wrap(d, _txt(para), f_body, pw - 180)):
            d.text((75 + (30 if j == 0 else 0), y), line, font=f_body, fill=0)
            y += 24
        y += 8
    y += 30
    for i, line in enumerate(signer):
        center(line, f_small_b if i < 2 else f_small, 600, y + i * 22)
    center("(Văn bản minh họa cho nội dung demo)", f_small, pw / 2, ph - 60)
    im.save(_out(path), "PDF", resolution=100.0, title=pdf_title,
            author="Sở Khoa học và Công nghệ tỉnh Hòa Bình Xanh",
            creator="tools/make_demo_media.py", producer="Pillow",
            creationDate=FIXED_PDF_TIME, modDate=FIXED_PDF_TIME)


def make_form_pdf(path: Path, *, form_no: str, title: list[str], fields: list[str], pdf_title: str) -> None:
    """Mẫu đơn một trang: tiêu đề, các dòng kẻ để điền."""
    pw, ph = 827, 1169
    im = Image.new("L", (pw, ph), 255)
    d = ImageDraw.Draw(im)
    f = doc_font(15)
    fb = doc_font(15, bold=True)
    ft = doc_font(18, bold=True)

    def center(text, font, cx, y):
        t = _txt(text)
        d.text((cx - d.textlength(t, font=font) / 2, y), t, font=font, fill=0)

    d.text((pw - 75 - d.textlength(_txt(form_no), font=f), 40), _txt(form_no), font=f, fill=0)
    center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fb, pw / 2, 80)
    center("Độc lập - Tự do - Hạnh phúc", fb, pw / 2, 102)
    d.line([pw / 2 - 80, 129, pw / 2 + 80, 129], fill=0)
    y = 170
    for line in title:
        center(line, ft, pw / 2, y)
        y += 28
    y += 10
    center("Kính gửi: Sở Khoa học và Công nghệ tỉnh Hòa Bình Xanh", f, pw / 2, y)
    y += 50
    for i, field in enumerate(fields, 1):
        t = _txt(f"{i}. {field}: ")
        d.text((75, y), t, font=f, fill=0)
        x = 75 + d.textlength(t, font=f)
        for dx in range(int(x), pw - 75, 6):
            d.point((dx, y + 17), fill=0)
        y += 40
    y += 20
    d.text((75, y), _txt("Tôi xin cam đoan các thông tin kê khai trên là đúng sự thật."), font=f, fill=0)
    y += 60
    center("........, ngày ..... tháng ..... năm 20.....", f, 600, y)
    center("NGƯỜI ĐỀ NGHỊ", fb, 600, y + 26)
    center("(Ký, ghi rõ họ tên; đóng dấu nếu là tổ chức)", f, 600, y + 50)
    im.save(_out(path), "PDF", resolution=100.0, title=pdf_title,
            author="Sở Khoa học và Công nghệ tỉnh Hòa Bình Xanh",
            creator="tools/make_demo_media.py", producer="Pillow",
            creationDate=FIXED_PDF_TIME, modDate=FIXED_PDF_TIME)


# --------------------------------------------------------------------------
# Zip cố định thời gian (XLSX, DOCX)
# --------------------------------------------------------------------------

def write_zip(path: Path, members: list[tuple[str, bytes]]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    _out(path).write_bytes(buf.getvalue())


def normalize_ooxml(raw: bytes) -> list[tuple[str, bytes]]:
    members = []
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                              rf"\g<1>{FIXED_ISO}\g<2>", text)
                data = text.encode("utf-8")
            members.append((info.filename, data))
    return members


def save_workbook(wb, path: Path) -> None:
    wb.properties.creator = "Sở Khoa học và Công nghệ tỉnh Hòa Bình Xanh"
    buf = io.BytesIO()
    wb.save(buf)
    write_zip(path, normalize_ooxml(buf.getvalue()))


def make_xlsx_sipas(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws["A1"] = "KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC NĂM 2025"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Sở Khoa học và Công nghệ tỉnh Hòa Bình Xanh (số liệu minh họa)"
    header = ["STT", "Tiêu chí", "Số phiếu", "Hài lòng và rất hài lòng", "Tỷ lệ (%)"]
    ws.append([])
    ws.append(header)
    for c in ws[4]:
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="1F4E79")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    rows = [
        ("Tiếp cận dịch vụ công", 412, 398),
        ("Thủ tục hành chính (thành phần hồ sơ, phí, thời hạn)", 412, 391),
        ("Công chức trực tiếp giải quyết công việc", 412, 405),
        ("Kết quả giải quyết thủ tục hành chính", 412, 401),
        ("Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", 96, 88),
    ]
    # Ghi giá trị đã tính (không dùng công thức) để mọi trình xem đều hiển thị được số liệu.
    for i, (name, total, ok) in enumerate(rows, 1):
        ws.append([i, name, total, ok, round(ok / total * 100, 1)])
    sum_total = sum(r[1] for r in rows)
    sum_ok = sum(r[2] for r in rows)
    ws.append(["", "Tổng số lượt đánh giá", sum_total, sum_ok, round(sum_ok / sum_total * 100, 1)])
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)
    for col, width in zip("ABCDE", (6, 52, 12, 22, 12)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A5"

    ws2 = wb.create_sheet("Theo quý")
    ws2.append(["Quý", "Số phiếu", "Tỷ lệ hài lòng (%)"])
    for q, n, pct in (("Quý I", 88, 94.3), ("Quý II", 101, 95.0), ("Quý III", 109, 96.3), ("Quý IV", 114, 97.4)):
        ws2.append([q, n, pct])
    for c in ws2[1]:
        c.font = Font(bold=True)
    ws2.column_dimensions["A"].width = 12
    ws2.column_dimensions["C"].width = 20
    save_workbook(wb, path)


def make_xlsx_form(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Phiếu thông tin"
    ws["A1"] = "PHIẾU THÔNG TIN NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ ĐANG TIẾN HÀNH"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "(Mẫu 05 - dùng cho tổ chức chủ trì; điền vào cột C)"
    ws.append([])
    ws.append(["STT", "Thông tin", "Nội dung kê khai"])
    for c in ws[4]:
        c.font = Font(bold=True)
    items = [
        "Tên nhiệm vụ", "Mã số nhiệm vụ (nếu có)", "Cấp quản lý nhiệm vụ",
        "Tổ chức chủ trì", "Chủ nhiệm nhiệm vụ", "Thời gian thực hiện (từ tháng/năm đến tháng/năm)",
        "Tổng kinh phí (triệu đồng)", "Trong đó: ngân sách nhà nước (triệu đồng)",
        "Mục tiêu chính", "Sản phẩm dự kiến", "Lĩnh vực khoa học", "Người liên hệ, điện thoại, thư điện tử",
    ]
    for i, item in enumerate(items, 1):
        ws.append([i, item, ""])
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions["C"].width = 60
    save_workbook(wb, path)


def make_docx(path: Path, *, form_no: str, title: list[str], intro: str, fields: list[str],
              closing: str) -> None:
    """DOCX tối giản (WordprocessingML) với các dòng để điền."""
    def para(text: str, *, bold=False, center=False, right=False, italic=False, size=26) -> str:
        ppr = ""
        if center or right:
            ppr = f'<w:pPr><w:jc w:val="{"center" if center else "right"}"/></w:pPr>'
        rpr = "<w:rPr>" + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + \
              f'<w:sz w:val="{size}"/></w:rPr>'
        return (f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')

    body = [
        para(form_no, right=True, italic=True, size=22),
        para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True),
        para("Độc lập - Tự do - Hạnh phúc", bold=True, center=True),
        para(""),
    ]
    body += [para(t, bold=True, center=True, size=28) for t in title]
    body += [para(""), para("Kính gửi: Sở Khoa học và Công nghệ tỉnh Hòa Bình Xanh", center=True), para(intro)]
    body += [para(f"{i}. {f}: " + "." * 60) for i, f in enumerate(fields, 1)]
    body += [para(closing), para(""),
             para("........, ngày ..... tháng ..... năm 20.....", right=True, italic=True),
             para("NGƯỜI ĐỀ NGHỊ", bold=True, right=True),
             para("(Ký, ghi rõ họ tên; đóng dấu nếu là tổ chức)", right=True, italic=True, size=22)]
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body>" + "".join(body) +
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/>'
        "</w:sectPr></w:body></w:document>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/>'
        '<Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
        'Target="docProps/core.xml"/>'
        "</Relationships>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(' '.join(title))}</dc:title>"
        "<dc:creator>Sở Khoa học và Công nghệ tỉnh Hòa Bình Xanh</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_ISO}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_ISO}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    write_zip(path, [
        ("[Content_Types].xml", content_types.encode("utf-8")),
        ("_rels/.rels", rels.encode("utf-8")),
        ("docProps/core.xml", core.encode("utf-8")),
        ("word/document.xml", document.encode("utf-8")),
    ])


# --------------------------------------------------------------------------

SO_HEADER = ["UBND TỈNH HÒA BÌNH XANH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
SIGNER = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "(đã ký)"]


def main() -> None:
    tb = CONTENT / "tin-bai"
    # Ảnh
    img_hoi_nghi(tb / "2025/anh/hoi-nghi-trien-khai-tuyen-truyen.jpg")
    img_chu_ky_so(tb / "2025/anh/tap-huan-chu-ky-so.jpg")
    img_nen_tang(tb / "2026/anh/nen-tang-quan-ly-nhiem-vu.jpg")
    img_ky_nang_so(tb / "2026/anh/lop-boi-duong-ky-nang-so.jpg")
    img_cao_diem(tb / "2026/anh/cao-diem-tuyen-truyen.jpg")
    img_bieu_do(tb / "2026/anh/bieu-do-ho-so-6-thang-2026.jpg")

    # Văn bản đính kèm tin bài
    make_pdf(
        tb / "2026/van-ban/ke-hoach-cchc-2026.pdf",
        left_header=SO_HEADER, number="Số: 12/KH-SKHCN",
        place_date="Hòa Bình Xanh, ngày 09 tháng 01 năm 2026",
        title=["KẾ HOẠCH", "Cải cách hành chính năm 2026"],
        paragraphs=[
            "I. MỤC TIÊU: Tiếp tục đổi mới cách giải quyết thủ tục hành chính theo hướng lấy người "
            "dân, doanh nghiệp làm trung tâm; nâng tỷ lệ hồ sơ trực tuyến toàn trình và thanh toán "
            "trực tuyến; cải thiện Chỉ số cải cách hành chính của Sở.",
            "II. NHIỆM VỤ TRỌNG TÂM: 1. Cải cách thể chế và rà soát, đơn giản hóa thủ tục hành chính. "
            "2. Cải cách tổ chức bộ máy sau sắp xếp. 3. Xây dựng đội ngũ công chức chuyên nghiệp. "
            "4. Cải cách tài chính công. 5. Chuyển đổi số, xây dựng cơ quan số.",
            "III. CHỈ TIÊU: 100% thủ tục đủ điều kiện được cung cấp trực tuyến toàn trình; "
            "tối thiểu 80% hồ sơ nộp trực tuyến; 100% hồ sơ được số hóa khi tiếp nhận; "
            "mức độ hài lòng của người dân, tổ chức đạt trên 95%.",
            "IV. TỔ CHỨC THỰC HIỆN: Các phòng, đơn vị trực thuộc căn cứ Kế hoạch xây dựng nhiệm vụ "
            "cụ thể, báo cáo định kỳ hằng quý về Văn phòng Sở để tổng hợp.",
        ],
        signer=SIGNER, pdf_title="Kế hoạch số 12/KH-SKHCN - Cải cách hành chính năm 2026",
    )
    make_xlsx_sipas(tb / "2026/van-ban/ket-qua-khao-sat-sipas-2025.xlsx")

    # Văn bản đính kèm kế hoạch tuyên truyền
    kh = CONTENT / "ke-hoach"
    make_pdf(
        kh / "van-ban/08-kh-skhcn-tuyen-truyen-cchc-2026.pdf",
        left_header=SO_HEADER, number="Số: 08/KH-SKHCN",
        place_date="Hòa Bình Xanh, ngày 10 tháng 01 năm 2026",
        title=["KẾ HOẠCH", "Thông tin, tuyên truyền cải cách hành chính năm 2026"],
        paragraphs=[
            "I. MỤC ĐÍCH: Giúp công chức, viên chức, người dân và doanh nghiệp hiểu rõ các nhiệm vụ "
            "cải cách hành chính của tỉnh và của Sở; biết cách sử dụng dịch vụ công trực tuyến.",
            "II. CHỈ TIÊU: Mỗi tháng đăng tối thiểu 03 tin, bài thuộc các chuyên mục Tin tức CCHC, "
            "Chuyển đổi số, Một cửa - Dịch vụ công trên chuyên mục Cải cách hành chính của "
            "Trang thông tin điện tử Sở.",
            "III. HÌNH THỨC: Tin, bài, hỏi đáp trên Trang thông tin điện tử; lồng ghép trong hội nghị, "
            "sinh hoạt chi bộ, đoàn thể; niêm yết tại Bộ phận Một cửa; mạng xã hội của Sở.",
            "IV. TỔ CHỨC THỰC HIỆN: Văn phòng Sở là đầu mối, tổng hợp kết quả hằng tháng; các phòng, "
            "đơn vị cung cấp thông tin, cử người viết tin, bài theo lịch phân công.",
        ],
        signer=SIGNER, pdf_title="Kế hoạch số 08/KH-SKHCN - Tuyên truyền CCHC năm 2026",
    )

    make_pdf(
        kh / "van-ban/15-kh-skhcn-tuyen-truyen-cchc-2025.pdf",
        left_header=SO_HEADER, number="Số: 15/KH-SKHCN",
        place_date="Hòa Bình Xanh, ngày 20 tháng 7 năm 2025",
        title=["KẾ HOẠCH", "Thông tin, tuyên truyền cải cách hành chính", "từ tháng 8 đến tháng 12 năm 2025"],
        paragraphs=[
            "I. MỤC ĐÍCH: Thông tin kịp thời các thay đổi về thủ tục hành chính, nơi tiếp nhận hồ sơ "
            "sau khi tổ chức chính quyền địa phương hai cấp; hướng dẫn người dân, doanh nghiệp nộp hồ sơ "
            "và thanh toán trực tuyến.",
            "II. CHỈ TIÊU: Mỗi tháng đăng tối thiểu 02 tin, bài về cải cách hành chính (mọi chuyên mục) "
            "trên Trang thông tin điện tử của Sở, từ tháng 8 đến hết tháng 12 năm 2025.",
            "III. HÌNH THỨC: Tin, bài, hỏi đáp trên Trang thông tin điện tử; niêm yết tại Bộ phận Một cửa; "
            "lồng ghép trong các hội nghị, sinh hoạt chuyên đề của chi bộ, công đoàn, chi đoàn.",
            "IV. TỔ CHỨC THỰC HIỆN: Văn phòng Sở chủ trì, theo dõi và báo cáo kết quả hằng tháng; "
            "các phòng, đơn vị cử cộng tác viên cung cấp thông tin thuộc lĩnh vực phụ trách.",
        ],
        signer=SIGNER, pdf_title="Kế hoạch số 15/KH-SKHCN - Tuyên truyền CCHC năm 2025",
    )

    # Biểu mẫu thủ tục hành chính
    mau = CONTENT / "thu-tuc/mau"
    make_docx(
        mau / "mau-01-don-dang-ky-hoat-dong-khcn.docx", form_no="Mẫu 01",
        title=["ĐƠN ĐĂNG KÝ HOẠT ĐỘNG", "KHOA HỌC VÀ CÔNG NGHỆ"],
        intro="Tổ chức chúng tôi đề nghị được cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ với các thông tin sau:",
        fields=["Tên tổ chức (tiếng Việt)", "Tên viết tắt, tên giao dịch quốc tế (nếu có)",
                "Cơ quan quyết định thành lập", "Địa chỉ trụ sở chính", "Điện thoại, thư điện tử",
                "Người đứng đầu tổ chức", "Lĩnh vực hoạt động khoa học và công nghệ", "Vốn của tổ chức"],
        closing="Chúng tôi cam kết chịu trách nhiệm về tính chính xác của hồ sơ và thực hiện đúng quy định của pháp luật về khoa học và công nghệ.",
    )
    make_docx(
        mau / "mau-02-ban-cong-bo-hop-quy.docx", form_no="Mẫu 02",
        title=["BẢN CÔNG BỐ HỢP QUY"],
        intro="Tổ chức, cá nhân dưới đây công bố sản phẩm, hàng hóa phù hợp quy chuẩn kỹ thuật:",
        fields=["Tên tổ chức, cá nhân", "Địa chỉ", "Mã số doanh nghiệp", "Tên sản phẩm, hàng hóa",
                "Kiểu, loại, nhãn hiệu", "Số hiệu quy chuẩn kỹ thuật áp dụng",
                "Phương thức đánh giá sự phù hợp", "Số giấy chứng nhận hợp quy (nếu có)"],
        closing="Chúng tôi cam kết và chịu trách nhiệm về tính phù hợp của sản phẩm, hàng hóa đã công bố.",
    )
    make_docx(
        mau / "mau-03-don-de-nghi-giay-phep-buc-xa.docx", form_no="Mẫu 03",
        title=["ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP", "TIẾN HÀNH CÔNG VIỆC BỨC XẠ"],
        intro="Cơ sở đề nghị được cấp giấy phép sử dụng thiết bị X-quang chẩn đoán trong y tế:",
        fields=["Tên cơ sở", "Địa chỉ", "Người đứng đầu cơ sở", "Người phụ trách an toàn bức xạ",
                "Số chứng chỉ nhân viên bức xạ", "Số lượng, loại thiết bị X-quang",
                "Hãng sản xuất, số sê-ri từng thiết bị", "Vị trí đặt thiết bị (phòng, tầng)"],
        closing="Cơ sở cam kết tuân thủ các quy định về an toàn bức xạ và chịu sự thanh tra, kiểm tra của cơ quan có thẩm quyền.",
    )
    make_form_pdf(
        mau / "mau-04-don-de-nghi-dang-ky-chuyen-giao-cong-nghe.pdf", form_no="Mẫu 04",
        title=["ĐƠN ĐỀ NGHỊ CẤP GIẤY CHỨNG NHẬN", "ĐĂNG KÝ CHUYỂN GIAO CÔNG NGHỆ"],
        fields=["Bên giao công nghệ", "Bên nhận công nghệ", "Tên công nghệ được chuyển giao",
                "Đối tượng công nghệ", "Phương thức chuyển giao", "Thời hạn hợp đồng",
                "Giá trị hợp đồng", "Địa điểm áp dụng công nghệ"],
        pdf_title="Mẫu 04 - Đơn đề nghị đăng ký chuyển giao công nghệ",
    )
    make_xlsx_form(mau / "mau-05-phieu-thong-tin-nhiem-vu-khcn.xlsx")
    make_docx(
        mau / "mau-06-don-yeu-cau-cong-nhan-sang-kien.docx", form_no="Mẫu 06",
        title=["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN"],
        intro="Tôi (chúng tôi) đề nghị xem xét, công nhận sáng kiến với các nội dung sau:",
        fields=["Họ và tên tác giả (đồng tác giả)", "Nơi công tác", "Tên sáng kiến",
                "Lĩnh vực áp dụng", "Ngày áp dụng lần đầu hoặc áp dụng thử",
                "Mô tả bản chất của sáng kiến", "Hiệu quả thu được", "Những người tham gia áp dụng"],
        closing="Tôi (chúng tôi) xin cam đoan mọi thông tin nêu trong đơn là trung thực và hoàn toàn chịu trách nhiệm.",
    )
    make_form_pdf(
        mau / "mau-07-don-de-nghi-ho-tro-so-huu-cong-nghiep.pdf", form_no="Mẫu 07",
        title=["ĐƠN ĐỀ NGHỊ HỖ TRỢ KINH PHÍ", "ĐĂNG KÝ BẢO HỘ QUYỀN SỞ HỮU CÔNG NGHIỆP"],
        fields=["Tên tổ chức, cá nhân đề nghị", "Địa chỉ", "Điện thoại, thư điện tử",
                "Đối tượng đã được cấp văn bằng bảo hộ", "Số văn bằng, ngày cấp",
                "Chi phí đã thực hiện (đồng)", "Số tiền đề nghị hỗ trợ (đồng)", "Số tài khoản, ngân hàng"],
        pdf_title="Mẫu 07 - Đơn đề nghị hỗ trợ kinh phí sở hữu công nghiệp",
    )

    for p in written:
        print(f"{p.relative_to(ROOT)}  ({p.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
