"""Generate a project with N procedures (and a CSV of N rows for the importer), then time both.

    .venv/bin/python benchmarks/gen_procedures.py /tmp/bench-tthc 2000          # write only
    .venv/bin/python benchmarks/gen_procedures.py /tmp/bench-tthc 3000 --time   # write, build, import; print times

The procedures are fictional; every rule of the content spec holds, so the build runs --strict.
The import is timed on a JSON file in the national portal's shape (glued cells, as the crawler saves
them) and on a CSV. Targets (issue 9): import of 3,000 records < 15 s, build with 3,000 procedures
< 20 s, main listing <= 300 KB of HTML at 2,000 procedures.
"""
from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
FIELDS = ["Hộ tịch", "Chứng thực", "Đất đai", "Xây dựng", "Khoa học và công nghệ", "An toàn bức xạ", "Đăng kiểm",
          "Đường bộ", "Giáo dục và đào tạo", "Y tế", "Lao động", "Bảo trợ xã hội", "Thuế", "Hải quan", "Tư pháp",
          "Nuôi con nuôi", "Luật sư", "Công chứng", "Môi trường", "Tài nguyên nước", "Văn hóa", "Du lịch",
          "Thể dục thể thao", "Nông nghiệp", "Thủy sản", "Lâm nghiệp", "Công thương", "Điện lực", "Hàng không",
          "Hàng hải và đường thủy nội địa"]
LEVELS = ["Cấp bộ", "Cấp tỉnh", "Cấp xã", "Cơ quan khác"]
VERBS = ["Cấp", "Cấp lại", "Điều chỉnh", "Gia hạn", "Đăng ký", "Thu hồi", "Công nhận", "Thẩm định", "Phê duyệt"]
OBJECTS = ["giấy phép", "giấy chứng nhận", "chứng chỉ hành nghề", "thẻ", "quyết định", "văn bản xác nhận", "đăng ký hoạt động"]
METHODS = ["direct", "online", "postal"]
FEES = ["Không", "Miễn phí", "50.000 đồng", "150.000 đồng", "1.000.000 đồng"]
HEADER = ["Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Cơ quan thực hiện", "Số quyết định",
          "Cách thức thực hiện", "Thời hạn giải quyết", "Phí, lệ phí", "Trình tự thực hiện"]


def record(i: int, rng: random.Random) -> dict:
    field = FIELDS[i % len(FIELDS)]
    meta = {
        "code": f"2.{i:06d}",
        "name": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {field.lower()} số {i}",
        "field": field,
        "level": rng.choice(LEVELS),
        "kind": "TTHC được luật giao quy định chi tiết",
        "decision": f"{rng.randint(1, 3000)}/QĐ-UBND",
        "decision_date": f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "agency": f"Sở {field}",
        "subjects": ["Công dân Việt Nam", "Doanh nghiệp"],
        "channels": [{"method": m, "time": f"{rng.randint(1, 30)} ngày làm việc", "fee": rng.choice(FEES)}
                     for m in rng.sample(METHODS, rng.randint(1, 3))],
        "documents": [{"name": f"Giấy tờ số {k}", "copies": "1 bản chính"} for k in range(1, rng.randint(2, 6))],
        "results": ["Giấy phép"],
        "legal_basis": [{"name": "Nghị định quy định chi tiết", "number": f"{rng.randint(1, 200)}/2020/NĐ-CP"}],
        "online": rng.choice(["full", "partial", "none"]),
        "url": f"https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{i}",
    }
    if i % 50 == 7:
        meta.update(status="abolished", abolished="2025-06-01", replaced_by=f"2.{i + 1:06d}")
    elif i % 20 == 3:
        meta["status"] = "amended"
    return meta


