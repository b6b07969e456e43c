"""A Word document (.docx) -> one draft article in content/tin-bai/<year>/, images next to it.

mammoth reads the document (headings, bold/italic, lists, tables, links, images; it leaves out
empty paragraphs, comments and deleted tracked changes, and keeps insertions); html_markdown writes
the Markdown. What cannot be converted is said in Vietnamese, never silently dropped.
"""
from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import mammoth
from PIL import Image as PILImage, UnidentifiedImageError

from cchc.core.input_limits import zip_problem
from cchc.core.news.html_markdown import blocks
from cchc.core.news.image_alt import PLACEHOLDER
from cchc.core.text.legacy_encoding import PDF, repair
from cchc.core.procedures.procedure_writer import commit, write_temporary
from cchc.core.settings import Settings
from cchc.core.text.vietnamese import nfc, slugify

WEB_IMAGES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}
# Parts of a document mammoth does not read: named so the editor can add them by hand.
UNSUPPORTED = {r"<m:oMath\b": "công thức toán", r"<c:chart\b": "biểu đồ", r"<dgm:relIds\b": "sơ đồ SmartArt",
               r"<w:object\b": "đối tượng nhúng (OLE)"}


class DocxError(Exception):
    pass


@dataclass
class Converted:
    title: str
    body: str  # Markdown; image targets are IMAGE_<n> until the slug is known
    images: list[tuple[str, bytes]] = field(default_factory=list)  # (extension, data), in order
    notes: list[str] = field(default_factory=list)


def _image_handler(images: list, notes: list):
    def convert(image):
        number = len(images) + 1
        with image.open() as stream:
            data = stream.read()
        extension = WEB_IMAGES.get(image.content_type)
        if extension is None:  # BMP, TIFF…: make a PNG when Pillow can read it
            try:
                with PILImage.open(io.BytesIO(data)) as picture:
                    out = io.BytesIO()
                    picture.save(out, "PNG")
                data, extension = out.getvalue(), "png"
            except (UnidentifiedImageError, OSError, PILImage.DecompressionBombError, ValueError):
                notes.append(f"Ảnh thứ {number} dạng '{image.content_type}' không hiển thị được trên web, "
                             "đã bỏ ra: lưu ảnh đó thành PNG hoặc JPEG rồi chèn tay vào bài.")
                return {"src": ""}
        images.append((extension, data))
        alt = nfc(" ".join((image.alt_text or "").split()))
        if not alt:
            notes.append(f"Ảnh thứ {number} chưa có mô tả (alt): thay chữ '{PLACEHOLDER}' trong bài bằng mô tả ảnh.")
        return {"src": f"IMAGE_{number}", "alt": alt or PLACEHOLDER}
    return mammoth.images.img_element(convert)


# Styles of Word and LibreOffice (and Vietnamese-named ones) that mean something on the web. Plain text
# styles (Body Text, Text Body, Table Contents, Table Heading, List Paragraph, "Nội dung"…) need no
# entry: mammoth keeps their text as paragraphs (and lists by their numbering), which is what they are.
STYLE_MAP = "\n".join([
    "p[style-name='Title'] => h1:fresh",
    *(f"p[style-name='{name} {n}'] => h{n}:fresh" for name in ("Tiêu đề", "Đề mục", "Đầu đề") for n in range(1, 7)),
    "p[style-name='Quote'] => blockquote > p:fresh",
    "p[style-name='Intense Quote'] => blockquote > p:fresh",
    "p[style-name='Quotations'] => blockquote > p:fresh",  # LibreOffice
    "p[style-name='Trích dẫn'] => blockquote > p:fresh",
    "r[style-name='Emphasis'] => em",
    "r[style-name='Strong Emphasis'] => strong",  # LibreOffice
    "r[style-name='Nhấn mạnh'] => em",
])

# mammoth's warnings (English) -> what was really lost, in Vietnamese; None: nothing was lost.
_MAMMOTH_NOTES: list[tuple[str, object]] = [
    (r"Unrecognised (paragraph|run) style", None),  # text kept as a paragraph / as plain text
    (r".* style with ID .* was referenced but not defined", None),
    (r"Unsupported break type", None),  # a column or section break: no text lost
    (r"Image of type .* is unlikely to display", None),  # _image_handler converts it or says so
    (r"Ignoring complex field", None),  # a field's code (e.g. a page number): its shown text is kept
    (r"A w:sym element with an unsupported character was ignored: char (?P<char>\S+) in font (?P<font>.+)",
     "Một ký hiệu đặc biệt (phông {font}) không chuyển được: gõ lại ký hiệu đó trong bài."),
    (r"Could not find image file|A v:imagedata element without a relationship ID|could not (open|find) external image",
     "Một ảnh trong tài liệu không có tệp ảnh đi kèm (ảnh liên kết ngoài hoặc kiểu cũ): chèn lại ảnh vào bài."),
    (r"unexpected non-(row|cell) element in table",
     "Một bảng có ô gộp không chuẩn: kiểm tra lại các ô gộp của bảng trong bài nháp."),
    (r"An unrecognised element was ignored: (?P<element>.+)",
     "Một phần tử của tài liệu ({element}) không chuyển được: so sánh bài nháp với tệp Word ở chỗ đó."),
]


