"""The picture a shared link shows on Zalo and Facebook: 1200x630 PNG with the agency's name and
colours, the article's title and date. Drawn with Pillow and a packaged font: nothing is fetched."""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from cchc.core.text.vietnamese import nfc
from cchc.core.urls import CARD, card_url

WIDTH, HEIGHT = 1200, 630
FILE_NAME = CARD  # next to the article's index.html (core.urls)
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
    return card_url(article_url)


def wrap_words(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str] | None:
    """Lines no wider than `width`, broken only between words; None if one word alone is too wide."""
    lines: list[str] = []
    line_width = 0.0
    space = _width(font, " ")
    for word in text.split():
        word_width = _width(font, word)
        if word_width > width:
            return None
        if lines and line_width + space + word_width <= width:
            lines[-1] = f"{lines[-1]} {word}"
            line_width += space + word_width
        else:
            lines.append(word)
            line_width = word_width
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
def _colours(style: CardStyle) -> tuple[tuple[int, int, int], ...]:
    """Every colour a card can hold, so that it is an 8-bit PNG: a third of the bytes to compress
    (the slow part of a card) and no visible loss, since the card has only these blends."""
    colours = (_ramp(style.text, style.background) + _ramp(style.muted, style.background)
               + _ramp("#ffffff", style.band) + [_hex(style.accent), _hex(style.band)])
    return tuple(dict.fromkeys(colours))[:256]


def _palette(style: CardStyle) -> list[int]:
    return [v for colour in _colours(style) for v in colour]


@lru_cache(maxsize=8)
def _indices(style: CardStyle) -> dict[tuple[int, int, int], int]:
    """Colour -> its index in the card's palette."""
    return {colour: i for i, colour in enumerate(_colours(style))}


@lru_cache(maxsize=8)
def _ink(front: str, back: str, style: CardStyle) -> tuple[int, ...]:
    """Coverage of a glyph (0-255) -> palette index of the blend of `front` over `back`."""
    index = _indices(style)
    ramp = _ramp(front, back)
    return tuple(index[ramp[round(v * (len(ramp) - 1) / 255)]] for v in range(256))


@lru_cache(maxsize=8)
def _background(agency: str, regular: Path, bold: Path, style: CardStyle) -> Image.Image:
    """What every card of the agency shares (band, agency name, date mark): drawn once per process,
    straight in the card's palette (no quantising, which would shift the white of some areas)."""
    index = _indices(style)
    card = Image.new("P", (WIDTH, HEIGHT), index[_hex(style.background)])
    card.putpalette(_palette(style))
    draw = ImageDraw.Draw(card)
    draw.rectangle([0, 0, WIDTH, 150], fill=index[_hex(style.band)])
    draw.rectangle([0, 150, WIDTH, 158], fill=index[_hex(style.accent)])
    draw.rectangle([MARGIN, 548, MARGIN + 8, 588], fill=index[_hex(style.band)])
    agency_font = _font(bold, 32)
    agency_lines = (wrap_words(agency, agency_font, WIDTH - 2 * MARGIN) or [agency])[:2]  # at most two lines
    top = 75 - len(agency_lines) * 22
    _text(card, BAND_BOX, _ink("#ffffff", style.band, style),
          [(MARGIN, top + i * 44, line) for i, line in enumerate(agency_lines)], agency_font)
    return card


@lru_cache(maxsize=32)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


@lru_cache(maxsize=65536)
def _width(font: ImageFont.FreeTypeFont, word: str) -> float:
    return font.getlength(word)


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


# Where text goes, each box of one colour in the background (the band; between the band and the
# date mark; right of the mark), so the text's coverage can be turned into palette indices and pasted whole.
BAND_BOX = (0, 0, WIDTH, 150)
TITLE_BOX = (0, 158, WIDTH, 548)
DATE_BOX = (MARGIN + 12, 540, WIDTH, HEIGHT)


def _draw_line(coverage: Image.Image, x: int, y: int, line: str, font: ImageFont.FreeTypeFont) -> None:
    """The line word by word into a coverage mask, each word where it starts in the line."""
    space = _width(font, " ")
    start = 0.0
    for word in line.split(" "):
        if word:
            left, top, mask = _word(font, word)
            if mask is not None:
                coverage.paste(255, (x + round(start) + left, y + top), mask)
            start += _width(font, word)
        start += space


def _text(card: Image.Image, box: tuple[int, int, int, int], ink: tuple[int, ...], lines, font) -> None:
    """`lines` ((x, y, text) in card coordinates) in the palette blends `ink`, onto the card's `box`."""
    coverage = Image.new("L", (box[2] - box[0], box[3] - box[1]))
    for x, y, line in lines:
        _draw_line(coverage, x - box[0], y - box[1], line, font)
    card.paste(Image.frombytes("P", coverage.size, coverage.point(ink).tobytes()), box[:2])


def draw_card(title: str, date_label: str, agency: str, regular: Path, bold: Path,
              style: CardStyle = CardStyle()) -> bytes:
    card = _background(nfc(agency), regular, bold, style).copy()
    # title, vertically centred between the band and the date
    font, lines = fit_title(nfc(title), bold, WIDTH - 2 * MARGIN)
    line_height = round(font.size * 1.28)
    top = 190 + (330 - line_height * len(lines)) // 2
    _text(card, TITLE_BOX, _ink(style.text, style.background, style),
          [(MARGIN, top + i * line_height, line) for i, line in enumerate(lines)], font)
    _text(card, DATE_BOX, _ink(style.muted, style.background, style), [(MARGIN + 26, 548, nfc(date_label))], _font(regular, 32))
    out = io.BytesIO()
    # Level 1: 18 % less CPU than 2 for 6 % more bytes (4.6 -> 3.8 ms, 27 -> 28.6 KB a card; 3,000 cards:
    # 2.4 s of a cold build). Only Zalo's and Facebook's servers fetch a card, once, not readers' phones.
    card.save(out, "PNG", compress_level=1)
    return out.getvalue()
