"""Report periods (kỳ báo cáo): 2026-09, 2026-Q3, 2026-H1, 2026 -> months and the words of a báo cáo."""
from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.core.quota.quota import ROMAN, PlanQuota, within


class PeriodError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    first: tuple[int, int]  # (year, month)
    last: tuple[int, int]
    label: str  # 'quý III năm 2026', as it follows "Kết quả … " in a title

    def cut(self, items: list[PlanQuota]) -> list[PlanQuota]:
        """The one place every report format gets its months from."""
        return within(items, self.first, self.last, f"Cả kỳ báo cáo ({self.label})")


def parse_period(text: str) -> Period:
    value = text.strip().upper()
    found = re.fullmatch(r"(\d{4})(?:-(?:(\d{1,2})|Q([1-4])|H([12])))?", value)
    if not found or (found.group(2) and not 1 <= int(found.group(2)) <= 12):
        raise PeriodError(f"Kỳ báo cáo '{text}' không đúng dạng. Dùng: 2026-09 (tháng), 2026-Q3 (quý), "
                          "2026-H1 (6 tháng đầu năm), 2026-H2 (6 tháng cuối năm) hoặc 2026 (cả năm).")
    year, month, quarter, half = found.groups()
    year = int(year)
    if month:
        return Period((year, int(month)), (year, int(month)), f"tháng {int(month):02d} năm {year}")
    if quarter:
        q = int(quarter)
        return Period((year, 3 * q - 2), (year, 3 * q), f"quý {ROMAN[q]} năm {year}")
    if half:
        h = int(half)
        return Period((year, 6 * h - 5), (year, 6 * h), f"6 tháng {'đầu' if h == 1 else 'cuối'} năm {year}")
    return Period((year, 1), (year, 12), f"năm {year}")
