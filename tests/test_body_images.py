"""The images of article bodies are found once and kept in the build cache, keyed by the body."""
from __future__ import annotations

import pytest

from cchc.core.build_cache import BuildCache
from cchc.core.media import body_images as module
from cchc.core.media.body_images import body_images

BODY = "Mở đầu.\n\n![Hội nghị tổng kết](anh/hoi-nghi.jpg)\n\n<img src='anh/b.png' alt=''>\n"


@pytest.fixture
def fresh_memo(monkeypatch):
    monkeypatch.setattr(module, "_memo", {})


def test_found_once_then_read_from_the_build_cache(tmp_path, fresh_memo, monkeypatch):
    cache = BuildCache(tmp_path, version="v1")
    expected = (("anh/hoi-nghi.jpg", "Hội nghị tổng kết"), ("anh/b.png", None))
    assert body_images(BODY, cache) == expected
    cache.close()

    monkeypatch.setattr(module, "_memo", {})  # a new build: nothing in memory
    monkeypatch.setattr(module, "_find", lambda body: pytest.fail("converted again"))
    again = BuildCache(tmp_path, version="v1")
    assert body_images(BODY, again) == expected
    assert again.counts[(module.KIND, True)] == 1


def test_an_edited_body_or_another_version_is_found_again(tmp_path, fresh_memo, monkeypatch):
    cache = BuildCache(tmp_path, version="v1")
    body_images(BODY, cache)
    cache.close()
    monkeypatch.setattr(module, "_memo", {})
    edited = BODY.replace("hoi-nghi.jpg", "hoi-nghi-2.jpg")
    assert body_images(edited, BuildCache(tmp_path, version="v1"))[0] == ("anh/hoi-nghi-2.jpg", "Hội nghị tổng kết")
    other_version = BuildCache(tmp_path, version="v2")
    assert body_images(BODY, other_version)[0][0] == "anh/hoi-nghi.jpg"
    assert other_version.counts[(module.KIND, False)] == 1


def test_a_body_without_images_asks_nothing(tmp_path, fresh_memo):
    cache = BuildCache(tmp_path, version="v1")
    assert body_images("Chỉ có chữ, không có ảnh.", cache) == ()
    assert not cache.counts


def test_a_relative_link_written_in_nfd_names_the_nfc_file_and_others_are_left_alone():
    from cchc.core.text.nfc_links import nfc_target

    assert nfc_target("anh/ho%CC%A3%CC%82i.jpg?v=2#tren") == "anh/h%E1%BB%99i.jpg?v=2#tren"
    assert nfc_target("anh/h%E1%BB%99i.jpg") == "anh/h%E1%BB%99i.jpg"  # NFC already: as written
    for other in ("https://example.gov.vn/ho%CC%A3%CC%82i.pdf", "/tep/ho%CC%A3%CC%82i.pdf", "anh/hoi.jpg"):
        assert nfc_target(other) == other  # another site's server may tell the forms apart


def test_pictures_and_files_linked_in_nfd_percent_encoding_are_published(tmp_path):
    """macOS editors link a dragged file by the NFD bytes of its name: the strict build finds the
    picture and the attachment (their NFC names), and the page shows them like an NFC link."""
    import re
    import unicodedata
    from urllib.parse import quote

    from conftest import Site
    from test_images import TITLE, phone_photo

    site = Site(tmp_path / "site")
    site.write("content/tin-bai/2025/anh/hội-nghị.jpg", phone_photo(1200, 900))
    site.write("content/tin-bai/2025/tep/kế-hoạch.pdf", b"%PDF-1.4 ke hoach")
    nfd = {name: quote(unicodedata.normalize("NFD", name)) for name in ("anh/hội-nghị.jpg", "tep/kế-hoạch.pdf")}
    site.add_article("2025/a.md", TITLE, "2025-03-05 08:00",
                     body=f"![Hội trường]({nfd['anh/hội-nghị.jpg']})\n\nXem [kế hoạch]({nfd['tep/kế-hoạch.pdf']}).\n\n"
                          f"Đường dẫn viết trong mã: `{nfd['tep/kế-hoạch.pdf']}`\n")
    site.build()
    page = next((site.root / "site/tin-bai/2025/03").glob("*/index.html")).read_text(encoding="utf-8")
    assert re.search(r'<img src="\.\./\.\./anh/h%E1%BB%99i-ngh%E1%BB%8B\.jpg\.w800\.jpg"', page)
    assert 'href="../../tep/k%E1%BA%BF-ho%E1%BA%A1ch.pdf"' in page
    assert f"<code>{nfd['tep/kế-hoạch.pdf']}</code>" in page  # text is not a link: shown as written
    assert (site.root / "site/tin-bai/2025/tep/kế-hoạch.pdf").read_bytes() == b"%PDF-1.4 ke hoach"
