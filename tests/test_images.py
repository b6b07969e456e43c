"""Photos from phones: upright, without EXIF/GPS, never over 2,560 px, responsive, cached; social cards;
the embeddable news box; every bad image named with its article."""
from __future__ import annotations

import io
import json
import re
import sys
import struct
import zlib
from pathlib import Path

import pytest
from lxml import html as lxml_html
from PIL import Image, ImageChops

from conftest import Site

from cchc.core.media.card_batch import CARD, IN_PROCESS, CardBatch, CardFace, CardJob, background_workers
from cchc.core.media.image_cache import ImageCache
from cchc.core.media.fonts import vietnamese_font
from cchc.core.media.images import ImageSettings, PublishedImage, Variant
from cchc.core.media.picture import responsive_body
from cchc.core.media.social_card import CardStyle, draw_card, fit_title, wrap_words

TITLE = "Hội nghị triển khai công tác cải cách hành chính năm 2025 tại Sở"
URL = "tin-bai/2025/03/hoi-nghi-trien-khai-cong-tac-cai-cach-hanh-chinh-nam-2025-tai-so/"
PUBLISHED = (".jpg", ".jpeg", ".png", ".webp")


def phone_photo(width=4000, height=3000, orientation=6) -> bytes:
    """What a phone uploads: 4000x3000 stored sideways, EXIF orientation 6 and the staff's GPS position."""
    picture = Image.new("RGB", (width, height), (30, 110, 60))
    picture.paste((200, 40, 40), (0, 0, width // 4, height))  # a band that shows which side is up
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 50.0, 10.0)})
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85, exif=exif)
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that only claims its size: enough for Pillow's decompression bomb check."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + \
        chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def phone_site(tmp_path_factory) -> tuple[Site, object, object]:
    site = Site(tmp_path_factory.mktemp("phone"))
    source = phone_photo()
    assert Image.open(io.BytesIO(source)).getexif().get_ifd(0x8825)  # the upload does carry GPS
    site.write("content/tin-bai/2025/anh/hoi-nghi.jpg", source)
    site.add_article("2025/a.md", TITLE, "2025-03-05 08:00", image="anh/hoi-nghi.jpg",
                     image_alt="Lãnh đạo Sở phát biểu", body="Mở đầu.\n\n![Toàn cảnh hội trường](anh/hoi-nghi.jpg)\n")
    site.add_article("2025/b.md", "Bài không có ảnh", "2025-03-01")
    first = site.build()
    second = site.build()
    return site, first, second


def published_images(site: Site) -> list[Path]:
    return [p for p in (site.root / "site").rglob("*") if p.suffix.lower() in PUBLISHED]


def test_no_published_image_keeps_exif_or_gps_or_is_over_2560(phone_site):
    site, _, _ = phone_site
    files = published_images(site)
    assert len(files) > 10
    for path in files:
        data = path.read_bytes()
        with Image.open(path) as picture:
            assert not picture.getexif(), path
            assert max(picture.size) <= 2560, (path, picture.size)
            assert "exif" not in picture.info and "xmp" not in picture.info, path
        assert b"Exif" not in data and b"PhoneMaker" not in data, path
    clean = Image.open(site.root / "site/tin-bai/2025/anh/hoi-nghi.jpg")
    assert clean.size == (1920, 2560)  # upright (portrait) and scaled down to the limit
    assert clean.getpixel((960, 100))[0] > 150  # the red band of the stored left side is now on top


