"""The procedures' pages (niêm yết công khai TTHC): listing, one page each, lĩnh vực, abolished, changes."""
from __future__ import annotations

from functools import partial

from cchc.core.pages import PageSpec, paginate
from cchc.core.procedures.procedure_index import ProcedureIndex
from cchc.core.procedures.procedure_views import (AbolishedView, ChangesView, FieldView, ProcedureView, ProceduresView,
                                                 replacements)
from cchc.core.procedures.procedures import URL_ROOT
from cchc.core.urls import PROCEDURE_CHANGES, PROCEDURES_ABOLISHED

TITLE = "Thủ tục hành chính"
# Rows of the change log per page: a province's 3,000 changes would make one page of 1.5 MB.
CHANGES_PER_PAGE = 100


def procedure_pages(index: ProcedureIndex) -> list[PageSpec]:
    pages = [PageSpec(
        url=URL_ROOT, title=TITLE, template="cchc/procedures.html", in_nav=True,
        description="Danh sách thủ tục hành chính đang thực hiện, theo lĩnh vực: hồ sơ, thời hạn, phí, lệ phí, nơi nộp.",
        data=ProceduresView([g for g in index.groups if g.procedures], len(index.active),
                            abolished_count=len(index.abolished), options=index.filter_options()),
    ), PageSpec(
        url=PROCEDURES_ABOLISHED, title="Thủ tục hành chính đã bãi bỏ", template="cchc/procedures-abolished.html",
        data=AbolishedView(index.abolished, replacements(index.abolished, index)),
    )]
    pages += paginate(index.changes, CHANGES_PER_PAGE, PROCEDURE_CHANGES, "Thủ tục hành chính mới, sửa đổi, bãi bỏ",
                      "cchc/procedure-changes.html", partial(ChangesView.of, index=index))
    for group in index.groups:
        pages.append(PageSpec(
            url=group.url, title=f"Thủ tục hành chính lĩnh vực {group.name}", template="cchc/procedures.html",
            data=FieldView([group] if group.procedures else [], group.count, abolished=index.abolished_in(group)),
        ))
    for procedure in index.all:
        pages.append(PageSpec(
            url=procedure.url, title=procedure.name, template="cchc/procedure.html",
            markdown=procedure.body, source=procedure.content_path,
            description=f"Thủ tục {procedure.code}: {procedure.name}. Lĩnh vực {procedure.field_label}.",
            data=ProcedureView(procedure, index.group_of(procedure), replacement=index.replacement(procedure),
                               replaces=index.replaces(procedure)),
        ))
    return pages
