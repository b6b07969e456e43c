"""Photos for the web with Pillow: upright, without metadata, never larger than needed.

One source image gives (all next to the source, so relative links keep working):
- a clean copy at the source's own path: EXIF orientation applied, every metadata block (EXIF with
  GPS, XMP, comments, ICC after conversion to sRGB) removed, at most MAX_SIDE pixels on each side;
- responsive variants `<name>.w<width>.webp` + a JPEG (or PNG, with transparency) fallback;
- listing thumbnails `<name>.t<width>.*`, the whole picture at its own ratio (words in a picture
  are not cut off), unless a thumb_ratio is set.
No variant is ever wider than its source (never upscaled). The same bytes and settings always give
the same output bytes.
"""
from __future__ import annotations

import io
import posixpath
import threading
import warnings
from dataclasses import dataclass, field

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from cchc.core.urls import SHARE_CROP

RASTER_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
# Every name a photo or picture may have: each one is decoded and re-encoded (no EXIF, GPS, XMP or
# comment survives), or refused when its format is not one the section publishes. A JPEG saved as
# .jfif or .jpe is a JPEG; a .tif, .gif or .bmp is refused with a message, never copied as it is.
IMAGE_SUFFIXES = RASTER_SUFFIXES | frozenset({
    ".jfif", ".jpe", ".pjpeg", ".pjp", ".apng", ".gif", ".tif", ".tiff", ".bmp", ".dib", ".ico", ".cur",
    ".heic", ".heif", ".avif", ".jxl", ".jp2", ".j2k", ".jpx", ".psd", ".tga", ".pcx", ".ppm", ".pgm", ".pbm",
    ".pnm", ".xbm", ".xpm", ".dds", ".icns", ".eps", ".svg", ".svgz", ".emf", ".wmf", ".raw", ".dng", ".cr2",
    ".nef", ".arw", ".orf", ".rw2"})
# What image files begin with: a photo under another name (anh.dat, anh.pdf) is still a photo.
_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*",
          b"\x00\x00\x01\x00", b"8BPS", b"\xff\x0a", b"\x00\x00\x00\x0cjXL ")
_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


@dataclass(frozen=True)
class ImageSettings:
    widths: tuple[int, ...] = (480, 800, 1200, 1600)  # responsive variants: a 3x phone needs ~1100 px, a 2x desktop ~1500
    thumb_widths: tuple[int, ...] = (320, 640)  # listing cards: 9rem on desktop, full width on phones
    thumb_ratio: tuple[int, int] | None = None  # None: the source's own ratio, nothing cropped
    max_side: int = 2560  # the clean copy at the source path: no published image is larger
    jpeg_quality: int = 80
    webp_quality: int = 78

    def key(self) -> str:
        return repr(self)


