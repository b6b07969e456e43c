"""Read mkdocs.yml the way `mkdocs` does, for the `cchc` commands."""
from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from ..core.settings import Settings
from .plugin import settings_from


class ProjectError(Exception):
    pass


def load_settings(config_file: str) -> Settings:
    try:
        config = load_config(config_file)
    except (ConfigurationError, OSError) as exc:
        raise ProjectError(f"Không đọc được tệp cấu hình '{config_file}': {exc}") from None
    plugin = config.plugins.get("cchc")
    if plugin is None:
        raise ProjectError(f"Tệp '{config_file}' không khai báo plugin 'cchc' trong mục plugins.")
    return settings_from(config, plugin.config)
