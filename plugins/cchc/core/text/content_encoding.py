"""Legacy encodings in the content files: one error per line, and the rewrite of `check --fix-encoding`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cchc.core.build_cache import BuildCache, digest
from cchc.core.content_tree import ContentTree
from cchc.core.errors import ContentError
from cchc.core.text.legacy_encoding import PDF, Finding, repair
from cchc.core.procedures.procedures import FOLDER
from cchc.core.procedures.procedure_writer import commit, write_temporary
from cchc.core.record_memo import RecordMemo
from cchc.core.settings import Settings

KIND = "encoding-clean"  # build cache entries: bytes with nothing to report, by their digest


@dataclass(frozen=True)
class FileFindings:
    path: Path
    shown: str  # relative to the project, as editors see it
    findings: list[Finding]
    fixed: str  # the file's text with every repairable line converted


def scan_content(settings: Settings, memo: RecordMemo | None = None, tree: ContentTree | None = None,
                 cache: BuildCache | None = None) -> list[FileFindings]:
    """Every Markdown file under content/ with a line in TCVN3, VNI or with letters lost from a PDF.
    `cache`: the build cache, which knows the files found clean by an earlier build."""
    result = []
    root = settings.content_root
    for path, stat in (tree or ContentTree(root)).markdown(root, recursive=True):
        item = (memo.get("encoding", path, lambda: _scan(path, settings, cache), stat) if memo
                else _scan(path, settings, cache))
        if item is not None:
            result.append(item)
    return result


def _scan(path: Path, settings: Settings, cache: BuildCache | None = None) -> FileFindings | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None  # reported by the reader of the file
    # Only "nothing found" is kept, the common case: it depends on the bytes alone, so a moved file is
    # still known; findings name the file and are found again.
    key = digest(data) if cache is not None else None
    if key is not None and cache.get(KIND, key) is not None:
        return None
    try:
        text = data.decode("utf-8-sig")  # bytes: line ends as they are
    except UnicodeDecodeError:
        return None  # reported by the reader of the file
    fixed, findings = repair(text)
    if not findings:
        if key is not None:
            cache.put(KIND, key, True)
        return None
    return FileFindings(path, path.relative_to(settings.project_dir).as_posix(), findings, fixed)


def encoding_errors(settings: Settings, memo: RecordMemo | None = None,
                    tree: ContentTree | None = None) -> list[ContentError]:
    return encoding_problems(settings, memo, tree)[0]


def encoding_problems(settings: Settings, memo: RecordMemo | None = None, tree: ContentTree | None = None,
                      cache: BuildCache | None = None) -> tuple[list[ContentError], list[str]]:
    """(errors, notices). Letters lost from a PDF in a procedure (thủ tục, mostly imported from the national
    database) are a notice naming the procedure, not an error: a routine import must not stop the site."""
    errors, notices = [], []
    procedures = settings.content_root / FOLDER
    for item in scan_content(settings, memo, tree, cache):
        procedure = item.path.parent == procedures
        for finding in item.findings:
            if procedure and finding.kind == PDF:
                notices.append(f"Cảnh báo: {item.shown}, dòng {finding.line} (thủ tục {item.path.stem}): "
                               f"{finding.message()} Trang vẫn được dựng. {finding.fix()}")
            else:
                errors.append(ContentError(item.shown, finding.line, None, finding.message(), finding.fix()))
    return errors, notices


def rewrite(item: FileFindings) -> None:
    """Write the repaired text in place of the file, whole or not at all; a BOM stays."""
    bom = item.path.read_bytes().startswith(b"\xef\xbb\xbf")
    data = (b"\xef\xbb\xbf" if bom else b"") + item.fixed.encode("utf-8")
    temporary = write_temporary(item.path, data)
    try:
        commit(temporary, item.path)
    finally:
        if temporary.exists():
            temporary.unlink()
