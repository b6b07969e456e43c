"""Vietnamese text rules of the core: slugs, order, dates, date parsing."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from cchc.core.text.dates import DateFormatError, parse_datetime, parse_month
from cchc.core.news.excerpt import excerpt
from cchc.core.text.vietnamese import fold, long_date, month_label, slugify, sort_key

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize("title,slug", [
    ("Đẩy mạnh cải cách", "day-manh-cai-cach"),
    ("ĐÀO TẠO cán bộ, công chức năm 2024!", "dao-tao-can-bo-cong-chuc-nam-2024"),
    ("Hỏi & đáp: \"một cửa\"", "hoi-dap-mot-cua"),
    ("Ưu tiên ứng dụng", "uu-tien-ung-dung"),
])
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_slug_is_cut_at_a_word_boundary():
    slug = slugify("Triển khai " * 20)
    assert len(slug) <= 80 and not slug.endswith("-") and slug.endswith("khai")


def test_vietnamese_alphabetical_order():
    words = ["Đào tạo", "Dịch vụ", "ơn", "ô tô", "Ổn định", "an", "ăn", "ân", "bàn", "Chuyển đổi", "Cải cách", "ưu", "uống"]
    assert sorted(words, key=sort_key) == [
        "an", "ăn", "ân", "bàn", "Cải cách", "Chuyển đổi", "Dịch vụ", "Đào tạo", "ô tô", "Ổn định", "ơn", "uống", "ưu"]


def test_tones_sort_after_the_plain_letter():
    assert sorted(["má", "mà", "ma", "mạ", "mả", "mã"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_dates_in_words():
    assert long_date(datetime(2024, 2, 5, 8, 30)) == "ngày 05 tháng 02 năm 2024"
    assert month_label(2024, 2) == "Tháng 02/2024"


@pytest.mark.parametrize("value,expected", [
    ("2024-02-07", datetime(2024, 2, 7, 0, 0, tzinfo=HCM)),
    ("2024-02-07 08:30", datetime(2024, 2, 7, 8, 30, tzinfo=HCM)),
    ("2024-02-07 08:30:15", datetime(2024, 2, 7, 8, 30, 15, tzinfo=HCM)),
    ("2024-01-31 17:30:00+00:00", datetime(2024, 2, 1, 0, 30, tzinfo=HCM)),
    ("2024-02-07T08:30+07:00", datetime(2024, 2, 7, 8, 30, tzinfo=HCM)),
    ("07/02/2024", datetime(2024, 2, 7, 0, 0, tzinfo=HCM)),
    ("7/2/2024 14:05", datetime(2024, 2, 7, 14, 5, tzinfo=HCM)),
])
def test_parse_datetime(value, expected):
    parsed = parse_datetime(value, HCM)
    assert parsed == expected and parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("value", ["31/02/2024", "2024-13-01", "2024/02/07", "ngày 7 tháng 2", "07-02-2024"])
def test_parse_datetime_rejects(value):
    with pytest.raises(DateFormatError):
        parse_datetime(value, HCM)


def test_parse_month():
    assert parse_month("2021-08") == (2021, 8)
    with pytest.raises(DateFormatError):
        parse_month("2021-13")


def test_excerpt_rules():
    assert excerpt("Đoạn một.\n\nĐoạn hai.", None) == "Đoạn một."
    assert excerpt("Trước **đậm**.\n\nTiếp.\n<!-- more -->\nSau.", None) == "Trước đậm. Tiếp."
    assert excerpt("Thân bài.", "  Tóm tắt   riêng. ") == "Tóm tắt riêng."
    assert excerpt("Biểu đồ ![số hồ sơ](anh/a.png) tăng đều.", None) == "Biểu đồ số hồ sơ tăng đều."
    long = excerpt(" ".join(["chữ"] * 200), None)
    assert long.endswith(" chữ…") and len(long) <= 301


def test_fold():
    assert fold("Đường") == "Duong"