def test_cover_and_body_use_picture_with_webp_srcset_and_portrait_size(phone_site):
    site, _, _ = phone_site
    page = lxml_html.fromstring(site.html(URL))
    cover = page.xpath("//figure[@class='cchc-article__cover']/picture")[0]
    source, img = cover.find("source"), cover.xpath(".//img")[0]  # libxml2 nests <img> in <source>
    assert source.get("type") == "image/webp" and ".webp 480w" in source.get("srcset")
    assert "1200w" in img.get("srcset") and img.get("alt") == "Lãnh đạo Sở phát biểu"
    assert int(img.get("height")) > int(img.get("width"))  # 480x960 would be the bug: size read before rotation
    assert img.get("loading") is None  # the cover is above the fold
    body = page.xpath("//div[@class='cchc-article__body']//picture//img")[0]
    assert body.get("loading") == "lazy" and body.get("alt") == "Toàn cảnh hội trường"
    assert int(body.get("height")) > int(body.get("width"))
    for url in (img.get("src"), body.get("src"), *[c.split()[0] for c in source.get("srcset").split(", ")]):
        assert (site.root / "site" / URL / url).resolve().is_file(), url
    listing = lxml_html.fromstring(site.html("tin-bai/")).xpath("//a[@class='cchc-card__thumb']//img")[0]
    # The whole picture at its own ratio (3:4 once upright): words in a picture are never cropped off.
    assert (int(listing.get("width")), int(listing.get("height"))) == (640, 853)
    assert listing.get("loading") is None  # the first card of a listing is above the fold: loaded at once
    assert Image.open(site.root / "site/tin-bai/2025/anh/hoi-nghi.jpg.t320.webp").size == (320, 427)


def test_an_article_with_a_cover_shares_a_1200x630_crop_of_its_cover(phone_site):
    """Zalo and Facebook show a photo better than a drawn title: no card is drawn for this article."""
    site, _, _ = phone_site
    page = site.html(URL)
    crop_url = "https://so.example.gov.vn/cchc/tin-bai/2025/anh/hoi-nghi.jpg.og.jpg"
    assert f'<meta property="og:image" content="{crop_url}">' in page
    assert f'<meta name="twitter:image" content="{crop_url}">' in page
    assert '<meta property="og:image:type" content="image/jpeg">' in page
    assert '<meta property="og:image:alt" content="Lãnh đạo Sở phát biểu">' in page
    assert not (site.root / "site" / URL / "the-chia-se.png").exists()
    crop = Image.open(site.root / "site" / "tin-bai/2025/anh/hoi-nghi.jpg.og.jpg")
    assert (crop.format, crop.size) == ("JPEG", (1200, 630))
    assert not crop.getexif()  # no GPS, no camera data
    # the centre of the upright photo (green), not its red band: the crop keeps the middle
    assert crop.convert("RGB").getpixel((600, 315))[1] > 90


def test_social_card_is_1200x630_with_the_title_drawn(phone_site):
    """An article without a cover gets a drawn card."""
    site, _, _ = phone_site
    URL = "tin-bai/2025/03/bai-khong-co-anh/"
    page = site.html(URL)
    card_url = f"https://so.example.gov.vn/cchc/{URL}the-chia-se.png"
    assert '<meta property="og:image:type" content="image/png">' in page
    assert f'<meta property="og:image" content="{card_url}">' in page
    assert f'<meta name="twitter:image" content="{card_url}">' in page
    assert '<meta property="og:image:width" content="1200">' in page
    assert '<meta property="og:image:height" content="630">' in page
    card = Image.open(site.root / "site" / URL / "the-chia-se.png").convert("RGB")
    assert card.size == (1200, 630)
    # the background is exactly the style's white everywhere, band and title areas alike
    assert {card.getpixel(xy) for xy in [(10, 600), (600, 620), (1190, 300), (10, 170)]} == {(255, 255, 255)}
    blank = Image.open(io.BytesIO(draw_card("", "ngày 01 tháng 03 năm 2025", "Sở Thử nghiệm",
                                            vietnamese_font(400), vietnamese_font(700)))).convert("RGB")
    changed = ImageChops.difference(card, blank).getbbox()
    assert changed is not None and changed[1] >= 158 and changed[3] <= 540  # only the title area differs
    assert sum(1 for p in ImageChops.difference(card, blank).convert("L").get_flattened_data() if p > 64) > 5000


def test_second_build_processes_no_image(phone_site):
    _, first, second = phone_site
    assert "Ảnh: 3 ảnh/thẻ chia sẻ mới được xử lý, 0 lấy lại" in first.stderr  # a photo, its share crop, a card
    assert "Ảnh: 0 ảnh/thẻ chia sẻ mới được xử lý, 3 lấy lại" in second.stderr


