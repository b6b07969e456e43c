"""One path from an article's Markdown to its page: site extensions in excerpts, links resolved by
MkDocs from the content file (code untouched), page meta escaped."""
from __future__ import annotations

from cchc.core.news.excerpt import Excerpts

ADMONITION = '!!! note "Lưu ý"\n    Hồ sơ nộp trước ngày 15.\n\n<!-- more -->\n\nPhần sau.'


def png_bytes() -> bytes:
    import io
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_excerpt_uses_the_site_extensions():
    assert Excerpts(("admonition",)).excerpt(ADMONITION, None) == "Lưu ý Hồ sơ nộp trước ngày 15."
    assert "!!!" in Excerpts(()).excerpt(ADMONITION, None)  # what the old excerpt showed


def test_article_page_links_code_and_meta(site):
    site.extra_config = {"markdown_extensions": ["tables", "admonition"]}
    site.add_article("2026/b.md", "Bài đích", "2026-10-01 08:00", body="Bài được dẫn tới.")
    site.add_article("2026/a.md", "Bài dẫn", "2026-10-02 08:00", description='Mô tả "đặc biệt" <b>',
                     body=ADMONITION + "\n\nXem [bài đích](b.md) và [ảnh](anh/x.png).\n\n"
                     "Mã `[x](b.md)` và:\n\n```\n[y](b.md)\n```\n")
    site.write("content/tin-bai/2026/anh/x.png", png_bytes())
    site.build()
    page = site.html("tin-bai/2026/10/bai-dan/")
    assert 'href="../bai-dich/"' in page  # MkDocs resolved the content-relative link to the page's URL
    assert 'src="../../anh/x.png"' in page or 'href="../../anh/x.png"' in page
    assert "<code>[x](b.md)</code>" in page and "[y](b.md)\n</code>" in page  # code is left as written
    assert '<meta name="description" content="Mô tả &quot;đặc biệt&quot; &lt;b&gt;">' in page
    listing = site.html("tin-bai/")
    assert "Lưu ý Hồ sơ nộp trước ngày 15." in listing and "!!!" not in listing
