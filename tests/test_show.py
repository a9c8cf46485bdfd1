"""`factkit show`: a self-contained page of the findings, checked in a real headless browser.

The browser tests use Debian's chromium driven by Playwright (never a
downloaded browser). When /usr/bin/chromium is missing and we are root, the
session fixture installs it with apt-get; where that is impossible the
browser tests are skipped with the reason.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factkit.merging import merge
from factkit.show import render_merged, render_result, source_texts
from factkit.show.marks import Mark, render_text

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
FACTKIT = Path(sys.executable).with_name("factkit")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

ARTICLE = """Ghana and Togo agree to build a shared port terminal

ACCRA, Sept 3 (Wire) - Ghanaian Trade Minister Kwame Asante met Togolese Trade Minister Afi Mensah in Accra on Monday.

The two ministers signed an agreement on customs cooperation, officials said.

"This terminal will serve traders from both countries," Asante told reporters.
"""
FILLER = ("Fishing boats returned to the harbour before noon as the wind picked up along the "
          "coast, and market stalls near the lagoon closed early for the day.\n\n")
LATE = "Mensah said the terminal would open to lorries from the north within two years.\n"
OTHER = """Togo hails port plan after Accra talks

LOME (Wire) - Togolese Trade Minister Afi Mensah held talks with Ghanaian Trade Minister Kwame Asante in Accra on Monday, her office said.
"""


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(FACTKIT), *args], input=stdin, capture_output=True, timeout=120,
                          env={**os.environ, "FACTKIT_LOAD_PLUGINS": ""})


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# -- the page, without a browser ----------------------------------------------

def test_show_writes_one_self_contained_page_with_the_findings(article, tmp_path):
    out = tmp_path / "report.html"
    proc = run("show", "--published", "2024-09-04", str(article), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert "default-src 'none'" in page  # the page itself forbids any load
    for external in (r"\bsrc\s*=", r"\bhref\s*=", r"<link\b", r"@import", r"url\(", r"https?://"):
        assert not re.search(external, page), external
    assert "Kwame Asante" in page and "Afi Mensah" in page
    assert re.search(r"Meetings \(\d+\)", page) and re.search(r"Statements \(\d+\)", page)
    assert "customs cooperation" in page
    assert "This terminal will serve traders from both countries" in page


def test_show_writes_to_stdout_and_reports_bad_input(article, tmp_path):
    proc = run("show", str(article))
    assert proc.returncode == 0 and proc.stdout.startswith(b"<!doctype html>")
    proc = run("show", str(tmp_path / "missing.txt"))
    assert proc.returncode == 1 and proc.stdout == b""
    assert proc.stderr.decode().strip() == f"factkit: {tmp_path / 'missing.txt'}: no such file"
    assert run("show", str(article), str(article)).returncode == 2
    assert run("show", "--published", "yesterday", str(article)).returncode == 2


def test_article_text_is_escaped(builtin_pipeline):
    text = 'Officials said the <script>alert("x")</script> tag & more were harmless.\n'
    page = render_result(builtin_pipeline.extract(text), text)
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;" in page and "&amp; more" in page


class _Text(HTMLParser):
    """The text of the marked-up article, and the text of each fact's marked pieces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.by_fact: dict[str, list[str]] = {}
        self.facts: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        self.facts.append((dict(attrs).get("data-f") or "").split())

    def handle_endtag(self, tag):
        self.facts.pop()

    def handle_data(self, data):
        self.text.append(data)
        for fact in (self.facts[-1] if self.facts else []):
            self.by_fact.setdefault(fact, []).append(data)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab <&>\"'\n", min_size=1, max_size=40), st.data())
def test_marked_text_keeps_the_text_and_each_mark_covers_its_span(text, data):
    bounds = st.integers(0, len(text))
    marks = []
    for n in range(data.draw(st.integers(0, 6))):
        a, b = sorted((data.draw(bounds), data.draw(bounds)))
        marks.append(Mark(a, b, "ev", f"f{n}", entity="e1" if n % 2 else None))
    parser = _Text()
    parser.feed(render_text(text, marks))
    assert "".join(parser.text) == text
    for n, mark in enumerate(marks):
        assert "".join(parser.by_fact.get(f"f{n}", [])) == text[mark.start:mark.end]


def test_merged_page_shows_each_source(builtin_pipeline, tmp_path):
    results = [builtin_pipeline.extract(ARTICLE, published="2024-09-04", doc_id="ghana.txt"),
               builtin_pipeline.extract(OTHER, published="2024-09-04", doc_id="togo.txt")]
    merged = merge(results)
    page = render_merged(merged, {"ghana.txt": ARTICLE})
    assert page.count('<article class="doc"') == 2
    assert "Article text not available" in page  # togo.txt: its evidence only
    assert "2 sources" in page