def test_cards_of_a_larger_site_are_drawn_in_other_processes_during_the_build(tmp_path):
    """Over a few dozen cards, they are drawn in worker processes while pages render, and copied to
    the site at the end of the build: every article still has its own card, byte for byte."""
    site = Site(tmp_path)
    count = IN_PROCESS + 6
    for i in range(count):
        site.add_article(f"2025/bai-{i:03d}.md", f"Tin cải cách hành chính số {i:03d}", f"2025-03-{1 + i % 28:02d} 08:00")
    first = site.build()
    assert re.search(rf"Ảnh chia sẻ: vẽ {count} thẻ ở [1-9]\d* tiến trình phụ", first.stderr), first.stderr
    assert f"Ảnh: {count} ảnh/thẻ chia sẻ mới được xử lý, 0 lấy lại" in first.stderr
    cards = sorted((site.root / "site" / "tin-bai").rglob("the-chia-se.png"))
    assert len(cards) == count
    sample = cards[-1]  # 'số 069', dated 2025-03-14
    number = int(sample.parent.name.rsplit("-", 1)[1])
    expected = draw_card(f"Tin cải cách hành chính số {number:03d}", f"ngày {1 + number % 28:02d} tháng 03 năm 2025",
                         "Sở Thử nghiệm", vietnamese_font(400), vietnamese_font(700))
    assert sample.read_bytes() == expected
    before = {p: p.read_bytes() for p in cards}
    second = site.build()
    assert "Ảnh chia sẻ: vẽ" not in second.stderr  # all known: nothing to draw, nothing started
    assert f"Ảnh: 0 ảnh/thẻ chia sẻ mới được xử lý, {count} lấy lại" in second.stderr
    assert {p: p.read_bytes() for p in cards} == before


def test_embeddable_box_and_its_json(phone_site):
    site, _, _ = phone_site
    box = site.html("nhung/tin-moi.html")
    tree = lxml_html.fromstring(box)
    assert not tree.xpath("//script") and not tree.xpath("//link") and not tree.xpath("//@src")  # self-contained
    assert tree.xpath("//base/@target") == ["_parent"]
    links = tree.xpath("//a")
    assert links and all(a.get("target") == "_parent" and a.get("href").startswith("https://so.example.gov.vn/cchc/")
                         for a in links)
    assert links[0].text == TITLE and "ngày 05 tháng 03 năm 2025" in box and "#9b1c1c" in box
    data = json.loads(site.html("nhung/tin-moi.json"))
    first = data["items"][0]
    assert set(first) == {"title", "url", "date", "summary", "image"}
    assert first["url"] == "https://so.example.gov.vn/cchc/" + URL and first["date"].startswith("2025-03-05T08:00")
    assert first["image"] == "https://so.example.gov.vn/cchc/tin-bai/2025/anh/hoi-nghi.jpg.t640.jpg"
    assert data["items"][1]["image"] is None


