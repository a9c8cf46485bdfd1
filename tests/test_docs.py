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


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_with_its_exact_signature(hook):
    doc = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    params = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    assert re.search(rf"^### `{hook}\({re.escape(params)}\)`$", doc, re.M), (
        f"docs/plugins.md needs a heading: ### `{hook}({params})`")


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hookspec_docstring_has_an_example(hook):
    assert "@hookimpl" in (getattr(hookspecs, hook).__doc__ or "")


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:1500]
    assert "make demo" in head and "make test" in head


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
