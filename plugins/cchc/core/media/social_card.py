"""The picture a shared link shows on Zalo and Facebook: 1200x630 PNG with the agency's name and
colours, the article's title and date. Drawn with Pillow and a packaged font: nothing is fetched."""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from cchc.core.text.vietnamese import nfc

WIDTH, HEIGHT = 1200, 630
FILE_NAME = "the-chia-se.png"  # next to the article's index.html
MARGIN = 72
TITLE_SIZES = (66, 60, 54, 48, 44, 40, 36)  # the largest that fits wins
TITLE_LINES = 4


@dataclass(frozen=True)
class CardStyle:
    band: str = "#9b1c1c"  # the agency red of theme/assets/cchc.css
    accent: str = "#f2c230"
    text: str = "#1a1a1a"
    muted: str = "#4a4a4a"
    background: str = "#ffffff"


def card_path(article_url: str) -> str:
    return f"{article_url}{FILE_NAME}"


def wrap_words(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str] | None:
    """Lines no wider than `width`, broken only between words; None if one word alone is too wide."""
    lines: list[str] = []
    for word in text.split():
        if font.getlength(word) > width:
            return None
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def fit_title(title: str, font_path: Path, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the title fits in TITLE_LINES lines; at the smallest size, the words
    that do not fit are left out and '…' ends the last line (still never cut inside a word)."""
    for size in TITLE_SIZES:
        font = _font(font_path, size)
        lines = wrap_words(title, font, width)
        if lines is not None and len(lines) <= TITLE_LINES:
            return font, lines
    font = _font(font_path, TITLE_SIZES[-1])
    words = title.split()
    while words:
        lines = wrap_words(" ".join(words) + " …", font, width)
        if lines is not None and len(lines) <= TITLE_LINES:
            return font, lines
        words.pop()
    return font, ["…"]


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def _ramp(front: str, back: str, steps: int = 64) -> list[tuple[int, int, int]]:
    """The colours of anti-aliased text: `steps` blends from the background to the text colour."""
    f, b = _hex(front), _hex(back)
    return [tuple(round(b[c] + (f[c] - b[c]) * i / (steps - 1)) for c in range(3)) for i in range(steps)]


@lru_cache(maxsize=8)
def _palette(style: CardStyle) -> Image.Image:
    """Every colour a card can hold, so that it is saved as an 8-bit PNG: a third of the bytes to
    compress (the slow part of a card) and no visible loss, since the card has only these blends."""
    colours = (_ramp(style.text, style.background) + _ramp(style.muted, style.background)
               + _ramp("#ffffff", style.band) + [_hex(style.accent), _hex(style.band)])
    colours = list(dict.fromkeys(colours))[:256]
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for colour in colours for v in colour])
    return palette


@lru_cache(maxsize=8)
def _background(agency: str, regular: Path, bold: Path, style: CardStyle) -> Image.Image:
    """What every card of the agency shares (band, agency name, date mark): drawn once per build."""
    card = Image.new("RGB", (WIDTH, HEIGHT), style.background)
    draw = ImageDraw.Draw(card)
    inner = WIDTH - 2 * MARGIN
    draw.rectangle([0, 0, WIDTH, 150], fill=style.band)
    draw.rectangle([0, 150, WIDTH, 158], fill=style.accent)
    agency_font = ImageFont.truetype(str(bold), 32)
    agency_lines = (wrap_words(agency, agency_font, inner) or [agency])[:2]  # at most two lines
    top = 75 - len(agency_lines) * 22
    for i, line in enumerate(agency_lines):
        draw.text((MARGIN, top + i * 44), line, font=agency_font, fill="#ffffff")
    draw.rectangle([MARGIN, 548, MARGIN + 8, 588], fill=style.band)
    return card


@lru_cache(maxsize=32)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


@lru_cache(maxsize=16384)
def _word(font: ImageFont.FreeTypeFont, word: str) -> tuple[int, int, Image.Image | None]:
    """A word as FreeType draws it (left, top of its box, coverage mask), drawn once per process:
    Vietnamese titles are made of a few thousand syllables, and drawing glyphs was half of a card."""
    left, top, right, bottom = font.getbbox(word)
    if right <= left or bottom <= top:
        return left, top, None
    mask = Image.new("L", (right - left, bottom - top))
    ImageDraw.Draw(mask).text((-left, -top), word, font=font, fill=255)
    return left, top, mask


def _draw_line(draw: ImageDraw.ImageDraw, x: int, y: int, line: str, font: ImageFont.FreeTypeFont, fill: str) -> None:
    """The line word by word, each where it starts in the whole line (within half a pixel of
    drawing the line at once)."""
    start = 0
    for word in line.split(" "):
        if word:
            left, top, mask = _word(font, word)
            if mask is not None:
                draw.bitmap((x + round(font.getlength(line[:start])) + left, y + top), mask, fill=fill)
        start += len(word) + 1


def draw_card(title: str, date_label: str, agency: str, regular: Path, bold: Path,
              style: CardStyle = CardStyle()) -> bytes:
    card = _background(nfc(agency), regular, bold, style).copy()
    draw = ImageDraw.Draw(card)
    # title, vertically centred between the band and the date
    font, lines = fit_title(nfc(title), bold, WIDTH - 2 * MARGIN)
    line_height = round(font.size * 1.28)
    top = 190 + (330 - line_height * len(lines)) // 2
    for i, line in enumerate(lines):
        _draw_line(draw, MARGIN, top + i * line_height, line, font, style.text)
    _draw_line(draw, MARGIN + 26, 548, nfc(date_label), _font(regular, 32), style.muted)
    out = io.BytesIO()
    card.quantize(palette=_palette(style), dither=Image.Dither.NONE).save(out, "PNG", compress_level=3)
    return out.getvalue()
