"""The grammar of the national glued text (cách thức, phí, căn cứ pháp lý, hồ sơ), as function calls.

Samples are cut from the real records in ../shared/data/tthc-national/; the property tests feed any
text to the readers: a record or a Vietnamese warning comes out, never another exception."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from cchc.core.procedures import legal_basis as parse_legal, legal_symbols, tthc_parse as parse
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
# Fragments of the real records (../shared/data/tthc-national/, record named in each test), copied here
# so that the tests run without ../shared; the three the issue quotes from the held-out ministries
# (Luật Thú y, 19/2018/QĐ-TTg, 50/2025/TT-NHNN) are written as the issue gives them.
def legal(text):
    return parse.legal_basis_and_warnings("Tên văn bản pháp lýMã văn bản" + text)


BO_TU_PHAP_1_000426 = (
    "Tên văn bản pháp lýMã văn bảnThông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng Bộ Tư pháp quy định về "
    "phân định thẩm quyền của chính quyền địa phương 02 cấp và phân cấp trong lĩnh vực quản lý nhà nước của Bộ Tư "
    "pháp08/2025/TT-BTPQuy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 77/2008/NĐ-CP ngày "
    "16/7/2008 của Chính phủ về tư vấn pháp luật.Thông tư số 01/2010/TT-BTPsửa đổi, bổ sung một số quy định về thủ "
    "tục hành chính của Thông tư số 05/2008/TT-BTP ngày 23/9/2008; Thông tư số 03/2008/TT-BTP ngày 25/8/2008 và "
    "Thông tư số 01/2010/TT-BTP ngày 09/02/2010 của Bộ trưởng Bộ Tư phápThông tư số 19/2011/TT-BTPThông tư số "
    "03/2024/TT-BTP ngày 15/5/2024 của Bộ trưởng Bộ Tư pháp sửa đổi, bổ sung 08 thông tư liên quan đến thủ tục "
    "hành chính trong lĩnh vực bổ trợ tư pháp.03/2024/TT-BTPtư vấn pháp luậtNghị định số 77/2008/NĐ-CPsửa đổi, bổ "
    "sung một số điều của các Nghị định về đăng ký giao dịch bảo đảm, trợ giúp pháp lý, luật sư, tư vấn pháp "
    "luậtNghị định số 05/2012/NĐ-CP")


def test_numbers_are_never_cut_and_never_lend_letters_to_the_next_name():
    """Bộ Tư pháp 1.000426: the cell 'Thông tư số 01/2010/TT-BTP' runs into 'sửa đổi…' (was 01/2010/TT-BT +
    'Psửa đổi'), 'Nghị định số 77/2008/NĐ-CP' into 'sửa đổi…' (was 77/2008/NĐ-C)."""
    found, warnings = parse.legal_basis_and_warnings(BO_TU_PHAP_1_000426)
    assert [f.get("number") for f in found] == ["08/2025/TT-BTP", "01/2010/TT-BTP", "19/2011/TT-BTP", "03/2024/TT-BTP",
                                                "77/2008/NĐ-CP", "05/2012/NĐ-CP"]
    assert found[1]["name"] == ("Quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 77/2008/NĐ-CP "
                                "ngày 16/7/2008 của Chính phủ về tư vấn pháp luật.")  # cites another document: kept
    assert found[2]["name"].startswith("sửa đổi, bổ sung") and found[2]["name"].endswith("của Bộ trưởng Bộ Tư pháp")
    assert found[4] == {"name": "tư vấn pháp luật", "number": "77/2008/NĐ-CP"}
    assert not warnings


def test_issuers_of_the_held_out_ministries_and_names_glued_to_numbers():
    found, _ = legal("Luật Thú y79/2015/QH13Nghị định quy định chi tiết một số điều của Luật Thú y.80/2022/NĐ-CP"
                     "quy định chi tiết một số điều của Luật Thú y35/2016/NĐ-CP")
    assert found == [{"name": "Luật Thú y", "number": "79/2015/QH13"},
                     {"name": "Nghị định quy định chi tiết một số điều của Luật Thú y.", "number": "80/2022/NĐ-CP"},
                     {"name": "quy định chi tiết một số điều của Luật Thú y", "number": "35/2016/NĐ-CP"}]
    found, _ = legal("Quyết định ban hành quy chế19/2018/QĐ-TTgThông tư hướng dẫn50/2025/TT-NHNN")
    assert [f["number"] for f in found] == ["19/2018/QĐ-TTg", "50/2025/TT-NHNN"]  # not QĐ-T + 'Tg', not TT-NHN
    # Bộ Công an 1.000811: QĐ-TTg then the same number as its cell.
    found, _ = legal("Luật 49/2019/QH1449/2019/QH14Quyết định số 09/2023/QĐ-TTg09/2023/QĐ-TTg")
    assert found == [{"name": "Luật 49/2019/QH14", "number": "49/2019/QH14"},
                     {"name": "Quyết định số 09/2023/QĐ-TTg", "number": "09/2023/QĐ-TTg"}]


def test_several_documents_are_not_glued_into_one_name():
    # Bộ Xây dựng 1.000703, with the next row as the issue quotes it.
    found, _ = legal("Nghị quyết số 24/2026/NQ-CP về cắt giảm thủ tục hành chính, điều kiện kinh doanh lĩnh vực "
                     "ngân hàng.24/2026/NQ-CP Nghị định 121/2021/NĐ-CP")
    assert found == [{"name": "Nghị quyết số 24/2026/NQ-CP về cắt giảm thủ tục hành chính, điều kiện kinh doanh "
                              "lĩnh vực ngân hàng.", "number": "24/2026/NQ-CP"},
                     {"name": "Nghị định 121/2021/NĐ-CP", "number": "121/2021/NĐ-CP"}]
    # Bộ Tư pháp 1.002548: a date's year runs into the next number.
    found, _ = legal("Quy định chi tiết và hướng dẫn một số điều của Luật phí và lệ phí, có hiệu lực từ ngày "
                     "01/01/2017120/2016/NĐ-CPNghị định sửa đổi, bổ sung một số điều của các Nghị định104/2022/NĐ-CP")
    assert [f["number"] for f in found] == ["120/2016/NĐ-CP", "104/2022/NĐ-CP"]
    assert found[0]["name"].endswith("có hiệu lực từ ngày 01/01/2017")


def test_numbers_of_every_shape_in_the_records():
    # Bộ Tư pháp 2.000986 (08.a, 09b), Bộ Công an 1.004194 (66.7), Bộ Xây dựng 1.012881 (QH15 then 27/2023).
    found, _ = legal("Thông tư 08.a/2010/TT-BTP08.a/2010/TT-BTPThông tư 09b/2013/TT-BTP09b/2013/TT-BTP"
                     "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ66.7/2025/NQ-CPLuật Nhà ở số 27/2023/QH1527/2023/QH15"
                     "Thông tư liên tịch 11/2016/TTLT-BTP-TANDTC-VKSNDTC11/2016/TTLT-BTP-TANDTC-VKSNDTC")
    assert [f["number"] for f in found] == ["08.a/2010/TT-BTP", "09b/2013/TT-BTP", "66.7/2025/NQ-CP", "27/2023/QH15",
                                            "11/2016/TTLT-BTP-TANDTC-VKSNDTC"]
    assert found[3]["name"] == "Luật Nhà ở số 27/2023/QH15"
    # A year and a full stop before the cell, and a stray space in the name's own number.
    found, warnings = legal("Thông tư số 65/2025/TT-BTC ngày 30 tháng 6 năm 2022.65/2025/TT-BTC"
                            "Thông tư số 11/2020/TT- BTP ngày 31/12/2020 của Bộ Tư pháp11/2020/TT-BTP")
    assert found == [{"name": "Thông tư số 65/2025/TT-BTC ngày 30 tháng 6 năm 2022.", "number": "65/2025/TT-BTC"},
                     {"name": "Thông tư số 11/2020/TT- BTP ngày 31/12/2020 của Bộ Tư pháp", "number": "11/2020/TT-BTP"}]
    assert not warnings


def test_a_number_not_read_with_confidence_is_kept_verbatim_without_a_number():
    # Bộ Công an 3.000368: 'TT_BCA'; 1.000889: the name says 190/2025/QH15, its cell 190/2025/NQ-QH15.
    found, warnings = legal("Thông tư số 31/2025/TT-BCA ngày 21/4/2025 của Bộ trưởng Bộ Công an quy định thẻ, giấy "
                            "phép, chứng nhận an ninh hàng không31/2025/TT_BCAVề an ninh hàng không92/2015/NĐ-CP")
    assert found == [{"name": "Thông tư số 31/2025/TT-BCA ngày 21/4/2025 của Bộ trưởng Bộ Công an quy định thẻ, "
                              "giấy phép, chứng nhận an ninh hàng không"},
                     {"name": "Về an ninh hàng không", "number": "92/2015/NĐ-CP"}]
    assert [k for k, _ in warnings] == ["legal_verbatim"] and "31/2025/TT_BCA" in warnings[0][1]
    found, warnings = legal("Nghị quyết số 190/2025/QH15 của Quốc hội: Quy định về xử lý một số vấn đề liên quan "
                            "đến sắp xếp tổ chức bộ máy nhà nước190/2025/NQ-QH15")
    assert "number" not in found[0] and found[0]["name"].endswith("bộ máy nhà nước")
    assert [k for k, _ in warnings] == ["legal_verbatim"]
    found, warnings = legal("Quyết định 12/2024/QĐ-XYZ")  # an issuer that is not in the table
    assert found == [{"name": "Quyết định 12/2024/QĐ-XYZ"}] and warnings[0][0] == "legal_verbatim"


def test_layouts_kept_from_before():
    found, warnings = legal("Nghị định 64/2022/NĐ-CP64/2022/NĐ-CPLUẬT  HÀNG KHÔNG DÂN DỤNG VIỆT NAM66/2006/QH11"
                            "Thông tư 16/2024/TT-BCA quy định về mẫu thẻ căn cước16/2024/TT-BCA"
                            "Luật 61/2014/QH1361/2014/QH13Công bố thủ tục hành chính1872/QĐ-BTP")
    assert found == [{"name": "Nghị định 64/2022/NĐ-CP", "number": "64/2022/NĐ-CP"},
                     {"name": "LUẬT HÀNG KHÔNG DÂN DỤNG VIỆT NAM", "number": "66/2006/QH11"},
                     {"name": "Thông tư 16/2024/TT-BCA quy định về mẫu thẻ căn cước", "number": "16/2024/TT-BCA"},
                     {"name": "Luật 61/2014/QH13", "number": "61/2014/QH13"},
                     {"name": "Công bố thủ tục hành chính", "number": "1872/QĐ-BTP"}]
    assert not warnings
    found, _ = legal("Luật số 32/2024/QH1573/2025/TT-NHNN")
    assert found == [{"name": "Luật số 32/2024/QH15", "number": "32/2024/QH15"},
                     {"name": "Thông tư 73/2025/TT-NHNN", "number": "73/2025/TT-NHNN"}]
    found, _ = legal("Luật Công chứng năm 202446/2024/QH15Nghị định số 104/2025/NĐ-CP ngày 15/5/2025104/2025/NĐ-CP")
    assert found == [{"name": "Luật Công chứng năm 2024", "number": "46/2024/QH15"},
                     {"name": "Nghị định số 104/2025/NĐ-CP ngày 15/5/2025", "number": "104/2025/NĐ-CP"}]
    for text in ("Luật", "Số", "Luật số"):
        found, warnings = parse.legal_basis_and_warnings(text)
        assert found == [] and warnings[0][0] == "legal_no_number"
    found, warnings = legal("Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số 09/2025/TT-BTP")
    assert found == [{"name": "Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp", "number": "03/2023/TT-BTP"},
                     {"name": "Thông tư số 09/2025/TT-BTP", "number": "09/2025/TT-BTP"}]
    # Bộ Xây dựng: 'Thông tư số 55/2025/TT-BXD' is the cell of the name before it, as in 1.000426.
    found, warnings = legal("Luật Thi đua khen thưởng 202206Quy định về công tác thi đua, khen thưởng của Bộ Xây "
                            "dựngThông tư số 55/2025/TT-BXDQuy định về phân cấp, phân quyền trong lĩnh vực thi đua, "
                            "khen thưởng152/2025/NĐ-CP")
    assert found == [{"name": "Luật Thi đua khen thưởng 202206"},  # verbatim, not guessed
                     {"name": "Quy định về công tác thi đua, khen thưởng của Bộ Xây dựng", "number": "55/2025/TT-BXD"},
                     {"name": "Quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng",
                      "number": "152/2025/NĐ-CP"}]
    assert [k for k, _ in warnings] == ["legal_no_number"]  # the name without a number


def test_whole_token():
    assert parse_legal.is_whole_number("80/2022/NĐ-CP", "Luật Thú y.80/2022/NĐ-CPquy định")
    assert not parse_legal.is_whole_number("80/2022/NĐ-C", "Luật Thú y.80/2022/NĐ-CPquy định")
    assert not parse_legal.is_whole_number("19/2018/QĐ-T", "19/2018/QĐ-TTg")


# Document numbers built from the issuer table, glued to names and to each other as the national text does.
ISSUER = st.sampled_from(sorted(set(legal_symbols.ISSUERS) - {"QH", "UBTVQH"}) + ["QH13", "QH15", "UBTVQH14"])
KIND_CODE = st.sampled_from(sorted(legal_symbols.KINDS))
NUMBER = st.builds(lambda n, year, kind, issuer, term: f"{n}/{year}/{term}" if term else f"{n}/{year}/{kind}-{issuer}",
                   st.integers(1, 400).map(lambda n: f"{n:02d}"), st.integers(1990, 2026), KIND_CODE, ISSUER,
                   st.one_of(st.none(), st.sampled_from(["QH13", "QH14", "QH15"])))
NAME = st.sampled_from(["Luật Thú y", "quy định chi tiết một số điều của Luật Thú y", "Thông tư số ", "Nghị định ",
                        "sửa đổi, bổ sung", "Pháp lệnh Dân quân", "LUẬT HÀNG KHÔNG", "Trang chủ", "ngân hàng.", "Tg",
                        "Quyết định số ", " của Bộ trưởng ", "năm 2024", "ngày 16/7/2008 ", "", " - ", "; "])


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(NAME, NUMBER), min_size=1, max_size=6), NAME)
def test_every_number_written_is_a_whole_number_of_the_source(rows, tail):
    """Whatever the glue, a number the parser writes is one of the numbers of the source, whole."""
    source = "".join(name + number for name, number in rows) + tail
    written = {number for _, number in rows}
    found, warnings = parse.legal_basis_and_warnings("Tên văn bản pháp lýMã văn bản" + source)
    for basis in found:
        if "number" in basis:
            assert basis["number"] in written, (source, basis)
        assert "".join(basis["name"].split()) in "".join(source.split()) or basis.get("number", "\0") in basis["name"]


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
