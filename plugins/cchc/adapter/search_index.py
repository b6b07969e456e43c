"""Add to the search index written by MkDocs' search plugin: facts rendered only by templates, folded words."""
from __future__ import annotations

import html
import json
from pathlib import Path

from cchc.core.text.search_terms import folded_terms, procedure_summary


def lead_texts(content) -> dict[str, str]:
    """Page URL -> what the search result of a procedure starts with: its code, name and lĩnh vực."""
    return {p.url: procedure_summary(p.code, p.name, p.field_label) for p in content.procedures.all}


def article_tags(content) -> dict[str, list[str]]:
    return {a.url: list(a.tags) for a in content.articles.articles if a.tags}


def _path(site_dir: str) -> Path:
    return Path(site_dir) / "search" / "search_index.json"


def _write(path: Path, index: dict) -> None:
    path.write_text(_json(index), encoding="utf-8")


def enrich_docs(docs: list[dict], lead_texts: dict[str, str], tags: dict[str, list[str]]) -> None:
    """`lead_texts`: page URL -> text put before the page's own (a procedure's code and lĩnh vực);
    `tags`: page URL -> its tags (an article's), ranked like title words and shown under the result."""
    for doc in docs:
        if tags.get(doc.get("location", "")):
            doc["tags"] = tags[doc["location"]]
        lead = lead_texts.get(doc.get("location", ""))
        if lead:
            doc["text"] = f"<p>{html.escape(lead, quote=False)}</p> {doc.get('text', '')}"
        extra = folded_terms(f"{doc.get('title', '')} {doc.get('text', '')}")
        if extra:
            # After the text, in an element that the result preview does not show.
            doc["text"] = f"{doc.get('text', '')}<span hidden> {extra}</span>"


def enrich_search_index(site_dir: str, lead_texts: dict[str, str], tags: dict[str, list[str]]) -> dict | None:
    """The search plugin's index with our additions, written back; the index, None if there is none."""
    path = _path(site_dir)
    if not path.is_file():
        return None
    index = json.loads(path.read_text(encoding="utf-8"))
    enrich_docs(index.get("docs", []), lead_texts, tags)
    _write(path, index)
    return index


def _page_of(doc: dict) -> str:
    return doc.get("location", "").split("#", 1)[0]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class WrittenIndex:
    """The enriched index as written, kept as one UTF-8 JSON text per page (`mkdocs serve`): a save
    encodes only the entries of the pages it changed, and the file is those texts joined, the same
    bytes as `_write` of the whole index (tens of MB at 10,000 articles: joined once, as bytes)."""

    def __init__(self, index: dict) -> None:
        self.fields = {key: _json(value).encode("utf-8") for key, value in index.items() if key != "docs"}
        groups: dict[str, list[dict]] = {}
        for doc in index.get("docs", []):
            groups.setdefault(_page_of(doc), []).append(doc)
        self.pages = {url: _docs_json(docs) for url, docs in groups.items()}

    @classmethod
    def read(cls, site_dir: str) -> WrittenIndex | None:
        path = _path(site_dir)
        return cls(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else None

    def data(self, order: list[str]) -> bytes:
        """Pages in `order` (a full build's), then pages the order does not know, as first seen."""
        known = set(order)
        docs = [self.pages[url] for url in order if self.pages.get(url)] + \
            [text for url, text in self.pages.items() if url not in known and text]
        fields = [_json(key).encode("utf-8") + b":" + value for key, value in self.fields.items()]
        return b"".join([b"{", b",".join(fields), b"," if fields else b"", b'"docs":[', b",".join(docs), b"]}"])


def _docs_json(docs: list[dict]) -> bytes:
    return ",".join(_json(doc) for doc in docs).encode("utf-8")


def replace_pages(site_dir: str, new_docs: dict[str, list[dict]], order: list[str],
                  lead_texts: dict[str, str], tags: dict[str, list[str]],
                  index: WrittenIndex | None = None) -> WrittenIndex | None:
    """Swap the entries of some pages (page URL -> the search plugin's new entries) in the written,
    enriched index, keeping the order of a full build (pages in `order`). `index`: the index as this
    function last wrote it (not read again). Returns the index written, None when there is none."""
    index = index or WrittenIndex.read(site_dir)
    if index is None:
        return None
    for url, docs in new_docs.items():
        docs = json.loads(json.dumps(docs, default=str))  # as the search plugin writes them
        enrich_docs(docs, lead_texts, tags)
        index.pages[url] = _docs_json(docs)
    _path(site_dir).write_bytes(index.data(order))
    return index
