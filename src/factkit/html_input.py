"""Saved news web pages as input: the article's main text and publication date, via trafilatura.

An optional wing (``pip install 'factkit[html]'``): the extraction core never
imports it. Facts are extracted from the text returned here, so their spans
index that text, which the CLI puts in the output as ``document.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from types import ModuleType

from .errors import FactkitError, InputError

HTML_SUFFIXES = frozenset({".html", ".htm"})
INSTALL_HINT = "pip install 'factkit[html]'"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SPACE = re.compile(r"\s+")


class MissingExtraError(FactkitError, ImportError):
    """An optional feature was used without its extra installed; the message says what to install."""


@dataclass(frozen=True)
class HtmlArticle:
    """What a web page holds for factkit: the article text, its headline and its date."""

    text: str
    title: str | None
    published: str | None


def is_html_path(path: str) -> bool:
    """Whether ``--format auto`` reads this path as a web page (by its suffix)."""
    return PurePath(path).suffix.lower() in HTML_SUFFIXES


def require_trafilatura() -> ModuleType:
    """The trafilatura module, or a :class:`MissingExtraError` naming the extra to install."""
    try:
        import trafilatura
    except ImportError:
        raise MissingExtraError(
            f"reading HTML needs the optional 'html' extra (trafilatura): {INSTALL_HINT}") from None
    return trafilatura


def _same(a: str, b: str) -> bool:
    return _SPACE.sub(" ", a).strip().casefold() == _SPACE.sub(" ", b).strip().casefold()


def html_to_article(page: str | bytes) -> HtmlArticle:
    """The main text of a news page, without menus, link lists and footers, and its date.

    Paragraphs are separated by a blank line, as in a plain-text article, and
    the headline opens the text when the page body does not already start
    with it. Raises :class:`InputError` when the page holds no article text.
    """
    trafilatura = require_trafilatura()
    if isinstance(page, bytes) and b"\x00" in page:
        raise InputError("binary data (contains NUL bytes), not an HTML page")
    found = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    body = getattr(found, "text", None) if found is not None else None
    paragraphs = [p.strip() for p in (body or "").splitlines() if p.strip()]
    if not paragraphs:
        raise InputError("no article text found in the HTML page")
    title = (getattr(found, "title", None) or "").strip() or None
    if title and not _same(paragraphs[0], title):
        paragraphs.insert(0, title)
    date = getattr(found, "date", None)
    published = date if isinstance(date, str) and _ISO_DAY.fullmatch(date) else None
    return HtmlArticle(text="\n\n".join(paragraphs) + "\n", title=title, published=published)
