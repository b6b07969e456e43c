"""Templates and the views they receive agree: every `cchc.<name>` a template reads is a field (or property)
of a view that template is given, and every field of a view is read by a template.

Jinja prints nothing for a name an object lacks, so a field renamed in a view but not in its template (or
the other way round) would only show as a page with a hole in it. The views each template receives are
those of the demo site's pages (content/), passed on to the templates it includes or extends.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

import jinja2
from jinja2 import meta, nodes

from cchc.adapter.project import load_settings
from cchc.core.content import load_content
from cchc.core.fingerprint import Fingerprinter
from cchc.core.news import news_views
from cchc.core.pages import PageSpec, View
from cchc.core.procedures import procedure_views  # noqa: F401 - its View subclasses are walked below
from cchc.core.quota import plan_views
from cchc.core.same_data import SameData

ROOT = Path(__file__).resolve().parent.parent
THEME = ROOT / "theme"
# Names a partial reads that its includers set: partials/quota-table.html "expects `v` (a plan view)".
EXPECTED = {"cchc/partials/quota-table.html": {"v": {plan_views.PlanView}}}


def _views() -> list[type]:
    found, todo = [], [View]
    while todo:
        kind = todo.pop()
        found += [k for k in kind.__subclasses__() if k not in found]
        todo += kind.__subclasses__()
    return [*found, plan_views.PlanView]


def _templates() -> dict[str, nodes.Template]:
    env = jinja2.Environment()
    return {path.relative_to(THEME).as_posix(): env.parse(path.read_text(encoding="utf-8"))
            for path in sorted(THEME.rglob("*.html"))}


def _reads(tree: nodes.Template, roots: dict[str, set[type]]) -> list[tuple[str, set[type]]]:
    """(name, the views it is read from) for each `<root>.name` and `<root>["name"]`; `{% set c = cchc %}`
    makes `c` a root too."""
    roots = dict(roots)
    for assign in tree.find_all(nodes.Assign):
        if isinstance(assign.target, nodes.Name) and isinstance(assign.node, nodes.Name) and assign.node.name in roots:
            roots[assign.target.name] = roots[assign.node.name]
    reads = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        if not (isinstance(node.node, nodes.Name) and node.node.name in roots):
            continue
        name = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(name, str):
            reads.append((name, roots[node.node.name]))
    return reads


def _received(templates: dict[str, nodes.Template]) -> dict[str, set[type]]:
    """Template -> the views it is given: its pages', and those of every template that includes or extends it."""
    received: dict[str, set[type]] = defaultdict(set)
    settings = load_settings(str(ROOT / "mkdocs.yml"))
    for spec in load_content(settings).pages():
        received[spec.template].add(type(spec.data))
    changed = True
    while changed:
        changed = False
        for name, tree in templates.items():
            for used in meta.find_referenced_templates(tree):
                if used in templates and not received[name] <= received[used]:
                    received[used] |= received[name]
                    changed = True
    return received


def _has(kind: type, name: str) -> bool:
    return name in {f.name for f in dataclasses.fields(kind)} or (hasattr(kind, name) and not hasattr(object, name))


def _checked() -> tuple[list[str], dict[type, set[str]]]:
    """Names read that no view given has, and each view's names that templates read."""
    templates = _templates()
    received = _received(templates)
    missing, read = [], defaultdict(set)
    for template, tree in templates.items():
        roots = {"cchc": received[template], "cchc_spec": {PageSpec}, **EXPECTED.get(template, {})}
        for name, kinds in _reads(tree, roots):
            if not kinds:
                continue
            having = [kind for kind in kinds if _has(kind, name)]
            if not having:
                missing.append(f"{template}: {name} ({', '.join(sorted(k.__name__ for k in kinds))})")
            for kind in having:
                read[kind].add(name)
    return missing, read


def test_templates_read_only_what_their_views_have():
    missing, _ = _checked()
    assert missing == []


def test_every_view_field_is_read_by_a_template():
    """A field read through a base (partials/quota-table.html's `v` is any PlanView) is read in its subclasses."""
    _, read = _checked()
    given = set().union(*_received(_templates()).values(), *[k for e in EXPECTED.values() for k in e.values()])
    unread = [f"{kind.__name__}.{f.name}" for kind in given for f in dataclasses.fields(kind)
              if not any(f.name in read[base] for base in kind.__mro__)]
    assert unread == []


def test_every_page_template_receives_a_view():
    received = _received(_templates())
    pages = {p.relative_to(THEME).as_posix() for p in (THEME / "cchc").glob("*.html")} - {"cchc/cached.html"}
    assert {t for t in pages if not received[t]} == set()  # the demo site has a page of each kind


def test_the_check_finds_a_renamed_field(monkeypatch):
    """The check itself: a field renamed in the view only is reported, and so is the name it left unread."""
    renamed = dataclasses.make_dataclass("ArticleView", [("article", object), ("older", object), ("later", object),
                                                          ("categories", object), ("tags", object)],
                                         bases=(View,), frozen=True, repr=False)
    monkeypatch.setattr(news_views.ArticleView, "__dataclass_fields__", renamed.__dataclass_fields__)
    missing, read = _checked()
    assert "cchc/article.html: newer (ArticleView)" in missing
    assert "later" not in read[news_views.ArticleView]


def test_views_are_digested_and_compared_by_their_fields():
    """Frozen without a generated repr: core.fingerprint goes field by field (an article shown on many pages
    is digested once), not through a repr holding every article a category lists."""
    for kind in _views():
        params = kind.__dataclass_params__
        assert params.frozen and not params.repr, kind.__name__
    settings = load_settings(str(ROOT / "mkdocs.yml"))
    first, second = load_content(settings).pages(), load_content(settings).pages()
    compare, digests = SameData(), (Fingerprinter(), Fingerprinter())
    for old, new in zip(first, second):
        assert old.data is not new.data and compare.same(old.data, new.data), old.url
        assert digests[0].digest(old.data) == digests[1].digest(new.data), old.url
    month = next(spec.data for spec in second if isinstance(spec.data, news_views.MonthView))
    before = Fingerprinter().digest(month)
    edited = dataclasses.replace(month, articles=[dataclasses.replace(month.articles[0], title="Tiêu đề khác"),
                                                  *month.articles[1:]])
    assert Fingerprinter().digest(edited) != before  # its cards show the titles
    assert not SameData().same(month, edited)