def test_show_merged_from_the_command_line(article, tmp_path):
    other = tmp_path / "togo.txt"
    other.write_text(OTHER, encoding="utf-8")
    results = tmp_path / "results.jsonl"
    assert run("extract", "--published", "2024-09-04", "-o", str(results), str(article),
               str(other)).returncode == 0
    out = tmp_path / "merged.html"
    proc = run("show", "--merged", str(results), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert "2 articles merged" in page and "port.txt" in page and "togo.txt" in page
    assert "Article text not available" not in page  # both texts found by their paths
    merged_doc = tmp_path / "merged.json"
    merged_doc.write_bytes(run("merge", str(results)).stdout)
    again = run("show", "--merged", str(merged_doc))
    assert again.returncode == 0 and b"2 articles merged" in again.stdout


def test_source_texts_ignores_a_file_that_does_not_match(tmp_path, builtin_pipeline):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    merged = merge([builtin_pipeline.extract(ARTICLE, doc_id=str(path))])
    assert source_texts(merged) == {str(path): ARTICLE}
    path.write_text("something else entirely " * 20, encoding="utf-8")
    assert source_texts(merged) == {}


# -- in a real browser --------------------------------------------------------

@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, installed here when missing and we may (root with apt-get)."""
    if not CHROMIUM.exists():
        if not (shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0):
            pytest.skip("no /usr/bin/chromium, and not root with apt-get to install it "
                        "(apt-get install chromium)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
            try:
                proc = subprocess.run(command, capture_output=True, env=env, timeout=1200)
            except subprocess.TimeoutExpired:
                pytest.skip(f"`{' '.join(command)}` timed out: cannot install chromium")
            if proc.returncode != 0:
                tail = proc.stderr.decode(errors="replace").strip().splitlines()[-1:]
                pytest.skip(f"`{' '.join(command)}` failed, cannot install chromium: {tail}")
        if not CHROMIUM.exists():
            pytest.skip("apt-get installed chromium but /usr/bin/chromium is missing")
    return str(CHROMIUM)


@pytest.fixture(scope="session")
def browser(chromium, tmp_path_factory):
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="playwright is not installed: pip install -e '.[dev]' (make test does)")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=chromium,
            headless=True, args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900})
        yield context
        context.close()


def open_page(browser, path: Path):
    """The page loaded from its file, with every request and script error it causes."""
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    page.goto(path.resolve().as_uri())
    return page, requests, errors


def highlighted(page) -> str:
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('.seg.hl')).map(e => e.textContent).join('')")


def in_view(page, selector: str) -> bool:
    return page.evaluate("""(sel) => {
        const r = document.querySelector(sel).getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
    }""", selector)


def test_clicking_a_fact_scrolls_to_and_highlights_its_evidence(browser, builtin_pipeline,
                                                                tmp_path):
    text = ARTICLE + "\n" + FILLER * 30 + LATE
    result = builtin_pipeline.extract(text, published="2024-09-04", doc_id="port.txt")
    late = [s for s in result.statements if "within two years" in s.content]
    assert late, "the statement at the end of the article was not extracted"
    path = tmp_path / "report.html"
    path.write_text(render_result(result, text), encoding="utf-8")
    page, requests, errors = open_page(browser, path)
    assert requests == [path.resolve().as_uri()]  # nothing but the page itself
    assert not page.locator(".seg.hl").count()

    fact = late[0]
    assert not in_view(page, f'.seg[data-f~="{fact.id}"]')
    page.click(f'[data-fact="{fact.id}"]')
    assert highlighted(page) == "".join(span.text for span in fact.evidence)
    assert in_view(page, ".seg.hl")
    assert page.locator(f'[data-fact="{fact.id}"].selected').count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "show-statement-selected.png"))

    meeting = next(e for e in result.events if e.type == "meeting")
    page.click(f'[data-fact="{meeting.id}"]')
    assert highlighted(page) == "".join(span.text for span in meeting.evidence)
    assert page.locator(".fact.selected").count() == 1  # the earlier selection is cleared
    page.screenshot(path=str(ARTIFACTS / "show-meeting-selected.png"))
    assert not errors, errors
    page.close()


def test_clicking_marked_text_selects_its_fact(browser, builtin_pipeline, tmp_path):
    result = builtin_pipeline.extract(ARTICLE, published="2024-09-04")
    path = tmp_path / "report.html"
    path.write_text(render_result(result, ARTICLE), encoding="utf-8")
    page, _, errors = open_page(browser, path)
    statement = result.statements[-1]
    page.click(f'.seg.st-content[data-f~="{statement.id}"]')
    assert page.locator(f'[data-fact="{statement.id}"].selected').count() == 1
    assert statement.content in highlighted(page)
    entity = result.entities[0]
    page.click(f'[data-entity="{entity.id}"]')
    assert page.locator(".seg.hl").count() == len(entity.mentions)
    assert not errors, errors
    page.close()


def test_merged_page_highlights_the_evidence_in_every_source(browser, builtin_pipeline, tmp_path):
    results = [builtin_pipeline.extract(ARTICLE, published="2024-09-04", doc_id="ghana.txt"),
               builtin_pipeline.extract(OTHER, published="2024-09-04", doc_id="togo.txt")]
    merged = merge(results)
    shared = [e for e in merged.events if e.count == 2]
    assert shared, "the meeting both articles report did not merge"
    path = tmp_path / "merged.html"
    path.write_text(render_merged(merged, {"ghana.txt": ARTICLE, "togo.txt": OTHER}),
                    encoding="utf-8")
    page, requests, errors = open_page(browser, path)
    assert requests == [path.resolve().as_uri()]
    page.click(f'[data-fact="{shared[0].id}"]')
    documents = page.evaluate("""() => Array.from(new Set(Array.from(
        document.querySelectorAll('.seg.hl')).map(e => e.closest('article').dataset.doc)))""")
    assert documents == ["ghana.txt", "togo.txt"]
    expected = "".join(span.text for source in shared[0].sources for span in source.evidence)
    assert highlighted(page) == expected
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "show-merged.png"), full_page=True)
    assert not errors, errors
    page.close()


def test_json_of_the_merged_page_inputs_is_unchanged(builtin_pipeline):
    """Rendering reads the merged document; it must not alter it."""
    merged = merge([builtin_pipeline.extract(ARTICLE, doc_id="a")])
    before = json.loads(merged.to_json())
    render_merged(merged, {})
    assert json.loads(merged.to_json()) == before
