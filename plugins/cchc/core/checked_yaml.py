"""YAML that editors write (frontmatter, content/chi-so.yml), read with the checks untrusted input needs.

One reader for every YAML file of content/: no anchors or aliases (the 'billion laughs' bomb), at most
MAX_DEPTH levels, no key twice, no float or timestamp guessing, no invisible control characters.
"""
from __future__ import annotations

import re

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from cchc.core.errors import ContentError

# Frontmatter is a handful of keys: deeper nesting is a mistake (or an attack on the parser).
MAX_DEPTH = 10
# Characters no editor means to type; they break HTML, XML feeds and the search index.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class Refused(Exception):
    """Valid YAML that frontmatter must not use; carries the file line (0-based in the block) and a fix."""

    def __init__(self, line: int, message: str, fix: str, earlier: int | None = None):
        super().__init__(message)
        self.line, self.message, self.fix, self.earlier = line, message, fix, earlier


class _CheckingComposer(Composer):
    """PyYAML's composer, refusing anchors/aliases (the 'billion laughs' bomb) and deep nesting at the
    first event that shows them, before anything is built: the recursion stays MAX_DEPTH deep and the
    document is parsed once, whatever the input."""

    _depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise Refused(event.start_mark.line, "Phần khai báo dùng bí danh YAML ('&tên' hoặc '*tên').",
                           "Viết đầy đủ giá trị ở mỗi chỗ cần dùng; nếu giá trị bắt đầu bằng '&' hoặc '*' "
                           "thì đặt nó trong ngoặc kép.")
        if not isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            return super().compose_node(parent, index)
        if self._depth >= MAX_DEPTH:
            raise Refused(event.start_mark.line, f"Phần khai báo lồng nhau quá {MAX_DEPTH} cấp.",
                           "Viết mỗi khóa một dòng 'khóa: giá trị'; danh sách chỉ cần một hoặc hai cấp.")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


try:
    from yaml.cyaml import CParser  # libyaml's scanner and parser: several times faster
except ImportError:
    CParser = None

if CParser is not None:  # libyaml parses, PyYAML's composer above (with the checks) builds the nodes
    class TextLoader(_CheckingComposer, CParser, SafeConstructor, Resolver):
        """YAML without float and timestamp guessing: '1.000080' stays a code, dates are parsed by us."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            _CheckingComposer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
else:
    class TextLoader(Reader, Scanner, Parser, _CheckingComposer, SafeConstructor, Resolver):
        """YAML without float and timestamp guessing: '1.000080' stays a code, dates are parsed by us."""

        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            _CheckingComposer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)


TextLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader, node, deep=False):
    seen: dict[str, int] = {}
    for key_node, _value in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value in seen:
                raise Refused(key_node.start_mark.line, f"Khóa '{key_node.value}' được khai báo hai lần "
                               "(lần đầu ở dòng {earlier}), không rõ giá trị nào đúng.",
                               f"Giữ một dòng '{key_node.value}: …' và xóa dòng còn lại.", seen[key_node.value])
            seen[key_node.value] = key_node.start_mark.line
    return SafeConstructor.construct_mapping(loader, node, deep)


TextLoader.construct_mapping = _construct_mapping


def control_character_error(text: str, shown_path: str) -> ContentError | None:
    """The first character no editor means to type (pasted from Word or PDF), or None."""
    control = CONTROL.search(text)
    if not control:
        return None
    line = text.count("\n", 0, control.start()) + 1
    return ContentError(shown_path, line, None,
                        f"Tệp chứa ký tự điều khiển không in được (U+{ord(control.group()):04X}) ở dòng {line}.",
                        "Xóa ký tự đó (thường lẫn vào khi dán từ Word hoặc PDF): gõ lại đoạn chữ quanh vị trí này.")
