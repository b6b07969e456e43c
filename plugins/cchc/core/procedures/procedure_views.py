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


@dataclass(frozen=True, repr=False)
class AbolishedView(View):  # procedures-abolished.html
    items: list[Procedure]
    index: ProcedureIndex  # for each one's replacement


@dataclass(frozen=True, repr=False)
class ChangesView(Paged):  # procedure-changes.html: a page of the change log
    items: list[Change]
    index: ProcedureIndex  # for an abolished procedure's replacement


@dataclass(frozen=True, repr=False)
class ProcedureView(View):  # procedure.html
    procedure: Procedure
    group: FieldGroup
    replacement: Procedure | None  # what replaced it, once abolished
    replaces: list[Procedure]  # what it replaced
