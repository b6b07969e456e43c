"""The grammar of the national glued text (cách thức, phí, căn cứ pháp lý, hồ sơ), as function calls.

Samples are cut from the real records in ../shared/data/tthc-national/; the property tests feed any
text to the readers: a record or a Vietnamese warning comes out, never another exception."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from cchc.core.procedures import tthc_parse as parse
from cchc.core.settings import Settings
from cchc.core.procedures.tthc_import import _table_rows, ImportFileError, to_meta

HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"


def channels(text):
    return parse.channels(HEADER + text)


# -- channels ---------------------------------------------------------------------------------------
def test_channels_split_on_method_names_not_on_the_same_words_in_descriptions():
    found, warnings = channels("Trực tiếpKhông có thông tinKhông có thông tin Trực tiếp tại Công an đơn vị, địa phương"
                               "Trực tuyến7 Ngày làm việcMiễn phí- Trực tiếp: nộp hồ sơ tại Bộ phận Một cửa. "
                               "- Trực tuyến: nộp hồ sơ tại Cổng Dịch vụ công.")
    assert found == [
        {"method": "direct", "note": "Trực tiếp tại Công an đơn vị, địa phương"},
        {"method": "online", "time": "7 ngày làm việc", "fee": "Miễn phí",
         "note": "- Trực tiếp: nộp hồ sơ tại Bộ phận Một cửa. - Trực tuyến: nộp hồ sơ tại Cổng Dịch vụ công."}]
    assert [k for k, _ in warnings] == ["time_unknown", "fee_unknown"]


def test_money_in_every_spelling_written_vietnamese_style():
    found, warnings = channels("Trực tuyến5 Ngày làm việc35,000,000 Việt Nam Đồng(/hồ sơ)Dịch vụ bưu chính"
                               "2 Ngày làm việc250,000 VNĐTrực tiếp6 Tháng100 USD(100 USD/thẻ.)")
    assert [(c["time"], c["fee"]) for c in found] == [("5 ngày làm việc", "35.000.000 đồng"),
                                                      ("2 ngày làm việc", "250.000 đồng"), ("6 tháng", "100 USD")]
    assert found[0]["note"] == "/hồ sơ" and not warnings
    assert parse.normalise_fee("250,000 VNĐ") == "250.000 đồng"
    assert parse.normalise_fee("Miễn phí") == "Miễn phí"
    assert parse.amounts_in("Áp dụng mức phí: 250.000 đồng (Hai trăm năm mươi nghìn đồng) hoặc 1.000.000đ") == [250000, 1000000]


def test_unknown_fee_is_left_out_and_warned_never_invented():
    found, warnings = channels("Trực tiếp20 Ngày làm việcKhông có thông tinTrực tuyến20 Ngày làm việc")
    assert found == [{"method": "direct", "time": "20 ngày làm việc"}, {"method": "online", "time": "20 ngày làm việc"}]
    assert [k for k, _ in warnings] == ["fee_unknown", "fee_unknown"]


def test_time_glued_to_fee_is_told_apart_by_the_description_in_brackets():
    found, warnings = channels("Trực tuyến120,000 VNĐ(20.000 vnđ /tờ khai)")
    assert found == [{"method": "online", "time": "1", "fee": "20.000 đồng", "note": "20.000 vnđ /tờ khai"}]
    assert parse.time_fee_splits("120,000") == [(None, 120000), ("1", 20000)]


def test_ambiguous_time_and_fee_kept_verbatim_with_a_warning():
    found, warnings = channels("Trực tuyến1200 VNĐDịch vụ bưu chính140,000 Việt Nam Đồng(- Xe ô tô từ 10 chỗ trở lên)")
    assert found == [{"method": "online", "source": "1200 VNĐ"},
                     {"method": "postal", "source": "140,000 Việt Nam Đồng(- Xe ô tô từ 10 chỗ trở lên)"}]
    assert [k for k, _ in warnings] == ["ambiguous", "ambiguous"]
    assert "không tách được chắc chắn" in warnings[0][1]


def test_time_without_unit_kept_as_written():
    found, warnings = channels("Trực tuyến1Miễn phíDịch vụ bưu chính1.5 Ngày làm việc40,000 Việt Nam Đồng")
    assert found == [{"method": "online", "time": "1", "fee": "Miễn phí"},
                     {"method": "postal", "time": "1.5 ngày làm việc", "fee": "40.000 đồng"}]
    assert [k for k, _ in warnings] == ["time_unit"]


# -- legal bases ------------------------------------------------------------------------------------
def legal(text):
    return parse.legal_basis_and_warnings("Tên văn bản pháp lýMã văn bản" + text)


def test_legal_bases_split_on_document_numbers():
    found, warnings = legal("Nghị định 64/2022/NĐ-CP64/2022/NĐ-CPLUẬT  HÀNG KHÔNG DÂN DỤNG VIỆT NAM66/2006/QH11"
                            "Thông tư 16/2024/TT-BCA quy định về mẫu thẻ căn cước16/2024/TT-BCA"
                            "Luật 61/2014/QH1361/2014/QH13Công bố thủ tục hành chính1872/QĐ-BTP")
    assert found == [{"name": "Nghị định 64/2022/NĐ-CP", "number": "64/2022/NĐ-CP"},
                     {"name": "LUẬT HÀNG KHÔNG DÂN DỤNG VIỆT NAM", "number": "66/2006/QH11"},
                     {"name": "Thông tư 16/2024/TT-BCA quy định về mẫu thẻ căn cước", "number": "16/2024/TT-BCA"},
                     {"name": "Luật 61/2014/QH13", "number": "61/2014/QH13"},
                     {"name": "Công bố thủ tục hành chính", "number": "1872/QĐ-BTP"}]
    assert not warnings


def test_no_bare_law_and_glued_numbers_split():
    found, _ = legal("Luật số 32/2024/QH1573/2025/TT-NHNN")
    assert found == [{"name": "Luật số 32/2024/QH15", "number": "32/2024/QH15"},
                     {"name": "Thông tư 73/2025/TT-NHNN", "number": "73/2025/TT-NHNN"}]
    found, _ = legal("Nghị định 136/2025/NĐ-CP QUY ĐỊNH CHI TIẾT 54/2024/NĐ-CP 14/2025/TT-BNNMT")
    assert found[-1] == {"name": "Thông tư 14/2025/TT-BNNMT", "number": "14/2025/TT-BNNMT"}
    found, _ = legal("Luật Công chứng năm 202446/2024/QH15Nghị định số 104/2025/NĐ-CP ngày 15/5/2025104/2025/NĐ-CP")
    assert found == [{"name": "Luật Công chứng năm 2024", "number": "46/2024/QH15"},
                     {"name": "Nghị định số 104/2025/NĐ-CP ngày 15/5/2025", "number": "104/2025/NĐ-CP"}]
    for text in ("Luật", "Số", "Luật số"):
        found, warnings = parse.legal_basis_and_warnings(text)
        assert found == [] and warnings[0][0] == "ambiguous"


def test_glued_names_without_numbers_split_on_document_kinds_or_kept_with_warning():
    found, warnings = legal("Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số 09/2025/TT-BTP")
    assert found == [{"name": "Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp", "number": "03/2023/TT-BTP"},
                     {"name": "Thông tư số 09/2025/TT-BTP", "number": "09/2025/TT-BTP"}]
    found, warnings = legal("Luật Thi đua khen thưởng 202206Quy định về công tác thi đua của Bộ Xây dựng"
                            "Thông tư số 55/2025/TT-BXD")
    assert [f["name"] for f in found] == ["Luật Thi đua khen thưởng 202206",  # verbatim, not guessed
                                          "Quy định về công tác thi đua của Bộ Xây dựng", "Thông tư số 55/2025/TT-BXD"]
    assert [k for k, _ in warnings] == ["ambiguous", "ambiguous"]  # the two names without a number


# -- documents and notes ----------------------------------------------------------------------------
def test_notes_are_kept_out_of_the_document_list():
    docs, notes = parse.documents_and_notes(
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai thay đổi thông tin cư trú1 bản chính"
        "Giấy tờ chứng minh việc điều chỉnh thông tin.1 bản chính*Lưu ý:  - Trường hợp công dân có sự điều chỉnh "
        "về hộ tịch thì không phải thực hiện thủ tục.0 bản chính")
    assert docs == [{"name": "Tờ khai thay đổi thông tin cư trú", "copies": "1 bản chính"},
                    {"name": "Giấy tờ chứng minh việc điều chỉnh thông tin.", "copies": "1 bản chính"}]
    assert notes == ["Trường hợp công dân có sự điều chỉnh về hộ tịch thì không phải thực hiện thủ tục."]


# -- never another exception ------------------------------------------------------------------------
GLUE = st.sampled_from(["Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính", "Không có thông tin", "Miễn phí", "VNĐ",
                        "Việt Nam Đồng", " Ngày làm việc", "Giờ", "(", ")", "/", "-", "QH15", "NĐ-CP", "Luật ",
                        "Lưu ý:", "1 bản chính", ",000", ".", "\x07", "\x00", "١", "１"])
TEXT = st.lists(st.one_of(GLUE, st.text(max_size=8), st.integers(0, 10**7).map(str)), max_size=25).map("".join)
WARNING_KINDS = set(parse.WARNING_KINDS)


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_grammar_never_raises(text):
    for reader in (parse.channels, parse.legal_basis_and_warnings):
        items, warnings = reader(text)
        assert all(isinstance(i, dict) for i in items)
        assert all(kind in WARNING_KINDS and isinstance(message, str) for kind, message in warnings)
    for channel in parse.channels(text)[0]:
        assert "fee" not in channel or channel["fee"] in ("Miễn phí", "Không") or channel["fee"].endswith(("đồng", "USD"))
    parse.documents_and_notes(text)
    parse.normalise_fee(text)
    parse.amounts_in(text)


SETTINGS = Settings(project_dir=Path("."))
VALUE = st.one_of(st.none(), TEXT, st.integers(-5, 10**9), st.floats(allow_nan=True), st.booleans(),
                  st.lists(TEXT, max_size=3), st.dictionaries(TEXT, TEXT, max_size=2))
KEYS = st.sampled_from(["Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Cơ quan thực hiện", "Số quyết định",
                        "Cách thức thực hiện", "Thời hạn giải quyết", "Phí, lệ phí", "Căn cứ pháp lý", "Thành phần hồ sơ",
                        "Ngày quyết định", "Trạng thái", "Mức độ dịch vụ công", "x"])


@hsettings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(VALUE, max_size=8), max_size=6), st.lists(KEYS, min_size=1, max_size=8, unique=True))
def test_row_reader_gives_records_or_vietnamese_reasons(rows, header):
    try:
        read, _ = _table_rows([["Mã thủ tục", *header], *rows], "tep.csv")
    except ImportFileError as exc:  # a file-level problem, in Vietnamese
        assert "tep.csv" in str(exc)
        return
    for row in read:
        meta, _, reasons, warnings = to_meta(row.values, SETTINGS)
        assert all(isinstance(r, str) and r for r in reasons)
        assert all(kind in WARNING_KINDS for kind, _ in warnings)
        if not reasons:
            assert meta["code"] and meta["name"]