def test_bad_images_name_the_article_and_the_image(site):
    site.write("content/tin-bai/anh/chu.jpg", "không phải ảnh".encode())
    site.write("content/tin-bai/anh/cut.jpg", phone_photo(800, 600)[:3000])
    site.write("content/tin-bai/anh/bom.png", png_header(20000, 20000))
    site.write("content/tin-bai/anh/bom-nho.png", png_header(10000, 10000))  # Pillow only warns: an error here
    site.write("content/tin-bai/anh/tot.jpg", phone_photo(800, 600))
    site.write("content/tin-bai/anh/le.jpg", phone_photo(800, 600)[:3000])  # used by no article
    site.add_article("a.md", "Chữ", "2024-03-01", image="anh/chu.jpg", image_alt="Ảnh")
    site.add_article("b.md", "Cắt", "2024-03-02", image="anh/cut.jpg", image_alt="Ảnh")
    site.add_article("c.md", "Bom", "2024-03-03", image="anh/bom.png", image_alt="Ảnh")
    site.add_article("d.md", "Bom nhỏ", "2024-03-04", body="Xem:\n\n![Ảnh lớn](anh/bom-nho.png)\n")
    site.add_article("e.md", "Thiếu", "2024-03-05", body="Xem:\n\n![Sơ đồ](anh/khong-co.jpg)\n")
    site.add_article("f.md", "Không mô tả", "2024-03-06", body="Xem:\n\n![](anh/tot.jpg)\n")
    site.add_article("g.md", "Bìa thiếu tệp", "2024-03-07", image="anh/mat.jpg", image_alt="Ảnh")
    site.add_article("h.md", "Bìa không mô tả", "2024-03-08", image="anh/tot.jpg")
    result = site.build(ok=False)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "Traceback" not in log
    lines = [line for line in log.splitlines() if "ERROR" in line]
    expected = {
        "a.md:": ["[image]", "content/tin-bai/anh/chu.jpg", "không phải ảnh"],
        "b.md:": ["[image]", "content/tin-bai/anh/cut.jpg", "bị hỏng"],
        "c.md:": ["[image]", "content/tin-bai/anh/bom.png", "quá lớn"],
        "d.md:": ["content/tin-bai/anh/bom-nho.png", "quá lớn"],
        "e.md:": ["anh/khong-co.jpg", "không tìm thấy"],
        "f.md:": ["anh/tot.jpg", "thiếu mô tả"],
        "g.md:": ["[image]", "anh/mat.jpg", "Không tìm thấy"],
        "h.md:": ["[image_alt]", "thiếu 'image_alt'"],
    }
    for where, parts in expected.items():
        found = [line for line in lines if where in line and all(p in line for p in parts)]
        assert found, f"{where} {parts}\n" + "\n".join(lines)
    assert "le.jpg" not in log  # used by no article: not published, so not checked either
    assert not (site.root / "site").exists()  # nothing half-published


def test_hostile_file_name_produces_no_attribute(site):
    name = 'a" onerror="alert(1)" x=".jpg'
    site.write(f"content/tin-bai/anh/{name}", phone_photo(800, 600))
    site.add_article("a.md", "Tên tệp lạ", "2024-03-01", image=f"anh/{name}", image_alt='Ảnh "lạ"')
    site.build()
    for page in (site.root / "site").rglob("*.html"):
        tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
        assert not tree.xpath("//@onerror"), page
    html = site.html("tin-bai/")
    assert "a%22%20onerror%3D%22alert%281%29%22%20x%3D%22.jpg.t600.webp" in html  # upright: 600 px wide
    assert (site.root / "site/tin-bai/anh" / f"{name}.t600.webp").is_file()


# -- pure functions ---------------------------------------------------------------------------
def test_title_wraps_between_words_and_never_inside_one():
    font_path = vietnamese_font(700)
    assert font_path is not None
    title = "Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính trên Cổng Dịch vụ công quốc gia"
    font, lines = fit_title(title, font_path, 1056)
    assert " ".join(lines) == title and 1 < len(lines) <= 4
    assert all(font.getlength(line) <= 1056 for line in lines)
    long_word = "Chuyểnđổisố" * 12  # no space anywhere: smaller size, then '…' rather than a cut word
    _, lines = fit_title(f"Tin {long_word} mới", font_path, 1056)
    assert all(word in ("Tin", long_word, "mới", "…") for line in lines for word in line.split())
    from PIL import ImageFont
    assert wrap_words("một hai", ImageFont.truetype(str(font_path), 40), 10) is None


def _published(path: str) -> PublishedImage:
    return PublishedImage(path, 1200, 1600, 1000,
                          (Variant(f"{path}.w480.webp", 480, 640), Variant(f"{path}.w480.jpg", 480, 640),
                           Variant(f"{path}.w960.webp", 960, 1280), Variant(f"{path}.w960.jpg", 960, 1280)),
                          (Variant(f"{path}.t320.webp", 320, 213), Variant(f"{path}.t320.jpg", 320, 213)))


