"""Decisions that need the whole article: who a bare pronoun is, which nested act is the statement.

- A pronoun or "the statement" the analysis left unresolved continues the
  speaker the article was just reporting (the wire convention of "..., he said").
- Reported speech inside reported speech: the report is the inner speaker's
  statement with the reporter as its source, unless the reporter is a person
  quoted by name or says more than the inner act.
- Quotations without a verb: a quoted sentence right after a quoted statement
  continues it; a quotation signed "— Name" is Name's.
"""

from __future__ import annotations

import bisect

import regex

from factkit.analysis.document import AnalysedDocument

from . import words as W
from .context import DocContext
from .records import Act, Ref, entity_type

CARRY_SENTENCES = 6
CARRY_HISTORY = 12
_WS = regex.compile(r"\s+")
_DASH_ATTRIBUTION = regex.compile(r"[ \t]*(?:—|–|--|-)[ \t]*(?=\p{Lu})")
_NAME = regex.compile(r"\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3}")


def _compatible(doc: AnalysedDocument, word: str, kind: str, cand: Ref) -> bool:
    """Can a bare pronoun (or 'the statement') stand for an earlier speaker?"""
    etype = entity_type(doc, cand.entity)
    if cand.kind in ("pronoun", "document", "data"):
        return False
    if kind == "document":
        return etype in ("organization", "country", "person") or (etype is None and not cand.plural)
    if word in W.PERSON_PRONOUNS:
        return etype == "person" or (etype is None and not cand.plural and cand.head not in W.BODY_NOUNS)
    if word in ("they", "we"):
        return cand.plural or etype in ("organization", "country")
    if word == "it":
        return etype in ("organization", "country") or (
            etype is None and not cand.plural and (cand.head in W.BODY_NOUNS or cand.kind == "name"))
    return False


def carry_speakers(doc: AnalysedDocument, acts: list[Act]) -> None:
    """A pronoun or bare 'the statement' the analysis left unresolved continues the last speaker."""
    history: list[tuple[int, Ref]] = []
    text = doc.text
    for act in acts:
        ref = act.speaker
        if ref is None:
            continue
        word = text[ref.start:ref.end].strip().casefold()
        if ref.kind == "pronoun" and ref.entity is not None and word in ("they", "we") and history:
            index, cand = history[-1]
            if act.sentence.index - index <= 2 and _compatible(doc, word, "pronoun", cand) and \
                    (cand.entity != ref.entity or cand.kind == "description"):
                act.speaker = _carried(ref, cand)
            continue
        if ref.kind == "pronoun" and ref.entity is not None and _named_in_content(doc, act, ref.entity):
            # "Lindqvist is due to meet them, she said": whoever "she" is, not the person reported on
            word = _WS.sub(" ", text[ref.start:ref.end]).strip().casefold()
            for index, cand in reversed(history[-CARRY_HISTORY:]):
                if act.sentence.index - index > CARRY_SENTENCES:
                    break
                if cand.entity != ref.entity and _compatible(doc, word, ref.kind, cand):
                    act.speaker = _carried(ref, cand)
                    break
            continue
        bare = ref.kind == "pronoun" or ref.kind == "document" and ref.head in W.ISSUED_NOUNS
        if ref.entity is None and bare:
            word = _WS.sub(" ", text[ref.start:ref.end]).strip().casefold()
            word = word.split()[-1] if word else word
            for index, cand in reversed(history[-CARRY_HISTORY:]):
                if act.sentence.index - index > CARRY_SENTENCES:
                    break
                if _compatible(doc, word, ref.kind, cand):
                    act.speaker = _carried(ref, cand)
                    break
            continue
        if ref.kind != "data":
            history.append((act.sentence.index, ref))


def _named_in_content(doc: AnalysedDocument, act: Act, entity: str) -> bool:
    """Is the entity named (not merely pronominalised) inside the act's reported words?"""
    if act.speaker is None or not act.pieces or act.lo > act.speaker.start:
        return False  # only a trailing "…, she said" can be wrong this way
    return any(m.entity_id == entity and m.kind != "pronoun"
               for a, z in act.pieces for m in doc.mentions_in(a, z))


def _carried(ref: Ref, cand: Ref) -> Ref:
    """The earlier speaker a pronoun stands for: the entity at the pronoun, or the earlier phrase itself."""
    if cand.entity is not None and cand.kind == "name":
        return Ref(ref.start, ref.end, cand.entity, "pronoun", cand.plural, cand.head)
    return Ref(cand.start, cand.end, cand.entity, cand.kind, cand.plural, cand.head)


def _is_agency(doc: AnalysedDocument, ref: Ref | None) -> bool:
    if ref is None:
        return False
    names = [doc.text[ref.start:ref.end]]
    if ref.entity is not None:
        try:
            names.append(doc.entity(ref.entity).name)
        except KeyError:
            pass
    check = getattr(doc.lexicon, "is_news_agency", None)
    return check is not None and any(check(" ".join(n.split())) for n in names)


def _same_speaker(a: Ref | None, b: Ref | None) -> bool:
    if a is None or b is None:
        return False
    if a.entity is not None and a.entity == b.entity:
        return True
    return (a.start, a.end) == (b.start, b.end)


