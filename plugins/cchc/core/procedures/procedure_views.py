"""What the procedures' templates read as `cchc` (theme/cchc/procedure*.html), one view per kind of page."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from cchc.core.pages import Paged, View
from cchc.core.procedures.procedure_index import Change, FieldGroup, ProcedureIndex
from cchc.core.procedures.procedures import Procedure


@dataclass(frozen=True, repr=False)
class ProceduresView(View):  # procedures.html, the section's page: the lĩnh vực, the filter
    kind: ClassVar[str] = "all"
    groups: list[FieldGroup]  # those with procedures in force
    total: int  # procedures in force
    abolished_count: int
    options: dict[str, list[tuple[str, str]]]  # the filter's selects: (value, label) pairs


@dataclass(frozen=True, repr=False)
class FieldView(View):  # procedures.html, one lĩnh vực: its table
    kind: ClassVar[str] = "field"
    groups: list[FieldGroup]  # the lĩnh vực, or none when none of its procedures is in force
    total: int
    abolished: list[Procedure]  # its abolished procedures


@dataclass(frozen=True)
class ProcedureLink:
    """What a list shows of the procedure that replaced an abolished one: code, name and link, not
    the whole index, so that a change to another procedure leaves the list's pages as they were."""
    code: str
    name: str
    url: str


def replacements(procedures, index: ProcedureIndex) -> dict[str, ProcedureLink]:
    """Code of each abolished procedure shown -> its replacement, for those that have one."""
    found = {}
    for procedure in procedures:
        replacement = index.replacement(procedure)
        if replacement is not None:
            found[procedure.code] = ProcedureLink(replacement.code, replacement.name, replacement.url)
    return found


@dataclass(frozen=True, repr=False)
class AbolishedView(View):  # procedures-abolished.html
    items: list[Procedure]
    replacements: dict[str, ProcedureLink]  # code -> what replaced it


@dataclass(frozen=True, repr=False)
class ChangesView(Paged):  # procedure-changes.html: a page of the change log
    items: list[Change]
    replacements: dict[str, ProcedureLink]  # code of an abolished procedure -> what replaced it

    @classmethod
    def of(cls, items: list[Change], pagination, total: int, index: ProcedureIndex) -> "ChangesView":
        shown = [change.procedure for change in items if change.kind == "abolished"]
        return cls(items, pagination, total, replacements(shown, index))


@dataclass(frozen=True, repr=False)
class ProcedureView(View):  # procedure.html
    procedure: Procedure
    group: FieldGroup
    replacement: Procedure | None  # what replaced it, once abolished
    replaces: list[Procedure]  # what it replaced
