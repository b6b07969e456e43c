"""MkDocs' English log lines, told in Vietnamese: a build or a preview prints no English line.

A logging filter on MkDocs' console handler rewrites configuration errors ("Config value 'plugins':
Plugin 'cchc' option 'per_page': Expected type: <class 'int'> but received: <class 'str'>") and
says what MkDocs' closing line ("Aborted with a configuration error!") means. The closing lines
of a failed build are printed by click, not logged: the plugin stops its own builds with `Stop`,
whose message is Vietnamese, and explains MkDocs' other closing lines just before (`build_stopped`).
The ordinary lines of `mkdocs build` and `mkdocs serve` ("Cleaning site directory", "Serving on …")
are translated by the same filter.
"""
from __future__ import annotations

import logging
import re

from mkdocs.exceptions import Abort


class Stop(Abort):
    """The plugin stops a build: MkDocs lets an Abort through, and click prints its (Vietnamese) message
    as the last line, instead of "Aborted with a BuildError!"."""


def stop_if_strict_failed(serving: bool = False) -> None:
    """MkDocs ends a --strict build with warnings with "Aborted with 2 warnings in strict mode!" right
    after the last plugin event: the plugin stops it first, with the same meaning in Vietnamese."""
    from mkdocs.utils import CountHandler
    counters = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    counts = [(level, n) for counter in counters for level, n in counter.get_counts()]
    if counts:
        said = ", ".join(f"{n} {'lỗi' if level == 'ERROR' else 'cảnh báo'}" for level, n in counts)
        kept = "" if serving else " Thư mục site/ đang có không bị thay đổi."
        raise Stop(f"Dừng dựng trang: có {said} ở chế độ nghiêm ngặt (--strict, hoặc strict: true trong "
                   f"mkdocs.yml); mỗi cảnh báo được in ở trên.{kept}")


def _seconds(text: str) -> str:
    return text.replace(".", ",")  # Vietnamese decimal comma: 4,72 giây

_TYPES = {"int": "một số nguyên (ví dụ 10)", "str": "một chuỗi chữ", "bool": "true hoặc false",
          "list": "một danh sách", "dict": "một nhóm khóa con", "float": "một số", "NoneType": "để trống"}


def _type(name: str) -> str:
    return _TYPES.get(name, name)


