"""`<picture>` markup for a published image: WebP srcset, JPEG/PNG fallback, the displayed size.

Every file name goes through urls.file_href and every attribute through html.escape, so no file name
can break out of an attribute. Variants sit next to the image, so their URLs are the image's URL
with the last segment replaced: that works for any page depth and any base URL.
"""
from __future__ import annotations

import html
import posixpath
from typing import Mapping
from urllib.parse import unquote, urlsplit

import lxml.html

from cchc.core.media.images import PublishedImage, Variant
from cchc.core.urls import file_href

# What the CSS gives each kind of image (theme/assets/cchc.css; 1em = 16px in `sizes`).
SIZES = {
    "cover": "(min-width: 76.25em) 46rem, (min-width: 60em) calc(100vw - 15rem), 100vw",
    "body": "(min-width: 76.25em) 46rem, (min-width: 60em) calc(100vw - 15rem), 100vw",
    "thumb": "(max-width: 30em) 100vw, 9rem",
}


_PLACEHOLDER = "cchc-picture-slot"


def _sibling(href: str, variant: Variant) -> str:
    folder = href.rsplit("/", 1)[0] + "/" if "/" in href else ""
    return folder + file_href(posixpath.basename(variant.path))


def _srcset(href: str, variants: list[Variant]) -> str:
    return ", ".join(f"{_sibling(href, v)} {v.width}w" for v in variants)


def picture_html(image: PublishedImage, href: str, alt: str, kind: str = "body", lazy: bool = True,
                 css_class: str = "") -> str:
    """href: the URL of the image file as this page reaches it (e.g. `../../anh/x.jpg`)."""
    webp = image.of_type(kind, "image/webp")
    fallback = image.of_type(kind, image.fallback_type(kind))
    default = next((v for v in fallback if v.width >= 640), fallback[-1])  # for browsers without srcset
    e = lambda text: html.escape(text, quote=True)  # noqa: E731
    attributes = [f'src="{e(_sibling(href, default))}"', f'srcset="{e(_srcset(href, fallback))}"',
                  f'sizes="{e(SIZES[kind])}"', f'alt="{e(alt)}"',
                  f'width="{default.width}" height="{default.height}"', 'decoding="async"']
    if lazy:
        attributes.append('loading="lazy"')
    if css_class:
        attributes.append(f'class="{e(css_class)}"')
    return (f'<picture><source type="image/webp" srcset="{e(_srcset(href, webp))}" sizes="{e(SIZES[kind])}">'
            f'<img {" ".join(attributes)}></picture>')


def _site_path(src: str, page_url: str) -> str | None:
    """The site path an `<img src>` reaches from the page at page_url; None for other sites/data:."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), unquote(parts.path)))
    return None if joined.startswith("..") else joined


def responsive_body(body_html: str, page_url: str, images: Mapping[str, PublishedImage]) -> str:
    """Every `<img>` of an article body that shows a published image becomes a lazy `<picture>`;
    other markup is left as it was (the body is only re-serialised when an image is replaced)."""
    if "<img" not in body_html:
        return body_html
    fragments = lxml.html.fragments_fromstring(body_html) if body_html.strip() else []
    # libxml2 parses HTML 4 and would nest <img> inside a parsed <source>: each new <picture> is put
    # in as an empty placeholder element and its markup written in after serialisation.
    pictures: list[str] = []
    for position, root in enumerate(fragments):
        if isinstance(root, str):
            continue
        for img in list(root.iter("img")):
            image = images.get(_site_path(img.get("src", ""), page_url) or "")
            parent = img.getparent()
            if image is None or (parent is not None and parent.tag == "picture"):
                continue
            pictures.append(picture_html(image, img.get("src"), img.get("alt", ""), "body", lazy=True,
                                         css_class=img.get("class", "")))
            placeholder = lxml.html.Element(_PLACEHOLDER, {"n": str(len(pictures) - 1)})
            placeholder.tail = img.tail
            if parent is None:  # the fragment is the <img> itself
                fragments[position] = placeholder
            else:
                parent.replace(img, placeholder)
    if not pictures:
        return body_html
    out = "".join(f if isinstance(f, str) else lxml.html.tostring(f, encoding="unicode") for f in fragments)
    for n, markup in enumerate(pictures):
        out = out.replace(f'<{_PLACEHOLDER} n="{n}"></{_PLACEHOLDER}>', markup, 1)
    return out
