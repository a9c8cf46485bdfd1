"""Saved web pages as input: main text and date via trafilatura, facts as from the plain text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factkit.html_input import MissingExtraError, is_html_path, require_trafilatura
from factkit.schema import ExtractionResult

from .helpers import all_spans

pytest.importorskip("trafilatura", reason="the 'html' extra is not installed: "
                                          "pip install -e '.[html]' (make test does)")

from factkit.html_input import html_to_article  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "examples" / "pages" / "geneva-talks.html"
PLAIN = ROOT / "examples" / "articles" / "2025-03-14-geneva-talks.txt"
FACTKIT = Path(sys.executable).with_name("factkit")

SMALL_PAGE = """<!doctype html><html><head><title>Port deal | Coast Times</title>
<meta property="article:published_time" content="2024-09-03T07:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>Ghana and Togo sign port deal</h1>
<p>ACCRA (Wire) - Ghanaian Trade Minister Kwame Asante met Togolese Trade Minister Afi Mensah in Accra on Monday to discuss a shared container terminal at the border.</p>
<p>The two ministers signed an agreement on customs cooperation, officials said after the meeting, which lasted most of the afternoon.</p>
<p>"This terminal will serve traders from both countries and bring down prices for families," Asante told reporters outside the ministry.</p>
</article>
<footer>Copyright Coast Times. Subscribe to our newsletter for daily updates.</footer>
</body></html>"""


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(FACTKIT), *args], input=stdin, capture_output=True, timeout=120,
                          env={**os.environ, "FACTKIT_LOAD_PLUGINS": ""})


def signature(result: ExtractionResult) -> dict[str, list[str]]:
    """What a result says, independent of offsets and ids: facts in entity names."""
    names = {e.id: e.name for e in result.entities}

    def who(entity: str | None, text: str) -> str:
        return names.get(entity or "", text)

    events = sorted(json.dumps([e.type, e.status, sorted((a.role, who(a.entity, a.text))
                                                          for a in e.arguments),
                                e.attributes, e.date.value if e.date else None,
                                e.location.text if e.location else None], sort_keys=True)
                    for e in result.events)
    statements = sorted(json.dumps([who(s.speaker.entity, s.speaker.text) if s.speaker else None,
                                    s.kind, s.cue, s.content]) for s in result.statements)
    relations = sorted(json.dumps([r.type, who(r.subject.entity, r.subject.text), r.object.text,
                                   r.attributes], sort_keys=True) for r in result.relations)
    return {"entities": sorted(names.values()), "events": events, "statements": statements,
            "relations": relations}


def test_the_example_page_yields_the_same_facts_as_its_plain_text():
    from_page = run("extract", str(PAGE))
    from_text = run("extract", "--published", "2025-03-14", str(PLAIN))
    assert from_page.returncode == 0 and from_text.returncode == 0, from_page.stderr
    page_result = ExtractionResult.model_validate_json(from_page.stdout)
    text_result = ExtractionResult.model_validate_json(from_text.stdout)
    assert page_result.document.published == "2025-03-14"  # from the page's meta tags
    assert page_result.events and page_result.statements
    assert signature(page_result) == signature(text_result)


def test_the_extracted_text_is_in_the_output_and_every_span_indexes_it():
    result = ExtractionResult.model_validate_json(run("extract", str(PAGE)).stdout)
    text = result.document.text
    assert text is not None and text.startswith("Japan and South Korea agree")
    for junk in ("Subscribe", "Most read", "All rights reserved", "cookies", "Read more",
                 "Photo: Wire Pictures"):
        assert junk not in text
    spans = list(all_spans(result))
    assert spans and all(text[s.start:s.end] == s.text for s in spans)


def test_plain_text_input_has_no_text_field():
    doc = json.loads(run("extract", "--published", "2025-03-14", str(PLAIN)).stdout)
    assert doc["document"]["text"] is None


def test_published_overrides_the_page_date():
    doc = json.loads(run("extract", "--published", "2025-03-15", str(PAGE)).stdout)
    assert doc["document"]["published"] == "2025-03-15"


def test_html_from_stdin_needs_format_html():
    proc = run("extract", "--format", "html", "--id", "port", stdin=SMALL_PAGE.encode())
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["document"]["id"] == "port" and doc["document"]["published"] == "2024-09-03"
    assert doc["document"]["text"].startswith("Ghana and Togo sign port deal\n\nACCRA")
    assert "Weather" not in doc["document"]["text"]
    assert any(e["type"] == "meeting" for e in doc["events"])
    as_text = json.loads(run("extract", stdin=SMALL_PAGE.encode()).stdout)
    assert as_text["document"]["text"] is None  # stdin is text unless told otherwise


def test_format_text_reads_an_html_file_as_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(SMALL_PAGE, encoding="utf-8")
    doc = json.loads(run("extract", "--format", "text", str(page)).stdout)
    assert doc["document"]["text"] is None


def test_json_lines_records_of_html(tmp_path):
    records = tmp_path / "pages.jsonl"
    records.write_text(json.dumps({"id": "p1", "text": SMALL_PAGE}) + "\n"
                       + json.dumps({"id": "p2", "text": "<html><body></body></html>"}) + "\n",
                       encoding="utf-8")
    proc = run("extract", "--jsonl", "--format", "html", str(records))
    assert proc.returncode == 1
    first, second = [json.loads(line) for line in proc.stdout.splitlines()]
    assert first["document"]["published"] == "2024-09-03" and first["events"]
    assert second["errors"][0]["message"] == "no article text found in the HTML page"
    assert b"no article text found" in proc.stderr


def test_a_page_without_an_article_is_reported(tmp_path):
    page = tmp_path / "empty.htm"
    page.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    proc = run("extract", str(page))
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == f"factkit: {page}: no article text found in the HTML page"


def test_html_to_article_puts_the_headline_first():
    page = ("<html><head><meta property='og:title' content='Dam talks resume'></head><body>"
            "<article><p>" + "Egyptian and Ethiopian officials resumed talks on the dam. " * 3
            + "</p></article></body></html>")
    found = html_to_article(page)
    assert found.text.startswith("Dam talks resume\n\nEgyptian and Ethiopian")
    assert found.title == "Dam talks resume" and found.published is None


def test_suffix_detection():
    assert is_html_path("a/b/page.HTML") and is_html_path("x.htm")
    assert not is_html_path("article.txt") and not is_html_path("html")


def test_missing_extra_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(MissingExtraError, match=r"factkit\[html\]"):
        require_trafilatura()


def test_cli_names_the_missing_extra():
    code = ("import sys; sys.modules['trafilatura'] = None; from factkit.cli import main; "
            f"sys.exit(main(['extract', {str(PAGE)!r}]))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert proc.returncode == 2
    assert b"pip install 'factkit[html]'" in proc.stderr
    assert proc.stdout == b""