def test_responsive_body_replaces_only_published_images():
    images = {"tin-bai/2024/anh/a b.jpg": _published("tin-bai/2024/anh/a b.jpg")}
    body = ('<p>Trước <img alt="Biểu đồ" src="../../anh/a%20b.jpg"> sau &amp; tiếp.</p>'
            '<p><img alt="Ngoài" src="https://example.org/x.jpg"></p>')
    out = responsive_body(body, "tin-bai/2024/03/bai/", images)
    tree = lxml_html.fragment_fromstring(out, create_parent="div")
    pictures = tree.xpath("//picture")
    assert len(pictures) == 1
    img = pictures[0].xpath(".//img")[0]
    assert img.get("src") == "../../anh/a%20b.jpg.w960.jpg" and img.get("alt") == "Biểu đồ"
    assert (img.get("width"), img.get("height"), img.get("loading")) == ("960", "1280", "lazy")
    assert pictures[0].find("source").get("srcset") == "../../anh/a%20b.jpg.w480.webp 480w, ../../anh/a%20b.jpg.w960.webp 960w"
    assert tree.text_content() == "Trước  sau & tiếp."
    assert tree.xpath("//img[@src='https://example.org/x.jpg']")  # another site's image is left alone
    plain = "<p>Không có ảnh.</p>"
    assert responsive_body(plain, "tin-bai/2024/03/bai/", images) is plain


def test_variants_are_never_upscaled():
    from cchc.core.media.images import process
    small = io.BytesIO()
    Image.new("RGB", (300, 200), (1, 2, 3)).save(small, "PNG")
    published, outputs = process("x.png", small.getvalue(), ImageSettings())
    assert (published.width, published.height) == (300, 200)
    assert {(v.width, v.height) for v in published.variants} == {(300, 200)}
    assert {(v.width, v.height) for v in published.thumbs} == {(300, 200)}
    assert all(Image.open(io.BytesIO(data)).width <= 300 for data in outputs.values())


def test_the_variant_of_the_clean_copys_size_is_its_bytes_not_a_second_encoding(monkeypatch):
    from cchc.core.media import images
    photo = io.BytesIO()
    Image.effect_noise((1200, 675), 60).convert("RGB").save(photo, "JPEG", quality=90)
    encoded = []
    real = images._encode
    monkeypatch.setattr(images, "_encode", lambda picture, suffix, settings: encoded.append(suffix) or
                        real(picture, suffix, settings))
    published, outputs = images.process("x.jpg", photo.getvalue(), ImageSettings())
    assert outputs["x.jpg.w1200.jpg"] is outputs["x.jpg"]
    assert len(encoded) == len(outputs) - 1  # every other file encoded once
    assert {(t.width, t.height) for t in published.thumbs} == {(320, 180), (640, 360)}  # the whole picture


def test_cchc_check_reports_bad_images_too(site):
    site.write("content/tin-bai/anh/cut.jpg", phone_photo(800, 600)[:3000])
    site.add_article("a.md", "Cắt", "2024-03-02", image="anh/cut.jpg", image_alt="Ảnh")
    site.add_article("b.md", "Trong bài", "2024-03-03", body="Mở đầu.\n\nĐoạn hai.\n\n![Ảnh hỏng](anh/cut.jpg)\n")
    result = site.cchc("check")
    assert result.returncode == 1
    assert "a.md:" in result.stdout and "[image] Ảnh bìa 'content/tin-bai/anh/cut.jpg'" in result.stdout
    source = (site.root / "content" / "tin-bai" / "a.md").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(source, 1) if text.startswith("image:"))
    assert f"a.md:{line}: [image] Ảnh bìa" in result.stdout  # the line of the cover, found when the error is
    body = (site.root / "content" / "tin-bai" / "b.md").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(body, 1) if "![Ảnh hỏng]" in text)
    assert f"b.md:{line}: Ảnh trong bài 'content/tin-bai/anh/cut.jpg'" in result.stdout


def test_bomb_is_refused_while_other_threads_check_images():
    """CI once let a bomb through as 'cannot load': warning filters are process-wide and threads raced."""
    import sys
    from concurrent.futures import ThreadPoolExecutor
    from cchc.core.media.images import ImageProblem, open_checked
    bomb = png_header(10000, 10000)  # over Pillow's limit, under twice the limit: Pillow only warns

    def refused_as_bomb(data: bytes) -> bool:
        try:
            open_checked(data)
        except ImageProblem as problem:
            return "quá lớn" in str(problem)
        return False

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, so that a race shows at once
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(refused_as_bomb, [bomb] * 5000))
    finally:
        sys.setswitchinterval(interval)
    assert all(results), f"{results.count(False)} of 5000 bombs passed"