def generate(root: Path, count: int) -> Path:
    if root.exists():
        shutil.rmtree(root)
    folder = root / "content" / "thu-tuc"
    folder.mkdir(parents=True)
    (root / "docs").mkdir()
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}").replace("docs_dir: site_src", "docs_dir: docs")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    rng = random.Random(5)
    rows = [HEADER]
    for i in range(1, count + 1):
        meta = record(i, rng)
        body = "1. Nộp hồ sơ tại Bộ phận Một cửa hoặc trực tuyến.\n2. Cơ quan thẩm định hồ sơ.\n3. Nhận kết quả.\n"
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        (folder / f"{meta['code']}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        channel = meta["channels"][0]
        rows.append([f"3.{i:06d}", meta["name"], meta["field"], meta["level"], meta["agency"], meta["decision"],
                     "; ".join({"direct": "Trực tiếp", "online": "Trực tuyến", "postal": "Bưu chính"}[c["method"]]
                               for c in meta["channels"]),
                     channel["time"], channel["fee"], body])
    with (root / "import.csv").open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    national = [national_record(i, record(i, random.Random(i))) for i in range(1, count + 1)]
    (root / "national.json").write_text(json.dumps(national, ensure_ascii=False), encoding="utf-8")
    return root


_METHOD_NAMES = {"direct": "Trực tiếp", "online": "Trực tuyến", "postal": "Dịch vụ bưu chính"}


def national_record(i: int, meta: dict) -> dict:
    """The same procedure as the national portal publishes it: cells glued without separators."""
    def fee(text):
        return text.replace(".", ",").replace(" đồng", " Việt Nam Đồng") if text[0].isdigit() else text
    glued = "".join(f"{_METHOD_NAMES[c['method']]}{c['time'].replace('ngày làm việc', 'Ngày làm việc')}"
                    f"{fee(c['fee'])}(Nộp hồ sơ theo quy định)" for c in meta["channels"])
    legal = "".join(f"{b['name']}{b['number']}" for b in meta["legal_basis"])
    return {"ma_thu_tuc": f"4.{i:06d}", "ten_thu_tuc": meta["name"], "so_quyet_dinh": meta["decision"],
            "cap_thuc_hien": meta["level"], "loai_thu_tuc": meta["kind"], "linh_vuc": meta["field"],
            "doi_tuong_thuc_hien": ", ".join(meta["subjects"]), "co_quan_thuc_hien": meta["agency"] if i % 9 else "Không có thông tin",
            "cach_thuc_thuc_hien": f"Hình thức nộpThời gianPhí, lệ phíMô tả{glued}",
            "thanh_phan_ho_so": "--Tên giấy tờMẫu đơn, tờ khaiSố lượng" + "".join(f"{d['name']}{d['copies']}" for d in meta["documents"]),
            "can_cu_phap_ly": f"Tên văn bản pháp lýMã văn bản{legal}",
            "trinh_tu_thuc_hien": "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.", "detail_url": meta["url"]}


def timed(args: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795316400"}
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0,):
        sys.exit(f"{' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench-tthc")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    generate(root, count)
    print(f"{count} procedures written to {root}")
    if "--time" not in sys.argv:
        return
    python = sys.executable
    build = timed([python, "-m", "mkdocs", "build", "--strict"], root)
    pages = sum(1 for _ in (root / "site" / "thu-tuc-hanh-chinh").rglob("index.html"))
    print(f"mkdocs build --strict, {count} procedures: {build:.1f} s ({pages} procedure pages)")
    listing = (root / "site" / "thu-tuc-hanh-chinh" / "index.html").stat().st_size
    data = (root / "site" / "thu-tuc-hanh-chinh" / "danh-sach.json").stat().st_size
    print(f"main listing: {listing / 1024:.0f} KB HTML; filter data loaded on demand: {data / 1024:.0f} KB")
    national = timed([python, "-m", "cchc.cli", "import-tthc", "national.json"], root)
    print(f"cchc import-tthc, {count} national JSON records (glued text, all new): {national:.1f} s")
    first = timed([python, "-m", "cchc.cli", "import-tthc", "import.csv"], root)
    print(f"cchc import-tthc, {count} CSV rows (all new): {first:.1f} s")
    again = timed([python, "-m", "cchc.cli", "import-tthc", "import.csv"], root)
    print(f"cchc import-tthc, {count} CSV rows (all unchanged): {again:.1f} s")


if __name__ == "__main__":
    main()
