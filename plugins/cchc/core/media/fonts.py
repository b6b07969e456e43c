"""A font that has every Vietnamese diacritic, found offline: the pinned PyPI package first
(fontpkg-be-vietnam-pro), then DejaVu Sans from the system (Debian: fonts-dejavu-core)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_SYSTEM = {
    400: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf",
          "/usr/share/fonts/TTF/DejaVuSans.ttf"],
    700: ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
          "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"],
}
MISSING = ("Không tìm thấy phông chữ có đủ dấu tiếng Việt (gói Python fontpkg-be-vietnam-pro hoặc "
           "DejaVu Sans của hệ thống). Cách sửa: chạy lại 'pip install -e .' hoặc 'apt-get install fonts-dejavu-core'.")


@lru_cache(maxsize=None)
def vietnamese_font(weight: int = 400) -> Path | None:
    """Path of a TTF (400 regular or 700 bold), or None when none is installed."""
    try:
        import fontpkg

        path = Path(fontpkg.path("Be Vietnam Pro", weight, nearest=True))
        if path.is_file():
            return path
    except Exception:  # not installed, or a broken install: try the system fonts
        pass
    for candidate in _SYSTEM.get(weight, _SYSTEM[400]):
        if Path(candidate).is_file():
            return Path(candidate)
    return None
