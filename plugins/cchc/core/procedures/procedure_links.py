"""Where a citizen acts on a procedure: submit online, see it on the national portal, send feedback.

The national portal's page of a procedure is reached by its code; a record without a `url` still
gets that link. "Nộp hồ sơ trực tuyến" is offered only for procedures online in full or in part,
at the province's public-service portal when the agency configured one, else the national page.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

NATIONAL_PAGE = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
# The national portal's form for feedback on administrative rules and procedures (Nghị định 20/2008/NĐ-CP).
NATIONAL_FEEDBACK = "https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html"
ONLINE = ("full", "partial")


@dataclass(frozen=True)
class ProcedureLinks:
    national: str  # the procedure's page on the national portal
    submit: str | None  # where to submit online; None when the procedure is not online
    feedback: str


def national_page(code: str, url: str | None = None) -> str:
    return url or NATIONAL_PAGE + quote(code, safe=".")


def procedure_links(procedure, agency) -> ProcedureLinks:
    national = national_page(procedure.code, procedure.national_url)
    submit = None
    if procedure.online in ONLINE and procedure.status != "abolished":
        submit = agency.public_service_url or national
    return ProcedureLinks(national, submit, agency.feedback)
