"""Run `mkdocs build` noting which route wrote each file of site/ (for test_views): MkDocs' stock
writers (utils.write_file, utils.copy_file, File.copy_file) or the plugin's funnel, adapter/site_output
(its functions and its Output, which also takes every page).
Usage: python site_routes.py <routes.json> [mkdocs build arguments]."""
import json
import os
import sys

import mkdocs.utils
from mkdocs.__main__ import cli
from mkdocs.structure.files import File

from cchc.adapter import site_output

routes: dict[str, str] = {}


def noting(route: str, function, where):
    def wrapper(*args, **kwargs):
        routes.setdefault(os.path.realpath(where(*args, **kwargs)), route)
        return function(*args, **kwargs)
    return wrapper


def _copy_target(source, destination):
    return os.path.join(destination, os.path.basename(source)) if os.path.isdir(destination) else destination


mkdocs.utils.write_file = noting("mkdocs", mkdocs.utils.write_file, lambda content, path: path)
mkdocs.utils.copy_file = noting("mkdocs", mkdocs.utils.copy_file, _copy_target)
File.copy_file = noting("mkdocs", File.copy_file, lambda self, dirty=False: self.abs_dest_path)
site_output.write = noting("site_output", site_output.write, lambda site, path, data: site_output.target(site, path))
site_output.Output.page = noting("site_output", site_output.Output.page,
                                 lambda self, site, path, data: site_output.target(site, path))
site_output.Output.link = noting("site_output", site_output.Output.link,
                                 lambda self, site, path, source: site_output.target(site, path))
site_output.copy = noting("site_output", site_output.copy, lambda site, path, source: site_output.target(site, path))
try:
    cli(["build", *sys.argv[2:]], standalone_mode=False)
finally:
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(routes, out)