_RULES: list[tuple[re.Pattern, callable]] = [
    (re.compile(r"^Config value '(?P<key>[^']+)': (?P<rest>.*)$", re.DOTALL),
     lambda m: f"Cấu hình mkdocs.yml, mục '{m['key']}': {translate(m['rest'])}"),
    (re.compile(r"^Plugin '(?P<plugin>[^']+)' option '(?P<option>[^']+)': (?P<rest>.*)$", re.DOTALL),
     lambda m: f"plugin '{m['plugin']}', tùy chọn '{m['option']}': {translate(m['rest'])}"),
    (re.compile(r"^Sub-option '(?P<option>[^']+)': (?P<rest>.*)$", re.DOTALL),
     lambda m: f"khóa con '{m['option']}': {translate(m['rest'])}"),
    (re.compile(r"^Expected type: <class '(?P<want>\w+)'> but received: <class '(?P<got>\w+)'>$"),
     lambda m: f"phải là {_type(m['want'])}, không phải {_type(m['got'])}"),
    (re.compile(r"^Unrecognised configuration name: (?P<name>.+)$"),
     lambda m: f"khóa '{m['name']}' không được hỗ trợ (có thể viết sai tên); xóa hoặc sửa lại tên khóa"),
    (re.compile(r"^Required configuration not provided\.?$"), lambda m: "thiếu khóa bắt buộc"),
    (re.compile(r"^The \"(?P<name>[^\"]+)\" plugin is not installed$"),
     lambda m: f"chưa cài plugin '{m['name']}' (chạy lại: pip install -e .)"),
    (re.compile(r"^Error reading page '(?P<page>[^']+)': (?P<rest>.*)$", re.DOTALL),
     lambda m: f"Không đọc được trang '{m['page']}': {m['rest']}"),
    # The ordinary lines of mkdocs build / mkdocs serve (mkdocs.commands.build, .serve, .livereload).
    (re.compile(r"^Cleaning site directory$"), lambda m: "Dọn thư mục đầu ra trước khi dựng."),
    (re.compile(r"^Building documentation to directory: (?P<dir>.+)$", re.DOTALL),
     lambda m: f"Dựng trang vào thư mục: {m['dir']}"),
    (re.compile(r"^Documentation built in (?P<s>[\d.]+) seconds$"),
     lambda m: f"Dựng trang xong trong {_seconds(m['s'])} giây."),
    (re.compile(r"^Building documentation\.\.\.$"), lambda m: "Đang dựng trang…"),
    # our own line with seconds written by Python ("0.65"): the Vietnamese decimal comma
    (re.compile(r"^(?P<head>Dựng lại nhanh: \d+ trang thay đổi, )(?P<s>\d+\.\d+)(?P<tail> giây\.)$"),
     lambda m: m["head"] + _seconds(m["s"]) + m["tail"]),
    # MkDocs' link checks (mkdocs.structure.pages)
    (re.compile(r"^Doc file '(?P<f>[^']+)' contains a link '(?P<l>[^']+)', but the target( '[^']+')? is not found "
                r"among documentation files\.$"),
     lambda m: f"Trang '{m['f']}' có liên kết '{m['l']}' tới một tệp không có. Cách sửa: sửa đường dẫn của "
               "liên kết (tính từ thư mục của trang) hoặc thêm tệp đó."),
    (re.compile(r"^Doc file '(?P<f>[^']+)' contains a link '(?P<l>[^']+)', but there is no such anchor on this page\..*$",
                re.DOTALL),
     lambda m: f"Trang '{m['f']}': liên kết '{m['l']}' trỏ tới một mục (#…) không có trên trang này."),
    (re.compile(r"^Doc file '(?P<f>[^']+)' contains a link '(?P<l>[^']+)', but the doc '(?P<d>[^']+)' does not contain "
                r"an anchor '(?P<a>[^']+)'\.$"),
     lambda m: f"Trang '{m['f']}': liên kết '{m['l']}' trỏ tới mục '{m['a']}' không có trong trang '{m['d']}'."),
    (re.compile(r"^Doc file '(?P<f>[^']+)' contains an absolute link '(?P<u>[^']+)', it was left as is\.$"),
     lambda m: f"Trang '{m['f']}' có liên kết tuyệt đối '{m['u']}', được giữ nguyên."),
    (re.compile(r"^Doc file '(?P<f>[^']+)' contains an unrecognized relative link '(?P<u>[^']+)', it was left as is\."
                r"( Did you mean '(?P<d>[^']+)'\?)?$"),
     lambda m: f"Trang '{m['f']}' có liên kết '{m['u']}' không nhận ra được, được giữ nguyên; kiểm tra lại đường dẫn"
               + (f" (có phải là '{m['d']}'?)." if m["d"] else ".")),
    (re.compile(r"^Doc file '(?P<f>[^']+)' contains a link to '(?P<t>[^']+)' which is excluded from the built site\.$"),
     lambda m: f"Trang '{m['f']}' liên kết tới '{m['t']}', một trang không được xuất bản."),
    (re.compile(r"^Serving on (?P<url>\S+)( and opening it in a browser)?$"),
     lambda m: f"Xem trước tại {m['url']} (dừng: Ctrl+C)"),
    (re.compile(r"^Watching paths for changes: (?P<paths>.+)$", re.DOTALL),
     lambda m: f"Theo dõi thay đổi trong: {m['paths']}"),
    (re.compile(r"^Detected file changes$"), lambda m: "Có tệp vừa thay đổi: dựng lại."),
    (re.compile(r"^Reloading browsers$"), lambda m: "Tải lại trang trên trình duyệt."),
    (re.compile(r"^Browser connected: (?P<url>.*)$"), lambda m: f"Trình duyệt đã mở: {m['url']}"),
    (re.compile(r"^Shutting down\.\.\.$"), lambda m: "Dừng máy chủ xem trước."),
    (re.compile(r"^An error happened during the rebuild\..*$", re.DOTALL),
     lambda m: "Dựng lại không thành công; sửa lỗi ở trên rồi lưu tệp."),
    (re.compile(r'^"(?P<request>[A-Z]+ \S+) HTTP/[\d.]+" code (?P<code>\d+)$'),
     lambda m: f"Yêu cầu {m['request']}: mã {m['code']}" + (" (không có trang này)" if m["code"] == "404" else "")),
    (re.compile(r"^The following pages are being built only for the preview but will be excluded from "
                r"`mkdocs build` per `draft_docs` config:(?P<rest>.*)$", re.DOTALL),
     lambda m: f"Các trang sau chỉ có trong bản xem trước, không xuất bản (draft_docs):{m['rest']}"),
]


