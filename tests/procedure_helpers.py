"""Procedure files for tests: a valid one by default, any key overridden or removed (value None)."""
from __future__ import annotations

import yaml

BASE = {
    "code": "1.001194",
    "name": "Cấp giấy phép hoạt động dịch vụ thử nghiệm",
    "field": "Khoa học và công nghệ",
    "level": "Cấp tỉnh",
    "decision": "123/QĐ-BKHCN",
    "agency": "Sở Khoa học và Công nghệ",
    "channels": [{"method": "direct", "time": "5 ngày làm việc", "fee": "Không"}],
}


def procedure_text(body: str = "1. Nộp hồ sơ.\n2. Nhận kết quả.\n", **keys) -> str:
    meta = {**BASE, **keys}
    meta = {k: v for k, v in meta.items() if v is not None}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{body}"


def add_procedure(site, filename: str | None = None, body: str = "1. Nộp hồ sơ.\n2. Nhận kết quả.\n", **keys):
    code = keys.get("code", BASE["code"])
    return site.write(f"content/thu-tuc/{filename or code}.md", procedure_text(body, **keys))
