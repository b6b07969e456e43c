"""Read mkdocs.yml the way `mkdocs` does, for the `cchc` commands: the same checks, the same messages."""
from __future__ import annotations

import logging

from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from cchc.core.settings import Settings
from .config import site_problem
from .log_messages import translate
from .plugin import settings_from


class ProjectError(Exception):
    pass


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def load_settings(config_file: str) -> Settings:
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)  # MkDocs logs each configuration error, then aborts with a count
    try:
        config = load_config(config_file)
    except (ConfigurationError, Abort, OSError) as exc:
        details = "\n".join(translate(m) for m in collect.messages if "Config value" in m) or str(exc)
        raise ProjectError(f"Cấu hình '{config_file}' có lỗi, cần sửa trước:\n{details}") from None
    finally:
        logger.removeHandler(collect)
    plugin = config.plugins.get("cchc")
    if plugin is None:
        raise ProjectError(f"Tệp '{config_file}' không khai báo plugin 'cchc' trong mục plugins.")
    problem = site_problem(config.site_url)
    if problem:
        raise ProjectError(problem)
    return settings_from(config, plugin.config)
