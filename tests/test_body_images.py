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
