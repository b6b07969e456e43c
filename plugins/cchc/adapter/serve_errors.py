"""`mkdocs serve` while a content error stands: the preview keeps answering, and says what is wrong.

MkDocs' server holds every request until a rebuild succeeds: after a failed one it "appears stuck"
(its words) until the file is fixed. Here a failed rebuild is caught around the server's builder:
its error lines (already in Vietnamese, with file and line) are kept, the server goes on serving
the last site it has, and every HTML page it serves carries a banner listing them (as Hugo and
Vite do), until a rebuild succeeds.
"""
from __future__ import annotations

import html
import logging
from typing import Callable

from . import compat

log = logging.getLogger("mkdocs.plugins.cchc")

MAX_SHOWN = 20  # a banner, not the whole log
_CLOSING = ("Dừng dựng trang", "Lần dựng không thành công")  # what a failed build says after its errors


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


class PreviewErrors:
    """The errors of the last rebuild of `mkdocs serve` (empty: it succeeded)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def guard(self, builder: Callable) -> Callable:
        def build(config=None) -> None:
            collect = _Collect()
            logger = logging.getLogger("mkdocs")
            logger.addHandler(collect)
            try:
                builder(config) if config is not None else builder()
            except Exception as error:  # MkDocs' Abort included; KeyboardInterrupt still stops the server
                logger.removeHandler(collect)
                self.lines = [line for line in collect.lines if not line.startswith(_CLOSING)] or [str(error)]
                log.error("Bản xem trước chưa cập nhật: còn %d lỗi ở trên. Máy chủ vẫn phục vụ bản dựng "
                          "thành công gần nhất; trang xem trước hiện danh sách lỗi cho đến khi sửa xong.",
                          len(self.lines))
                return
            finally:
                logger.removeHandler(collect)
            if self.lines:
                log.info("Đã sửa hết lỗi: bản xem trước đã cập nhật.")
            self.lines = []
        return build

    def banner(self) -> bytes:
        """The HTML put at the top of each served page while errors stand ('' when none)."""
        if not self.lines:
            return b""
        shown = "".join(f"<li>{html.escape(line)}</li>" for line in self.lines[:MAX_SHOWN])
        more = len(self.lines) - MAX_SHOWN
        rest = f"<p>… và {more} lỗi khác (xem cửa sổ lệnh).</p>" if more > 0 else ""
        return ('<div id="cchc-preview-errors" role="alert" style="position:relative;z-index:10000;'
                'background:#fff4f4;color:#7a0000;border:3px solid #b00020;padding:1rem;margin:0;'
                'font:16px/1.5 sans-serif;white-space:normal">'
                f'<p><strong>Bản xem trước chưa cập nhật: nội dung có {len(self.lines)} lỗi.</strong> '
                'Trang dưới đây là bản dựng thành công gần nhất. Sửa các lỗi sau rồi lưu tệp; '
                f'trang sẽ tự dựng lại.</p><ul>{shown}</ul>{rest}</div>').encode("utf-8")

    def install(self, server) -> None:
        """Wrap the server's builder, and its HTML injection (MkDocs 1.6's LiveReloadServer), with ours."""
        server.builder = self.guard(server.builder)

        def with_banner(content: bytes) -> bytes:
            banner = self.banner()
            if not banner:
                return content
            start = content.find(b"<body")
            end = content.find(b">", start) + 1 if start >= 0 else 0
            return content[:end] + banner + content[end:]
        compat.wrap_served_html(server, with_banner)
        not_found = server.error_handler

        def error_page(code: int) -> bytes | None:
            page = not_found(code)
            banner = self.banner()
            if banner and page is None:  # an error found after MkDocs emptied the preview's folder
                return ('<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lỗi nội dung</title>'
                        '<body>').encode("utf-8") + banner + b"</body></html>"
            return page
        server.error_handler = error_page
