"""Never leave a half-written site: build into a sibling folder, then swap it in."""
from __future__ import annotations

import os
import shutil
from pathlib import Path


class StagedOutput:
    def __init__(self, site_dir: str):
        self.final = Path(site_dir).resolve()
        self.staging = self.final.with_name(f".{self.final.name}.dang-xay-dung")
        self.old = self.final.with_name(f".{self.final.name}.cu")

    def start(self) -> str:
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        return str(self.staging)

    def commit(self) -> None:
        shutil.rmtree(self.old, ignore_errors=True)
        if self.final.exists():
            os.replace(self.final, self.old)
        os.replace(self.staging, self.final)
        shutil.rmtree(self.old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