class ImageProblem(Exception):
    """A source that cannot be published; message and fix in Vietnamese."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Variant:
    path: str  # relative to the content root (= site path)
    width: int
    height: int

    @property
    def type(self) -> str:
        return _TYPES[posixpath.splitext(self.path)[1]]


@dataclass(frozen=True)
class PublishedImage:
    path: str  # the clean copy, at the source's path
    width: int  # of the clean copy, as displayed (after EXIF rotation)
    height: int
    size: int = 0  # bytes of the clean copy
    variants: tuple[Variant, ...] = ()
    thumbs: tuple[Variant, ...] = field(default=())

    def of_type(self, kind: str, mime: str) -> list[Variant]:
        return [v for v in (self.thumbs if kind == "thumb" else self.variants) if v.type == mime]

    def fallback_type(self, kind: str) -> str:
        return next(v.type for v in (self.thumbs if kind == "thumb" else self.variants) if v.type != "image/webp")

    def to_json(self) -> dict:
        return {"path": self.path, "width": self.width, "height": self.height, "size": self.size,
                "variants": [[v.path, v.width, v.height] for v in self.variants],
                "thumbs": [[v.path, v.width, v.height] for v in self.thumbs]}

    @classmethod
    def from_json(cls, data: dict) -> "PublishedImage":
        return cls(data["path"], data["width"], data["height"], data["size"],
                   tuple(Variant(*v) for v in data["variants"]), tuple(Variant(*v) for v in data["thumbs"]))


_WARNINGS_LOCK = threading.Lock()


def is_raster(path: str) -> bool:
    """Named like an image: published only through `process` (re-encoded), or refused by it."""
    return posixpath.splitext(path)[1].lower() in IMAGE_SUFFIXES


def looks_like_image(head: bytes) -> bool:
    """The first bytes of a file are those of an image (whatever its name says)."""
    return head.startswith(_MAGIC) or (head[:2] == b"BM" and head[6:10] == bytes(4)) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP") or \
        (head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"avif", b"heim", b"heis"))


def open_checked(data: bytes) -> Image.Image:
    """Decode fully, so that a truncated file or a decompression bomb is found now, not by a reader."""
    try:
        # Images are checked in threads (media.py) and warning filters are process-wide: without the
        # lock one thread's catch_warnings exit would undo another's, and a bomb would pass as a warning.
        with _WARNINGS_LOCK, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)  # Pillow's limit is an error here
            picture = Image.open(io.BytesIO(data))  # reads the header only; the size check happens here
        picture.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(
            f"Ảnh quá lớn (vượt giới hạn {Image.MAX_IMAGE_PIXELS:,} điểm ảnh của Pillow, có thể là "
            "'bom giải nén').", "Thu nhỏ ảnh xuống dưới 4000 điểm ảnh mỗi chiều rồi lưu lại.") from None
    except (UnidentifiedImageError, Image.UnidentifiedImageError):
        raise ImageProblem("Tệp không phải ảnh (không đọc được như JPEG, PNG hay WebP) nên không được đăng.",
                           "Mở ảnh bằng trình xem ảnh và lưu lại dạng JPEG (.jpg) hoặc PNG (.png).") from None
    except (OSError, SyntaxError, ValueError) as error:  # truncated data, broken chunks
        raise ImageProblem(f"Tệp ảnh bị hỏng hoặc chưa tải lên hết ({error}).",
                           "Chép lại ảnh gốc từ máy ảnh/điện thoại rồi lưu đè tệp này.") from None
    if picture.format not in _FORMATS:
        raise ImageProblem(f"Ảnh dạng {picture.format} không được đăng (chuyên mục chỉ đăng ảnh JPEG, PNG hoặc WebP).",
                           "Mở ảnh bằng Paint hoặc Photos, 'Lưu thành' PNG (.png) hoặc JPEG (.jpg), "
                           "rồi sửa tên tệp trong bài.")
    return picture


def _upright_srgb(picture: Image.Image) -> Image.Image:
    """Orientation applied, colours in sRGB, mode RGB or RGBA, and no metadata left in `info`."""
    icc = picture.info.get("icc_profile")
    upright = ImageOps.exif_transpose(picture)
    alpha = upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info)
    mode = "RGBA" if alpha else "RGB"
    if upright.mode not in ("RGB", "RGBA"):
        upright = upright.convert("RGBA" if alpha else "RGB")
    if icc:  # phone photos are often Display P3: convert, since the profile itself is dropped
        try:
            upright = ImageCms.profileToProfile(upright, ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                                                ImageCms.createProfile("sRGB"), outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: keep the pixels as they are
    clean = upright.convert(mode) if upright.mode != mode else upright.copy()
    clean.info = {}
    return clean


def _fit(size: tuple[int, int], max_width: int, max_side: int) -> tuple[int, int]:
    width, height = size
    scale = min(1.0, max_width / width, max_side / width, max_side / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _encode(picture: Image.Image, suffix: str, settings: ImageSettings) -> bytes:
    out = io.BytesIO()
    if suffix == ".webp":
        picture.save(out, "WEBP", quality=settings.webp_quality, method=4)
    elif suffix == ".png":
        picture.save(out, "PNG", optimize=True)
    else:
        picture.convert("RGB").save(out, "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True)
    return out.getvalue()


def _variant_path(path: str, tag: str, suffix: str) -> str:
    return f"{path}.{tag}{suffix}"


SHARE_SIZE = (1200, 630)  # what Zalo and Facebook show whole for a shared link (Open Graph)
SHARE = SHARE_CROP  # the one output of a share crop's cache entry (its site path: core.urls.share_crop_url)


def share_crop(data: bytes, settings: ImageSettings) -> bytes:
    """A cover as the picture of a shared link: its centre cropped to 1200x630, as JPEG (every
    reader takes it; transparent parts on white). Raises ImageProblem for a source that cannot be used."""
    picture = _upright_srgb(open_checked(data))
    if picture.mode == "RGBA":
        background = Image.new("RGB", picture.size, (255, 255, 255))
        background.paste(picture, mask=picture.getchannel("A"))
        picture = background
    return _encode(ImageOps.fit(picture, SHARE_SIZE, Image.LANCZOS), ".jpg", settings)


def process(path: str, data: bytes, settings: ImageSettings) -> tuple[PublishedImage, dict[str, bytes]]:
    """(what to publish, site path -> bytes). Raises ImageProblem for a source that cannot be used."""
    source = open_checked(data)
    own_suffix = _FORMATS[source.format]
    picture = _upright_srgb(source)
    # PNG stays PNG (screenshots, diagrams: sharp edges); photos and anything with transparency
    fallback = ".png" if picture.mode == "RGBA" or own_suffix == ".png" else ".jpg"
    outputs: dict[str, bytes] = {}

    full_size = _fit(picture.size, settings.max_side, settings.max_side)
    full = picture if full_size == picture.size else picture.resize(full_size, Image.LANCZOS, reducing_gap=3.0)
    outputs[path] = _encode(full, own_suffix, settings)

    # Largest first, each scaled from the previous one: several times cheaper than from the full
    # copy every time, and no visible difference after a Lanczos filter.
    variants: list[Variant] = []
    scaled = full
    smaller = [full]  # whole pictures made so far, largest first: what a thumbnail is scaled from
    for width in sorted({_fit(full.size, w, settings.max_side)[0] for w in settings.widths}, reverse=True):
        size = _fit(full.size, width, settings.max_side)
        if size != scaled.size:
            scaled = scaled.resize(size, Image.LANCZOS, reducing_gap=3.0)
            smaller.append(scaled)
        for suffix in (".webp", fallback):
            target = _variant_path(path, f"w{size[0]}", suffix)
            # the clean copy's own size and format: the same bytes, not encoded twice
            outputs[target] = outputs[path] if scaled is full and suffix == own_suffix else _encode(scaled, suffix, settings)
            variants.append(Variant(target, *size))
    variants.sort(key=lambda v: (v.width, v.path))

    ratio_w, ratio_h = settings.thumb_ratio or full.size
    crop_w = min(full.width, round(full.height * ratio_w / ratio_h))
    crop_h = min(full.height, round(crop_w * ratio_h / ratio_w))
    whole = (crop_w, crop_h) == full.size  # nothing cut off: scaled from the smallest variant wide enough
    left, top = (full.width - crop_w) / 2, (full.height - crop_h) / 2  # the centre: cropped to one ratio
    thumbs: list[Variant] = []
    for width in sorted({min(w, crop_w) for w in settings.thumb_widths}):
        size = (width, max(1, round(width * ratio_h / ratio_w)))
        if whole:
            base = next(p for p in reversed(smaller) if p.width >= width and p.height >= size[1])
            cropped = base if base.size == size else base.resize(size, Image.LANCZOS, reducing_gap=3.0)
        else:
            cropped = full.resize(size, Image.LANCZOS, box=(left, top, left + crop_w, top + crop_h), reducing_gap=3.0)
        for suffix in (".webp", fallback):
            target = _variant_path(path, f"t{width}", suffix)
            outputs[target] = _encode(cropped, suffix, settings)
            thumbs.append(Variant(target, *size))
    return PublishedImage(path, full.width, full.height, len(outputs[path]), tuple(variants), tuple(thumbs)), outputs

