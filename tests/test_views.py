"""Templates read what a page shows from its data (the views), never from the plugin's state.

A Jinja filter or global that reads the plugin (`self.media`, `self.content`...) would make a page's
HTML depend on something outside the page's data, which the page cache's key (a digest of that data)
would then miss: an article's picture or og:image must be carried by the article itself.
"""
from __future__ import annotations

import ast
import json
import os
import re
import shutil

from conftest import REPO
from test_build_cache import CACHE, cached_site, jpeg, tree  # noqa: F401 - cached_site is a fixture

PLUGIN = REPO / "plugins" / "cchc" / "adapter" / "plugin.py"


def _template_callables() -> dict[str, ast.expr]:
    """What on_env hands the templates: `env.filters[name] = value` and `env.globals[name] = value`."""
    tree_ = ast.parse(PLUGIN.read_text(encoding="utf-8"))
    on_env = next(node for node in ast.walk(tree_) if isinstance(node, ast.FunctionDef) and node.name == "on_env")
    found = {}
    for node in ast.walk(on_env):
        if isinstance(node, ast.Assign) and isinstance(target := node.targets[0], ast.Subscript) \
                and isinstance(target.value, ast.Attribute) and target.value.attr in ("filters", "globals"):
            found[ast.literal_eval(target.slice)] = node.value
    return found


def test_no_template_filter_or_global_reads_plugin_state():
    handed = _template_callables()
    assert "cchc_picture" in handed and "cchc_procedure_links" in handed  # the walk sees them
    readers = sorted(name for name, value in handed.items()
                     if any(isinstance(n, ast.Name) and n.id == "self" for n in ast.walk(value)))
    assert readers == [], f"template filters/globals that read the plugin's state: {readers}"


def _rendered(stderr: str) -> int:
    found = re.search(r"dùng lại (\d+) trang, dựng mới (\d+) trang", stderr)
    assert found, stderr
    return int(found.group(2))


def test_a_new_variant_of_one_cover_renders_only_the_pages_that_show_it(cached_site):
    site = cached_site
    site.write("content/tin-bai/anh/khac.jpg", jpeg(800, 450, (160, 90, 10)))
    site.add_article("d.md", "Bài có ảnh khác", "2026-09-03 08:00", categories=["Chuyển đổi số"],
                     image="anh/khac.jpg", image_alt="Hội nghị", body="Bài bốn.")
    site.build()
    before = {p: b for p, b in tree(site.root / "site").items() if p.endswith(".html")}
    site.write("content/tin-bai/anh/bia.jpg", jpeg(1000, 500, (10, 90, 160)))  # other sizes: other variants
    rendered = _rendered(site.build().stderr)
    warm = tree(site.root / "site")
    after = {p: b for p, b in warm.items() if p.endswith(".html")}
    changed = sorted(p for p in after if before.get(p) != after[p])
    assert "tin-bai/2026/10/bai-thu-nhat-ve-mot-cua/index.html" in changed
    assert "tin-bai/2026/09/bai-co-anh-khac/index.html" not in changed
    assert rendered == len(changed), " ".join(changed)
    shutil.rmtree(site.root / CACHE)
    site.build()
    assert tree(site.root / "site") == warm  # and the warm build is the clean build


# -- one URL table ------------------------------------------------------------------------------------
URLS_MODULE = REPO / "plugins" / "cchc" / "core" / "urls.py"
_LITERAL = re.compile(r"""(["'])([^"'\s{}<>]+)\1""")  # a quoted value in a template
_AFTER_EXPRESSION = re.compile(r"""\}\}([^"'\s{}<>]+)""")  # `{{ config.site_url }}feed.xml`


def _section_paths() -> set[str]:
    """The fixed paths of the URL table: its module-level strings that are paths or file names."""
    module = ast.parse(URLS_MODULE.read_text(encoding="utf-8"))
    namespace: dict = {}
    exec(compile(module, str(URLS_MODULE), "exec"), namespace)  # noqa: S102 - our own module
    return {value for name, value in namespace.items()
            if name.isupper() and isinstance(value, str) and ("/" in value or "." in value)}


def _spelled(text: str, paths: set[str]) -> bool:
    """Whether a literal spells a section path: the path itself, or a path starting with it."""
    return any(text == path or text.startswith(path) for path in paths)