@pytest.mark.parametrize("python", ["/bin/false", "/khong/co/python"])
def test_cards_are_drawn_here_when_a_worker_fails_or_cannot_start(tmp_path, monkeypatch, python):
    """A worker that exits with an error, or a system where no process can start: same cards, drawn
    in this process, nothing left behind in the cache folder but the cards."""
    face = CardFace("Sở Thử nghiệm", vietnamese_font(400), vietnamese_font(700), CardStyle())
    jobs = [CardJob(f"{i:064x}", f"Tin số {i}", "ngày 05 tháng 03 năm 2025") for i in range(IN_PROCESS + 2)]
    cache = ImageCache(tmp_path / "anh")
    monkeypatch.setattr(sys, "executable", python)
    batch = CardBatch(cache, face, jobs)
    assert batch.processes == (background_workers() if python == "/bin/false" else 0)  # started, or none could be
    batch.wait()
    assert cache.processed == len(jobs)
    card = cache.planned_file(jobs[-1].key, CARD).read_bytes()
    assert card == draw_card("Tin số 65", "ngày 05 tháng 03 năm 2025", "Sở Thử nghiệm",
                             vietnamese_font(400), vietnamese_font(700))
    assert not list((tmp_path / "anh").glob(".*"))  # no job file, no half-written entry


def test_pictures_are_made_while_the_content_loads_and_unused_ones_stay_unpublished(tmp_path):
    """ImagePrefetch publishes every picture under content/ in a helper process before anything
    knows which are used; publish_media then takes the used ones and makes nothing twice."""
    from cchc.core.content import load_content
    from cchc.core.content_tree import ContentTree
    from cchc.core.media.image_jobs import ImagePrefetch
    from cchc.core.media.media import publish_media
    from cchc.core.settings import Settings

    site = Site(tmp_path / "site")
    site.write("content/tin-bai/2025/anh/hoi-nghi.jpg", phone_photo(1200, 900))
    site.write("content/tin-bai/2025/anh/chua-dung.jpg", phone_photo(900, 1200))  # no article shows it
    site.add_article("2025/a.md", TITLE, "2025-03-05 08:00", image="anh/hoi-nghi.jpg", image_alt="Hội trường")
    site.build()
    assert not list((site.root / "site").rglob("chua-dung*"))
    settings = Settings(project_dir=site.root, categories=("Tin tức CCHC",))
    cache = ImageCache(tmp_path / "images")
    prefetched = ImagePrefetch(settings.content_root, ContentTree(settings.content_root), cache)
    prefetched.join()  # as if loading took longer than the pictures
    assert len(list((tmp_path / "images").glob("*/*/meta.json"))) == 2  # stored by the helper process
    media = publish_media(load_content(settings), cache, cards=False, prefetched=prefetched)
    assert (cache.processed, cache.reused) == (2, 0)  # nothing made or even looked up again
    assert sorted(media.images) == ["tin-bai/2025/anh/hoi-nghi.jpg"]


def test_cards_without_a_cover_start_before_the_pictures_are_made(tmp_path, monkeypatch):
    """The card workers (a cold build's longest job) start as soon as the content is loaded: the
    pictures and share crops are made meanwhile, and cover articles get no card."""
    from cchc.core.content import load_content
    from cchc.core.media import media as media_module
    from cchc.core.settings import Settings

    site = Site(tmp_path / "site")
    site.write("content/tin-bai/2025/anh/hoi-nghi.jpg", phone_photo(1200, 900))
    site.add_article("2025/co-anh.md", TITLE, "2025-03-05 08:00", image="anh/hoi-nghi.jpg", image_alt="Hội trường")
    for i in range(IN_PROCESS + 2):
        site.add_article(f"2025/bai-{i:03d}.md", f"Tin số {i:03d}", "2025-03-06 08:00")
    settings = Settings(project_dir=site.root, categories=("Tin tức CCHC",))
    seen = []
    real_images = media_module._images
    monkeypatch.setattr(media_module, "_images", lambda content, cache, settings, media, *rest: (
        seen.append(media.pending is not None and len(media.pending.jobs)), real_images(content, cache, settings, media, *rest)))
    content = load_content(settings)
    media = media_module.publish_media(content, ImageCache(tmp_path / "images"), background=True)
    assert seen == [IN_PROCESS + 2]  # drawing in other processes while the picture was made
    media.finish()
    assert all(path.is_file() for path in media.card_files.values())
    cover = next(article for article in content.articles.articles if article.image)
    assert media.cards[cover.url].endswith(".og.jpg") and len(media.cards) == IN_PROCESS + 3