def _mammoth_note(message) -> str | None:
    text = message.message
    for pattern, note in _MAMMOTH_NOTES:
        found = re.match(pattern, text)
        if found:
            return note.format(**found.groupdict()) if note else None
    return "Một phần tài liệu có thể chưa chuyển được: so sánh bài nháp với tệp Word trước khi xuất bản."


def _unsupported_notes(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError):
        return []
    notes = []
    for pattern, what in UNSUPPORTED.items():
        count = len(re.findall(pattern, xml))
        if count:
            notes.append(f"Tài liệu có {count} {what}: không chuyển được sang web, cần nhập tay (ví dụ chụp thành ảnh).")
    return notes


def convert(path: Path) -> Converted:
    try:
        data = path.read_bytes()
    except OSError:
        raise DocxError(f"{path}: không tìm thấy hoặc không đọc được tệp.") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocxError(f"{path.name}: không phải tệp Word .docx (tệp .doc cũ: mở bằng Word và 'Lưu thành' .docx).")
    problem = zip_problem(path)  # before mammoth expands anything
    if problem:
        raise DocxError(f"{path.name}: {problem}")
    images: list = []
    notes: list[str] = []
    try:
        result = mammoth.convert_to_html(io.BytesIO(data), convert_image=_image_handler(images, notes),
                                         style_map=STYLE_MAP)
    except Exception as exc:  # mammoth raises many kinds for a broken file
        raise DocxError(f"{path.name}: không đọc được tài liệu Word ({exc}).") from None
    notes += list(dict.fromkeys(note for note in map(_mammoth_note, result.messages) if note))
    notes += _unsupported_notes(data)
    parts = blocks(nfc(result.value))
    heading = next((i for i, (kind, _) in enumerate(parts) if kind.startswith("h")), None)
    first = heading if heading is not None else next((i for i, (kind, _) in enumerate(parts) if kind == "p"), None)
    if first is None:
        raise DocxError(f"{path.name}: tài liệu không có chữ nào để làm bài viết.")
    title = re.sub(r"[*\\]", "", parts.pop(first)[1]).strip()
    levels = [int(kind[1]) for kind, _ in parts if kind.startswith("h")]
    shift = 2 - min(levels) if levels else 0  # the title is the page's h1: sections start at h2
    body = []
    for kind, text in parts:
        if kind.startswith("h"):
            text = "#" * min(6, int(kind[1]) + shift) + " " + text
        body.append(text)
    return Converted(title, "\n\n".join(body) + "\n", images, notes)


def _repair_legacy(text: str, where: str, notes: list[str]) -> str:
    fixed, findings = repair(text)
    for finding in findings:
        action = "còn chữ bị mất, cần gõ lại" if finding.kind == PDF else "đã chuyển sang Unicode"
        notes.append(f"{where} dòng {finding.line}: {action}. {finding.message()}")
    return fixed


def frontmatter(title: str, when: datetime, category: str | None, settings: Settings) -> str:
    categories = f"[{json.dumps(category, ensure_ascii=False)}]" if category else "[]"
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"date: {when:%Y-%m-%d %H:%M}\n"
            f"categories: {categories}   # chuyên mục, trong danh sách: {', '.join(settings.categories)}\n"
            "draft: true   # bản nháp: đổi thành false khi sẵn sàng xuất bản\n---\n")


@dataclass
class Imported:
    path: Path  # the article written
    images: list[Path]
    notes: list[str]


def import_docx(path: Path, settings: Settings, when: datetime, category: str | None) -> Imported:
    converted = convert(path)
    notes = converted.notes
    title = _repair_legacy(converted.title, "Tiêu đề", notes)
    body = _repair_legacy(converted.body, "Nội dung", notes)
    slug = slugify(title)
    if not slug:
        raise DocxError(f"{path.name}: tiêu đề '{title}' không có chữ hoặc số để tạo đường dẫn.")
    folder = settings.content_root / "tin-bai" / f"{when:%Y}"
    target = folder / f"{when:%Y-%m-%d}-{slug}.md"
    if target.exists():
        raise DocxError(f"{path.name}: tệp {target.relative_to(settings.project_dir).as_posix()} đã có, không ghi đè.")
    # Named after the article's file (date and slug): another document with the same title on another
    # day has images of its own, not a clash with these.
    image_paths = [folder / f"{target.stem}-{n}.{extension}" for n, (extension, _) in enumerate(converted.images, start=1)]
    taken = [p for p in image_paths if p.exists()]
    if taken:
        raise DocxError(f"{path.name}: ảnh {taken[0].relative_to(settings.project_dir).as_posix()} đã có, không ghi đè.")
    for n, image in enumerate(image_paths, start=1):
        body = body.replace(f"](IMAGE_{n})", f"]({image.name})")
    for image, (_, data) in zip(image_paths, converted.images):
        temporary = write_temporary(image, data)
        commit(temporary, image)
    temporary = write_temporary(target, (frontmatter(title, when, category, settings) + body).encode("utf-8"))
    commit(temporary, target)
    return Imported(target, image_paths, notes)
