"""Screenshots of the demo for the README: home, an article, the procedure listing, a procedure, the
search page with results, the quota page,
at desktop (1366 px) and phone (360 px) width, into docs/anh/ as small optimised PNGs.

    .venv/bin/python tools/screenshots.py            # builds the demo into a temp folder first
    .venv/bin/python tools/screenshots.py --site site  # or use an existing build

Needs Chromium and chromedriver (Debian: apt-get install chromium chromium-driver) and selenium
(pip install -e '.[test]').
"""
from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser import chromium, served  # noqa: E402  (tests/browser.py: the same headless Chromium as the tests)

PAGES = {  # file name -> demo URL
    "trang-chu": "",
    "tin-bai": "tin-bai/2026/07/hoi-dap-co-can-chu-ky-so-de-nop-ho-so-truc-tuyen-khong/",
    "thu-tuc": "thu-tuc-hanh-chinh/",
    "thu-tuc-chi-tiet": "thu-tuc-hanh-chinh/1.004512/",
    "tim-kiem": "tim-kiem/?q=cap%20giay%20phep",
    "chi-tieu": "chi-tieu/",
    "chi-so": "chi-so-cchc/",
}
SETTLE_SECONDS = {"tim-kiem": 2.0}  # the search page fetches its index pieces, then shows the results
WIDTHS = {"may-tinh": (1366, 900), "dien-thoai": (360, 1200)}
SHOWN_WIDTH = {"may-tinh": 900, "dien-thoai": 300}  # scaled down: a README picture, a few tens of KB


def build_demo(target: Path) -> Path:
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1795316400"),
           "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target)], cwd=REPO, env=env,
                   check=True)
    return target


def shoot(driver, base: str, url: str, width: int, height: int, settle: float = 0) -> Image.Image:
    driver.set_window_size(width, height)
    driver.get(base + url)
    # The window's inner size: Chromium's own bars take some of the window size.
    inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.set_window_size(width + (width - inner[0]), height + (height - inner[1]))
    driver.get(base + url)
    time.sleep(settle)
    return Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")


def save(image: Image.Image, shown_width: int, path: Path) -> None:
    ratio = shown_width / image.width
    image = image.resize((shown_width, round(image.height * ratio)), Image.LANCZOS)
    image = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(path, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(description="Chụp ảnh màn hình trang mẫu cho README.")
    parser.add_argument("--site", type=Path, help="thư mục trang đã dựng (mặc định: dựng lại vào thư mục tạm)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "anh", help="thư mục ghi ảnh")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_demo(Path(tmp) / "site")
        with served(site) as base, chromium() as driver:
            for device, (width, height) in WIDTHS.items():
                for name, url in PAGES.items():
                    path = args.out / f"{name}-{device}.png"
                    save(shoot(driver, base, url, width, height, SETTLE_SECONDS.get(name, 0)), SHOWN_WIDTH[device], path)
                    print(f"{path.relative_to(REPO)}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
