"""argparse speaking Vietnamese: usage, section titles, -h and every error message.

argparse's own strings go through gettext with no Vietnamese catalogue, so they would print in
English ("usage:", "options:", "the following arguments are required"). This parser sets its own
titles and help, and rewrites argparse's error messages with the table below before printing.
"""
from __future__ import annotations

import argparse
import re
import sys

# argparse's English error messages (Python 3.11–3.13 wording) -> Vietnamese; groups are kept.
_ERRORS: list[tuple[re.Pattern, str]] = [(re.compile(pattern), text) for pattern, text in [
    (r"^argument (?P<arg>.+?): (?P<rest>.+)$", "tham số {arg}: {rest}"),
    (r"^the following arguments are required: (?P<names>.+)$", "thiếu tham số bắt buộc: {names}"),
    (r"^unrecognized arguments: (?P<args>.+)$", "không hiểu tham số: {args}"),
    (r"^invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)$", "lựa chọn không hợp lệ: {value} (chọn một trong: {choices})"),
    (r"^expected one argument$", "cần đúng một giá trị"),
    (r"^expected at most one argument$", "chỉ nhận nhiều nhất một giá trị"),
    (r"^expected at least one argument$", "cần ít nhất một giá trị"),
    (r"^expected (?P<n>\d+) arguments?$", "cần {n} giá trị"),
    (r"^invalid (?P<type>\w+) value: (?P<value>.+)$", "giá trị {value} không đúng kiểu ({type})"),
    (r"^one of the arguments (?P<names>.+) is required$", "cần một trong các tham số {names}"),
    (r"^not allowed with argument (?P<name>.+)$", "không dùng cùng tham số {name}"),
    (r"^ignored explicit argument (?P<value>.+)$", "tham số không nhận giá trị: {value}"),
    (r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.+)$", "tùy chọn {option} không rõ, có thể là: {matches}"),
]]


def vietnamese_error(message: str) -> str:
    """argparse's English message in Vietnamese; a message it does not know is left as it is."""
    for pattern, text in _ERRORS:
        found = pattern.match(message)
        if found:
            return text.format(**{k: vietnamese_error(v) if k == "rest" else v for k, v in found.groupdict().items()})
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class VietnameseArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="hiện hướng dẫn này rồi thoát")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {vietnamese_error(message)}\n"
                     f"Xem hướng dẫn: {self.prog} --help\n")
