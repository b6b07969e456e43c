"""Groupings of procedures: by lĩnh vực (Vietnamese order), abolished ones, the change log. Linear time."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from cchc.core.procedures.procedures import LEVELS, ONLINE, Procedure, date_label, date_short
from cchc.core.urls import procedure_field_url
from cchc.core.text.vietnamese import slugify, sort_key


@dataclass
class FieldGroup:
    """One lĩnh vực with its procedures in force, by name."""
    name: str
    slug: str
    procedures: list[Procedure]

    @property
    def url(self) -> str:
        return procedure_field_url(self.slug)

    @property
    def count(self) -> int:
        return len(self.procedures)


CHANGE_KINDS = {"new": "Công bố mới", "amended": "Sửa đổi, bổ sung", "abolished": "Bãi bỏ"}


@dataclass(frozen=True)
class Change:
    kind: str  # new | amended | abolished
    date: date
    procedure: Procedure

    @property
    def label(self) -> str:
        return CHANGE_KINDS[self.kind]

    @property
    def date_label(self) -> str:
        return date_label(self.date)

    @property
    def date_short(self) -> str:
        return date_short(self.date)


def change_of(procedure: Procedure) -> Change | None:
    """The latest change a procedure file records, dated by its own dates; None when it has no date."""
    if procedure.status == "abolished":
        return Change("abolished", procedure.abolished, procedure)
    when = procedure.decision_date or procedure.effective
    if when is None:
        return None
    return Change("amended" if procedure.status == "amended" else "new", when, procedure)


def _by_name(procedure: Procedure):
    return (sort_key(procedure.name), procedure.code)


class ProcedureIndex:
    def __init__(self, procedures: list[Procedure]):
        self.all = sorted(procedures, key=_by_name)
        self.by_code = {p.code: p for p in self.all}
        self.active = [p for p in self.all if p.active]
        self.abolished = sorted((p for p in self.all if not p.active),
                                key=lambda p: (-p.abolished.toordinal(), sort_key(p.name), p.code))
        groups: dict[str, list[Procedure]] = defaultdict(list)
        spelling: dict[str, str] = {}
        for procedure in self.active:
            slug = procedure.field_slug
            spelling.setdefault(slug, procedure.field_label)
            groups[slug].append(procedure)
        self.groups = sorted((FieldGroup(spelling[slug], slug, items) for slug, items in groups.items()),
                             key=lambda g: sort_key(g.name))
        # Lĩnh vực that only hold abolished procedures still get a page, so old links keep working.
        for procedure in self.abolished:
            if procedure.field_slug not in groups:
                groups[procedure.field_slug] = []
                self.groups.append(FieldGroup(procedure.field_label, procedure.field_slug, []))
        self.groups.sort(key=lambda g: sort_key(g.name))
        self._group_by_slug = {g.slug: g for g in self.groups}
        self._abolished_by_field: dict[str, list[Procedure]] = defaultdict(list)
        for procedure in self.abolished:
            self._abolished_by_field[procedure.field_slug].append(procedure)
        changes = [c for c in map(change_of, self.all) if c is not None]
        self.changes = sorted(changes, key=lambda c: (-c.date.toordinal(), c.procedure.code))

    def group_of(self, procedure: Procedure) -> FieldGroup:
        return self._group_by_slug[procedure.field_slug]

    def abolished_in(self, group: FieldGroup) -> list[Procedure]:
        return self._abolished_by_field.get(group.slug, [])

    def replacement(self, procedure: Procedure) -> Procedure | None:
        return self.by_code.get(procedure.replaced_by) if procedure.replaced_by else None

    def replaces(self, procedure: Procedure) -> list[Procedure]:
        """Procedures that name this one in replaced_by."""
        return [p for p in self._replaced.get(procedure.code, [])]

    @property
    def _replaced(self) -> dict[str, list[Procedure]]:
        if not hasattr(self, "_replaced_cache"):
            cache: dict[str, list[Procedure]] = defaultdict(list)
            for p in self.all:
                if p.replaced_by:
                    cache[p.replaced_by].append(p)
            self._replaced_cache = cache
        return self._replaced_cache

    def filter_options(self) -> dict:
        """Values for the selects of the listing: (value, label) pairs."""
        levels_used = {level for p in self.active for level in p.levels}
        return {
            "fields": [(g.slug, g.name) for g in self.groups if g.procedures],
            "levels": [(slugify(level), level) for level in LEVELS if level in levels_used],
            "online": [*ONLINE.items(), ("unknown", "Chưa công bố")],
        }
