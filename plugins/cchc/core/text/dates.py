"""Parse the date formats of the content spec; format nothing (see vietnamese.py)."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo

_ISO = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?$", re.ASCII  # ASCII digits only: int() would read '١٢' too
)
_VN = re.compile(
    r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?$", re.ASCII
)
_MONTH = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})$", re.ASCII)

ACCEPTED = "YYYY-MM-DD, YYYY-MM-DD HH:MM, YYYY-MM-DD HH:MM:SS+07:00, DD/MM/YYYY hoặc DD/MM/YYYY HH:MM"


class DateFormatError(ValueError):
    """The value is not in an accepted format, or names a day that does not exist."""


# Years a date of this section can mean; outside them a value is a typo (and far years overflow).
YEARS = range(1900, 2201)


def _offset(text: str) -> tzinfo:
    if text == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59 or (hours == 14 and minutes):  # real offsets: -12:00 … +14:00
        raise DateFormatError(f'múi giờ "{text}" không tồn tại (từ -12:00 đến +14:00; Việt Nam là +07:00)')
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_datetime(value: object, local: tzinfo) -> datetime:
    """A frontmatter value -> aware datetime in `local`; values without offset are local time."""
    if isinstance(value, date):  # a datetime/date object from code (frontmatter gives strings)
        value = value.replace(microsecond=0).isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    text = str(value).strip()
    match = _ISO.match(text) or _VN.match(text)
    if not match:
        raise DateFormatError(f'"{text}" không đúng định dạng ngày')
    parts = match.groupdict()
    try:
        naive = datetime(
            int(parts["y"]), int(parts["m"]), int(parts["d"]),
            int(parts["H"] or 0), int(parts["M"] or 0), int(parts["S"] or 0),
        )
    except ValueError:
        raise DateFormatError(f'"{text}" là ngày không tồn tại') from None
    if naive.year not in YEARS:
        raise DateFormatError(f'"{text}" có năm {naive.year} nằm ngoài khoảng {YEARS.start}–{YEARS.stop - 1}')
    if parts.get("tz"):
        return naive.replace(tzinfo=_offset(parts["tz"])).astimezone(local)
    return naive.replace(tzinfo=local)


def parse_date(value: object, local: tzinfo) -> date:
    return parse_datetime(value, local).date()


def parse_month(value: object) -> tuple[int, int]:
    """'2021-08' -> (2021, 8)."""
    match = _MONTH.match(str(value).strip())
    if not match or not 1 <= int(match["m"]) <= 12:
        raise DateFormatError(f'"{value}" không đúng định dạng tháng YYYY-MM')
    if int(match["y"]) not in YEARS:
        raise DateFormatError(f'"{value}" có năm nằm ngoài khoảng {YEARS.start}–{YEARS.stop - 1}')
    return int(match["y"]), int(match["m"])