def _python_literals(path) -> list[tuple[int, str]]:
    """The module's string literals (parts of f-strings too), docstrings left out: they explain."""
    module = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(module)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(module)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_section_paths_are_spelled_only_in_the_url_table():
    paths = _section_paths()
    assert {"tin-bai/", "thu-tuc-hanh-chinh/", "tim-kiem/", "feed.xml"} <= paths  # the scan sees the table
    spelled = []
    for template in sorted((REPO / "theme").rglob("*.html")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            values = [m.group(2) for m in _LITERAL.finditer(line)]
            values += [m.group(1) for m in _AFTER_EXPRESSION.finditer(line)]
            spelled += [f"{template.relative_to(REPO)}:{number}: {v}" for v in values if _spelled(v, paths)]
    for module in sorted((REPO / "plugins" / "cchc").rglob("*.py")):
        if module == URLS_MODULE:
            continue
        spelled += [f"{module.relative_to(REPO)}:{number}: {v}" for number, v in _python_literals(module)
                    if _spelled(v, paths)]
    assert spelled == [], "URL paths spelled outside core/urls.py:\n" + "\n".join(spelled)


# -- no import cycle ------------------------------------------------------------------------------------
PACKAGE = REPO / "plugins" / "cchc"


def _module_name(path) -> str:
    parts = ["cchc", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path, modules: set[str]) -> set[str]:
    """The package's modules this one imports, anywhere in it (a deferred import is a dependency too)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], *filter(None, [base])])
            found |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names}
    return {module for module in found if module in modules and module != name}


def _cycles() -> list[list[str]]:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: _imported(path, set(paths)) for name, path in paths.items()}
    cycles, state = [], {}  # state: 1 on the current path, 2 done

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for after in sorted(graph[name]):
            if state.get(after) == 1:
                cycles.append(trail[trail.index(after):] + [after])
            elif after not in state:
                visit(after, trail + [after])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return cycles


def test_no_import_cycle_in_the_package():
    assert _cycles() == []


# -- the routes into site/ -----------------------------------------------------------------------------
# Written by another program: Pagefind's index (core.site_search runs the pagefind binary).
OTHER_PROGRAMS = ("pagefind/", "pagefind-nam-moi/")


def test_every_file_of_the_site_comes_through_site_output(site):
    """No third route: a module writing into site/ by itself (open(), shutil) makes this fail."""
    site.options["atomic"] = False  # written in place: the paths noted are the final ones
    site.add_article("a.md", "Bài không có ảnh bìa", "2026-10-01 08:00", body="Có thẻ chia sẻ vẽ riêng.")
    routes_file = site.root / "routes.json"
    result = site.run(str(REPO / "tests" / "site_routes.py"), str(routes_file), "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    routes = json.loads(routes_file.read_text(encoding="utf-8"))
    root = (site.root / "site").resolve()
    unrouted = sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()
                      and str(path) not in routes)
    unrouted = [p for p in unrouted if not p.startswith(OTHER_PROGRAMS)]
    assert unrouted == []
    # One funnel: every page (MkDocs renders it, site_output writes it), feed, export, image, theme
    # asset, 404.html and sitemap.xml(.gz); MkDocs writes nothing itself.
    assert sorted(os.path.relpath(path, root) for path, route in routes.items() if route == "mkdocs") == []
    assert "tin-bai/index.html" in {os.path.relpath(path, root) for path, route in routes.items()
                                    if route == "site_output"}


def test_no_view_holds_a_whole_index():
    """A view holding the article or procedure index would put every record in the key of its page:
    a change anywhere would render it again. Views hold what the page shows (e.g. ProcedureLink)."""
    import dataclasses
    import importlib

    from cchc.core.pages import View
    for name in ("news.news_views", "procedures.procedure_views", "quota.plan_views", "indices.index_views",
                 "documents.document_views"):
        importlib.import_module(f"cchc.core.{name}")

    def subclasses(kind):
        for sub in kind.__subclasses__():
            yield sub
            yield from subclasses(sub)

    holding = sorted(f"{view.__name__}.{f.name}" for view in subclasses(View) for f in dataclasses.fields(view)
                     if re.search(r"\b(ArticleIndex|ProcedureIndex)\b", str(f.type)))
    assert holding == []
