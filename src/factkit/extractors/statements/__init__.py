"""Built-in extractor: statements (direct quotes, mixed paraphrase, reported speech).

The parser in :mod:`.parse` finds speech acts sentence by sentence; this module
turns them into :class:`~factkit.schema.Statement` facts: it resolves bare
pronouns and "the statement" to the speaker the article was just quoting,
decides which act of a nested report is the statement ("aides said Ruiz
urged ..." is Ruiz's, with the aides as source), and drops repeats.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from factkit.analysis.document import AnalysedDocument
from factkit.extractor import Extractor
from factkit.hookspecs import hookimpl
from factkit.schema import Statement

from .build import build_statement
from .context import DocContext
from .parse import SentenceParser
from .records import Act
from .resolve import carry_speakers, continued_quotes, dash_acts, resolve_nesting

__all__ = ["extract", "register_extractors"]

_PUNCT = regex.compile(r"[^\w\s]")


def extract(doc: AnalysedDocument) -> Iterator[Statement]:
    """Yield one statement per speech act in the article's body (headlines included, junk not)."""
    ctx = DocContext(doc)
    acts: list[Act] = []
    for sentence in doc.body_sentences():
        if sentence.is_headline and _shouting(doc.text[sentence.start:sentence.end]):
            continue
        toks, candidates = ctx.scan(sentence)
        if candidates:  # a sentence without a word that may open a cue holds no speech act
            acts.extend(SentenceParser(ctx, sentence, toks, candidates).parse())
    acts.extend(dash_acts(ctx, acts))
    acts.sort(key=lambda a: (a.cue_start, a.cue_end))
    carry_speakers(doc, acts)
    resolve_nesting(doc, acts)
    acts.extend(continued_quotes(ctx, acts))
    acts.sort(key=lambda a: (a.lo, a.cue_start))
    seen: set[tuple[str, str]] = set()
    body: list[Statement] = []
    headlines: list[Statement] = []
    for act in acts:
        if act.drop or act.speaker is None or act.speaker.kind == "data":
            continue
        made = build_statement(doc, ctx, act)
        if made is None:
            continue
        key = (_who(made), _norm(made.content))
        if key not in seen:
            seen.add(key)
            (headlines if act.sentence.is_headline else body).append(made)
    yield from _merge_headlines(body, headlines)


@hookimpl
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register the built-in ``statements`` extractor."""
    register(Extractor(
        name="statements", extract=extract, produces=("statement",),
        description="Direct quotes, mixed paraphrase and reported speech with speaker, cue, "
                    "addressee, source and date."))


# -- helpers ---------------------------------------------------------------------
def _shouting(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _who(statement: Statement) -> str:
    ref = statement.speaker
    if ref is None:
        return ""
    return ref.entity or ref.text.casefold()


def _overlap(a: str, b: str) -> float:
    """Token F1 of two contents (how much a headline repeats a body statement)."""
    ta, tb = set(_norm(a).split()), set(_norm(b).split())
    common = len(ta & tb)
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _merge_headlines(body: list[Statement], headlines: list[Statement]) -> list[Statement]:
    """A headline that repeats a statement of the body adds evidence to it, not a statement."""
    out = list(body)
    for head in headlines:
        same = next((s for s in body if _who(s) == _who(head) and _overlap(s.content, head.content) >= 0.4),
                    None)
        if same is not None:
            same.evidence.extend(head.evidence)
        else:
            out.append(head)
    out.sort(key=lambda s: (s.evidence[0].start, s.evidence[0].end) if s.evidence else (0, 0))
    return out


def _norm(s: str) -> str:
    return " ".join(_PUNCT.sub(" ", s.casefold()).split())