def test_image_cache_entries_no_build_used_for_30_days_are_deleted(tmp_path):
    """A build marks what it reads as used; prune() (once a day) deletes the rest after 30 days:
    the cache does not keep every picture of every code version and every edited title's card."""
    import os
    import time

    from cchc.core.media.image_cache import DAY, PRUNE_STAMP

    folder = tmp_path / "anh"
    made = ImageCache(folder)
    entries = {name: made.get_or_make(made.key(name.encode(), "s"), lambda: ({}, {"IMG.png": b"png"}))
               for name in ("dung", "cu", "moi")}
    long_ago = time.time() - 40 * DAY
    for name in ("dung", "cu"):
        os.utime(entries[name].folder, (long_ago, long_ago))
    leftover = folder / ".the-chia-se-123.json"  # the request of a killed build
    leftover.write_text("{}")
    os.utime(leftover, (long_ago, long_ago))

    build = ImageCache(folder)  # the next build reads one of the old entries: it is used again
    assert build.find(build.key(b"dung", "s")) is not None
    assert build.prune() == 2
    assert entries["dung"].folder.is_dir() and entries["moi"].folder.is_dir()
    assert not entries["cu"].folder.exists() and not leftover.exists()
    os.utime(entries["moi"].folder, (long_ago, long_ago))
    assert ImageCache(folder).prune() == 0  # ran today already
    os.utime(folder / PRUNE_STAMP, (long_ago, long_ago))
    assert ImageCache(folder).prune() == 1 and not entries["moi"].folder.exists()


def test_a_build_prunes_the_cover_it_no_longer_uses_and_keeps_the_one_it_does(tmp_path):
    import os
    import time

    from cchc.core.media.image_cache import DAY, PRUNE_STAMP

    site = Site(tmp_path / "site")
    site.write("content/tin-bai/2025/anh/cu.jpg", phone_photo(1200, 900))
    site.write("content/tin-bai/2025/anh/giu.jpg", phone_photo(900, 1200))
    site.add_article("2025/a.md", TITLE, "2025-03-05 08:00", image="anh/cu.jpg", image_alt="Hội trường")
    site.add_article("2025/b.md", "Bài thứ hai", "2025-03-06 08:00", image="anh/giu.jpg", image_alt="Phòng họp")
    site.build()
    cache = site.root / ".cache/cchc/images"
    long_ago = time.time() - 40 * DAY
    for path in [cache / PRUNE_STAMP, *cache.glob("*/*")]:
        os.utime(path, (long_ago, long_ago))
    before = {p.name for p in cache.glob("*/*")}
    site.add_article("2025/a.md", TITLE, "2025-03-05 08:00", image_alt="Hội trường")  # cover taken off
    (site.root / "content/tin-bai/2025/anh/cu.jpg").unlink()
    result = site.build()
    after = {p.name for p in cache.glob("*/*")}
    assert "đã xóa 2 mục" in result.stderr, result.stderr  # the old cover's entry and its share crop
    assert len(before - after) == 2
    assert site.exists("tin-bai/2025/anh/giu.jpg") and not site.exists("tin-bai/2025/anh/cu.jpg")
    again = site.build()  # nothing made again: what the site uses was kept
    assert "Ảnh: 0 ảnh/thẻ chia sẻ mới được xử lý" in again.stderr