_CLOCK = re.compile(r"^\[\d\d:\d\d:\d\d\] ")  # mkdocs.livereload puts the time first


def translate(message: str) -> str:
    clock = _CLOCK.match(message)
    prefix, text = (clock.group(), message[clock.end():]) if clock else ("", message)
    for pattern, render in _RULES:
        found = pattern.match(text)
        if found:
            return prefix + render(found)
    return message


class _DoneByThePlugin(logging.Filter):
    """Drops the lines of MkDocs' build about files the plugin wrote itself ('Page skipped: …',
    'Template skipped: …'): on the build's logger, so no handler shows them."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() not in self.lines


_DONE_BY_THE_PLUGIN = _DoneByThePlugin()
logging.getLogger("mkdocs.commands.build").addFilter(_DONE_BY_THE_PLUGIN)


def silence(message: str) -> None:
    """MkDocs' build line `message`, if it comes, is not shown (a page or template the plugin wrote)."""
    _DONE_BY_THE_PLUGIN.lines.add(message)


class VietnameseMessages(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        translated = translate(message)
        if translated != message:
            if message.startswith("Config value") and record.levelno >= logging.ERROR:
                translated += (". Cách sửa: sửa mục này trong mkdocs.yml rồi chạy lại. (Dòng tiếng Anh "
                               "'Aborted with a configuration error!' của MkDocs sau đó nghĩa là chưa dựng gì.)")
            record.msg, record.args = translated, None
        return True


_FILTER = VietnameseMessages()


def install(standalone: bool = False) -> None:
    """Attach the filter to MkDocs' console handler; `standalone` (the cchc CLI): a handler of our own."""
    logger = logging.getLogger("mkdocs")
    handlers = [h for h in logger.handlers if h.name == "MkDocsStreamHandler"]
    if standalone and not handlers:
        handler = logging.StreamHandler()
        handler.name = "CchcStreamHandler"
        handler.setFormatter(logging.Formatter("%(message)s"))
        handler.setLevel(logging.WARNING)
        logger.addHandler(handler)
        handlers = [handler]
    for handler in handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)


def build_stopped(error: BaseException, serving: bool = False) -> str | None:
    """What the line MkDocs prints after a failed build means, in Vietnamese (None: nothing to add).
    `serving`: under `mkdocs serve`, where no site/ is written and a new save builds again."""
    text = str(error)
    kept = ("Trang xem trước giữ nguyên bản cũ; sửa lỗi rồi lưu tệp, trang sẽ tự dựng lại." if serving
            else "Thư mục site/ đang có không bị thay đổi.")
    strict = re.match(r"Aborted with (?P<counts>.+) in strict mode!", text)
    if strict:
        counts = strict["counts"].replace("warnings", "cảnh báo").replace("warning", "cảnh báo").replace("errors", "lỗi")
        return (f"Dừng dựng trang: có {counts} ở chế độ nghiêm ngặt (--strict, hoặc strict: true trong mkdocs.yml); "
                f"mỗi cảnh báo được in ở trên. {kept} "
                f"(Dòng tiếng Anh '{text}' của MkDocs có cùng ý nghĩa.)")
    if isinstance(error, Stop):  # its own message, printed last, is Vietnamese
        fix = "" if serving else " Sửa lỗi rồi chạy lại."
        return f"Dừng dựng trang vì lỗi ở trên. {kept}{fix}"
    if type(error).__name__ in ("PluginError", "BuildError"):
        fix = "" if serving else " Sửa lỗi rồi chạy lại."
        return (f"Dừng dựng trang vì lỗi ở trên. {kept}{fix} "
                "(Dòng tiếng Anh 'Aborted with a BuildError!' của MkDocs sau đó có cùng ý nghĩa.)")
    return None
