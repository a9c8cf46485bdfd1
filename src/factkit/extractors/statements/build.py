"""Turn a resolved speech act into a Statement: kind, content, cue, date, evidence, confidence."""

from __future__ import annotations

import regex

from factkit.analysis.document import AnalysedDocument
from factkit.schema import DateValue, EntityRef, Span, Statement, StatementKind

from .context import DocContext
from .quotes import Quote
from .records import Act, Ref

_TITLE_CUES = frozenset("""film movie book novel song album show series titled entitled headlined
documentary play poem article column op-ed programme program slogan hashtag campaign""".split())
_RELATIVE = regex.compile(r"\b(?:who|which|whose|whom|that|where)\b", regex.IGNORECASE)
_ALNUM_RUN = regex.compile(r"[\p{L}\p{N}]+")
_MARKS = frozenset("\"“”„«»‘’'`")
_CONFIDENCE: dict[StatementKind, float] = {"direct": 0.9, "mixed": 0.8, "indirect": 0.7}


def _alnum_count(text: str, start: int, end: int) -> int:
    """Letters and digits in ``text[start:end]`` (counted by runs: far fewer matches than characters)."""
    return sum(map(len, _ALNUM_RUN.findall(text, start, end)))


def _title_quote(text: str, q: Quote) -> bool:
    """A quoted title of a work ('the film "Red Road"') is not somebody's words."""
    before = text[max(0, q.start - 40):q.start].split()
    return bool(before) and before[-1].strip(",:").casefold() in _TITLE_CUES


def _kind_and_content(ctx: DocContext, act: Act) -> tuple[StatementKind, str]:
    """Direct when (nearly) every letter of the content is quoted, mixed when some are."""
    text = ctx.text
    quoted = 0
    total = 0
    quotes: dict[int, Quote] = {}
    for a, z in act.pieces:
        q0 = ctx.quote_containing(a)
        if q0 is not None:
            quotes[q0.start] = q0
        for q in ctx.quotes_from(a, z):
            quotes[q.start] = q
    spans = sorted((q.start, q.end) for q in quotes.values() if not _title_quote(text, q))
    if spans:  # with nothing quoted the statement is indirect, whatever the letters count
        for a, z in act.pieces:
            total += _alnum_count(text, a, z)
            for s, e in spans:
                lo, hi = max(a, s + 1), min(z, e)
                if hi > lo:
                    quoted += _alnum_count(text, lo, hi)
    content = " ".join(" ".join(text[a:z].split()) for a, z in act.pieces)
    content = content.strip().rstrip(",").strip()
    if total and quoted >= total * 0.97:
        if content[:1] and content[0] in _MARKS:
            content = content[1:].lstrip()
        if content[-1:] and content[-1] in _MARKS:
            content = content[:-1].rstrip().rstrip(",").rstrip()
        return "direct", content
    if quoted:
        return "mixed", content
    return "indirect", content


def _entity_ref(doc: AnalysedDocument, ref: Ref | None) -> EntityRef | None:
    if ref is None or ref.end <= ref.start:
        return None
    return EntityRef(entity=ref.entity, text=doc.text[ref.start:ref.end], span=doc.span(ref.start, ref.end))


def _date(doc: AnalysedDocument, act: Act) -> DateValue | None:
    a, z = act.attr
    if z <= a:
        return None
    for d in doc.dates_in(a, z):
        if d.value is not None and not _RELATIVE.search(_segment_before(doc.text, a, d.start)):
            return DateValue(text=d.text, value=d.value, precision=d.precision, span=doc.span(d.start, d.end))
    return None


def _segment_before(text: str, start: int, pos: int) -> str:
    """The comma-delimited stretch of the attribution that leads up to ``pos``."""
    cut = text.rfind(",", start, pos)
    return text[(cut + 1 if cut >= 0 else start):pos]


def _evidence(doc: AnalysedDocument, act: Act) -> Span:
    lo = min([act.lo, act.cue_start, *(a for a, _ in act.pieces)])
    hi = max([act.hi, act.cue_end, *(z for _, z in act.pieces)])
    sentences = doc.sentences_in(lo, hi)
    if not sentences:
        return doc.span(act.sentence.start, act.sentence.end)
    return doc.span(sentences[0].start, sentences[-1].end)


def build_statement(doc: AnalysedDocument, ctx: DocContext, act: Act) -> Statement | None:
    kind, content = _kind_and_content(ctx, act)
    if not content or not any(ch.isalnum() for ch in content):
        return None
    speaker = _entity_ref(doc, act.speaker)
    confidence = _CONFIDENCE[kind]
    if act.speaker is not None and act.speaker.entity is None and act.speaker.kind in ("pronoun", "document"):
        confidence -= 0.25
    elif act.speaker is not None and act.speaker.kind == "pronoun":
        confidence -= 0.1
    if act.mode == "according" or act.mode == "according_lead":
        confidence -= 0.1
    if act.sentence.is_headline:
        confidence -= 0.1
    cue = " ".join(doc.text[act.cue_start:act.cue_end].split())
    return Statement(
        speaker=speaker, addressee=_entity_ref(doc, act.addressee), kind=kind, cue=cue,
        content=content, source=_entity_ref(doc, act.source), date=_date(doc, act),
        evidence=[_evidence(doc, act)], confidence=round(max(0.1, confidence), 2), extractor="statements",
    )
