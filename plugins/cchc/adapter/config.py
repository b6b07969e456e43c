"""The plugin's options, declared and validated the MkDocs way."""
from mkdocs.config import base, config_options as c


class CchcConfig(base.Config):
    content_dir = c.Type(str, default="content")
    timezone = c.Type(str, default="Asia/Ho_Chi_Minh")
    categories = c.ListOfItems(c.Type(str), default=[])
    per_page = c.Type(int, default=10)
    feed_items = c.Type(int, default=20)
    atomic = c.Type(bool, default=True)  # build into a staging folder, swap in at the end
