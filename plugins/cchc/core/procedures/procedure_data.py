"""The listing's filter data (thu-tuc-hanh-chinh/danh-sach.json): fetched only when a reader filters.

The main listing stays light at a province's scale (thousands of procedures): it links every lĩnh
vực page (complete without JavaScript) and the filter loads this compact file on demand. Rows are
arrays, not objects, to keep the file small; `columns` names them. Sorted, compact, byte-identical."""
from __future__ import annotations

import json

from cchc.core.procedures.procedure_index import ProcedureIndex
from cchc.core.urls import PROCEDURES_DATA

DATA_PATH = PROCEDURES_DATA
COLUMNS = ["code", "name", "field", "levels", "online", "time", "text", "amended"]


def procedure_data(index: ProcedureIndex) -> bytes:
    rows = [[p.code, p.name, p.field_slug, p.level_slugs, p.online or "unknown", p.shortest_time, p.search_text,
             1 if p.status == "amended" else 0] for p in index.active]
    fields = [[g.slug, g.name, g.count] for g in index.groups if g.procedures]
    data = {"columns": COLUMNS, "fields": fields, "rows": rows}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
