"""Documentation that must not drift from the code (datasette's pattern)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from factkit import hookspecs

ROOT = Path(__file__).resolve().parents[1]
HOOKS = sorted(name for name, obj in vars(hookspecs).items()
               if inspect.isfunction(obj) and hasattr(obj, "factkit_spec"))


def test_there_are_hooks():
    assert {"register_extractors", "register_lexicon", "process_result"} <= set(HOOKS)


HOOK_DOC = ROOT / "docs" / "plugins" / "hooks.md"
TUTORIAL = ROOT / "docs" / "plugins" / "tutorial.md"
QUOTE = re.compile(r"^<!-- from (?P<path>\S+) -->\n```\w*\n(?P<code>.*?)^```$", re.M | re.S)
LINK = re.compile(r"\]\((?P<target>[^)#\s]+)(?:#[^)]*)?\)")
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")),
        *sorted((ROOT / "plugins").glob("*/README.md"))]


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_with_its_exact_signature(hook):
    doc = HOOK_DOC.read_text(encoding="utf-8")
    params = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    assert re.search(rf"^### `{hook}\({re.escape(params)}\)`$", doc, re.M), (
        f"docs/plugins/hooks.md needs a heading: ### `{hook}({params})`")


def test_the_hook_reference_documents_no_hook_that_does_not_exist():
    documented = re.findall(r"^### `(\w+)\(", HOOK_DOC.read_text(encoding="utf-8"), re.M)
    assert sorted(documented) == HOOKS


def _quotes(doc: Path) -> list[tuple[str, str]]:
    return [(m["path"], m["code"]) for m in QUOTE.finditer(doc.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_quoted_code_is_the_files_code(doc):
    for path, code in _quotes(doc):
        source = (ROOT / path).read_text(encoding="utf-8")
        assert code in source and (source.startswith(code) or f"\n{code}" in source), (
            f"{doc.relative_to(ROOT)} quotes {path}, but the quote is not its current text:\n{code}")


def test_the_tutorial_shows_its_whole_plugin_file_in_order():
    quoted = [code for path, code in _quotes(TUTORIAL) if path == "examples/plugins/factkit_storms.py"]
    source = (ROOT / "examples/plugins/factkit_storms.py").read_text(encoding="utf-8")

    def lines(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.strip()]

    assert lines("".join(quoted)) == lines(source)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(doc):
    text = doc.read_text(encoding="utf-8")
    broken = [m["target"] for m in LINK.finditer(text)
              if "://" not in m["target"] and not (doc.parent / m["target"]).exists()]
    assert not broken, f"{doc.relative_to(ROOT)} links to missing {broken}"


def test_the_testing_guide_names_every_helper():
    from factkit import testing

    guide = (ROOT / "docs" / "plugins" / "testing.md").read_text(encoding="utf-8")
    missing = [name for name in testing.__all__ if name != "ExtractFixture" and f"`{name}" not in guide]
    assert not missing


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hookspec_docstring_has_an_example(hook):
    assert "@hookimpl" in (getattr(hookspecs, hook).__doc__ or "")


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:1500]
    assert "make demo" in head and "make test" in head


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_tour_prints_what_the_readme_shows():
    import os
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = readme.split("From Python, on the demo article:", 1)[1]
    code = re.search(r"```python\n(.*?)```", tour, re.S)[1]
    shown = re.search(r"```text\n(.*?)```", tour, re.S)[1]
    env = {**os.environ, "FACTKIT_LOAD_PLUGINS": ""}  # the tour runs factkit as `make demo` installs it
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True).stdout
    assert out == shown