def resolve_nesting(doc: AnalysedDocument, acts: list[Act]) -> None:
    """Reported speech inside reported speech: which act is the statement, which the source."""
    order = sorted(acts, key=lambda a: a.cue_start)
    starts = [a.cue_start for a in order]
    for outer in acts:
        reports: bool | None = None  # asked only when the act reports another (the lexicon lookup is dear)
        named = _named_person(doc, outer.speaker)
        for a, z in outer.pieces:
            for inner in order[bisect.bisect_left(starts, a):bisect.bisect_left(starts, z)]:
                if inner is outer:
                    continue
                if reports is None:
                    reports = outer.lemma in ("according to", "report") or _is_agency(doc, outer.speaker)
                if reports:
                    inner.source = inner.source or outer.speaker
                    outer.drop = True
                elif _same_speaker(outer.speaker, inner.speaker) or inner.speaker is None \
                        or inner.speaker.kind != "name" or named:
                    inner.drop = True
                else:
                    inner.source = inner.source or outer.speaker
                    # "aides said Ruiz urged ...": the report is all Ruiz's act, so Ruiz's is the
                    # statement; when the report says more ("X refused, saying ..."), both stand
                    if _opens_content(doc.text, outer, inner):
                        outer.drop = True


def _opens_content(text: str, outer: Act, inner: Act) -> bool:
    """Does the inner act's attribution open the outer act's content?"""
    if inner.shared or inner.speaker is None:
        return False
    start = next((a for a, z in outer.pieces if a <= inner.cue_start < z), None)
    if start is None:
        return False
    lead = text[start:min(inner.speaker.start, inner.cue_start)]
    return not any(ch.isalnum() for ch in lead)


def _named_person(doc: AnalysedDocument, ref: Ref | None) -> bool:
    """A person quoted by name reports what others said; the report is the statement."""
    return ref is not None and ref.kind == "name" and entity_type(doc, ref.entity) == "person"


def continued_quotes(ctx: DocContext, acts: list[Act]) -> list[Act]:
    """'"A," she said. "B."': a quoted sentence right after a quoted statement continues it."""
    doc, text = ctx.doc, ctx.text
    used = {id(q) for act in acts for q in act.quoted}
    last_by_sentence: dict[int, Act] = {}
    for act in acts:
        if not act.drop and act.quoted and act.mode != "according":
            last_by_sentence[act.sentence.index] = act
    out = []
    for q in ctx.quotes:
        if id(q) in used or q.words(text) < 2:
            continue
        sentence = doc.sentence_at(q.start)
        if sentence is None or sentence.start != q.start or sentence.index == 0 \
                or doc.in_junk(q.start, q.end):
            continue
        tail_sentence = doc.sentence_at(max(q.end - 1, q.start))
        tail_end = tail_sentence.end if tail_sentence is not None else sentence.end
        if any(ch.isalnum() for ch in text[q.end:tail_end]):
            continue
        prev = last_by_sentence.get(sentence.index - 1)
        if prev is None or doc.sentences[sentence.index - 1].paragraph != sentence.paragraph:
            continue
        act = Act(sentence, prev.cue_start, prev.cue_end, prev.lemma, "cont", prev.speaker, list(q.segments),
                  addressee=prev.addressee, source=prev.source, quoted=[q])
        act.lo, act.hi = q.start, q.end
        act.attr = (q.end, q.end)
        out.append(act)
        last = doc.sentence_at(max(q.end - 1, q.start))
        if last is not None:
            last_by_sentence[last.index] = act
    return out


def dash_acts(ctx: DocContext, acts: list[Act]) -> list[Act]:
    """'"..." — Name': a quotation signed with a dash and a name."""
    doc, text = ctx.doc, ctx.text
    used = {id(q) for act in acts for q in act.quoted}
    out = []
    for q in ctx.quotes:
        if id(q) in used or not q.closed or q.words(text) < 3 or doc.in_junk(q.start, q.end):
            continue
        m = _DASH_ATTRIBUTION.match(text, q.end)
        if m is None:
            continue
        mention = doc.mention_at(m.end())
        if mention is not None and mention.start == m.end():
            name_start, name_end, entity = mention.start, mention.end, mention.entity_id
        else:
            name = _NAME.match(text, m.end())
            if name is None:
                continue
            name_start, name_end, entity = name.start(), name.end(), None
        sentence = doc.sentence_at(name_start) or doc.sentence_at(q.start)
        if sentence is None:
            continue
        rest = text[name_end:max(sentence.end, name_end)]
        line_end = rest.find("\n")
        tail = rest if line_end < 0 else rest[:line_end]
        if any(ch.isalpha() for ch in tail.split(",")[0]):
            continue
        speaker = Ref(name_start, name_end, entity, "name")
        act = Act(sentence, m.start() + len(m.group()) - len(m.group().lstrip()), m.end(), "—", "dash",
                  speaker, list(q.segments), quoted=[q])
        act.cue_start = m.start() + (len(m.group()) - len(m.group().lstrip(" \t")))
        act.cue_end = act.cue_start + len(m.group().strip())
        act.lo, act.hi = q.start, name_end
        act.attr = (q.end, name_end)
        out.append(act)
    return out
