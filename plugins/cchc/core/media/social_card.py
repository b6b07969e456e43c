"""The picture a shared link shows on Zalo and Facebook: 1200x630 PNG with the agency's name and
colours, the article's title and date. Drawn with Pillow and a packaged font: nothing is fetched."""
from __future__ import annotations

import io
from dataclasses import dataclass
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
        font = ImageFont.truetype(str(font_path), size)
        lines = wrap_words(title, font, width)
        if lines is not None and len(lines) <= TITLE_LINES:
            return font, lines
    font = ImageFont.truetype(str(font_path), TITLE_SIZES[-1])
    words = title.split()
    while words:
        lines = wrap_words(" ".join(words) + " …", font, width)
        if lines is not None and len(lines) <= TITLE_LINES:
            return font, lines
        words.pop()
    return font, ["…"]


def draw_card(title: str, date_label: str, agency: str, regular: Path, bold: Path,
              style: CardStyle = CardStyle()) -> bytes:
    card = Image.new("RGB", (WIDTH, HEIGHT), style.background)
    draw = ImageDraw.Draw(card)
    inner = WIDTH - 2 * MARGIN
    # agency band: its name on at most two lines
    draw.rectangle([0, 0, WIDTH, 150], fill=style.band)
    draw.rectangle([0, 150, WIDTH, 158], fill=style.accent)
    agency_font = ImageFont.truetype(str(bold), 32)
    agency_lines = (wrap_words(nfc(agency), agency_font, inner) or [nfc(agency)])[:2]
    top = 75 - len(agency_lines) * 22
    for i, line in enumerate(agency_lines):
        draw.text((MARGIN, top + i * 44), line, font=agency_font, fill="#ffffff")
    # title, vertically centred between the band and the date
    font, lines = fit_title(nfc(title), bold, inner)
    line_height = round(font.size * 1.28)
    top = 190 + (330 - line_height * len(lines)) // 2
    for i, line in enumerate(lines):
        draw.text((MARGIN, top + i * line_height), line, font=font, fill=style.text)
    # date, with an accent mark
    draw.rectangle([MARGIN, 548, MARGIN + 8, 588], fill=style.band)
    draw.text((MARGIN + 26, 548), nfc(date_label), font=ImageFont.truetype(str(regular), 32), fill=style.muted)
    out = io.BytesIO()
    card.save(out, "PNG", optimize=True)
    return out.getvalue()
