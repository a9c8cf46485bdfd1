"""Find visits: "X visited Y", "arrived in Y", "will travel to Y", "toured Y", "X's trip to Y".

Only factkit's public API is used: the analysed document (sentences, entity
mentions, dates), the shared clause modality for the status, and the schema
models. The reading is local and linear: from each trigger, walk left over
the words that may separate a verb from its subject ("has", "will", "is
expected to", a date) to the visitor, and right over determiners and place
words ("the Polish capital") to the destination. A trigger without both a
visitor and a destination is not reported.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from factkit import Argument, DateValue, Event, Location
from factkit.analysis import AnalysedDocument, Mention, Sentence, TimeExpression
from factkit.analysis.modality import clause_status, fold_same_length, text_modality
from factkit.schema import EventStatus

_TRIGGER = regex.compile(
    r"\b(?:(?P<noun>(?:trip|journey|visit|tour)s?)\s+(?P<prep>to|of|by)\b"
    r"|(?P<arrive>arriv(?:ed|es|e|ing)|land(?:ed|s|ing)?)\s+in\b"
    r"|(?P<travel>travel(?:s|led|ed|ling|ing)?|fl(?:ew|ies|y|ying)|head(?:ed|s|ing)?)\s+to\b"
    r"|(?P<verb>visit(?:s|ed|ing)?|tour(?:s|ed|ing)?)\b)"
)
_TOKEN = regex.compile(r"\w+(?:-\w+)*+|'s\b|n't\b|'ll\b|[^\w\s]")
_COMPOUND = regex.compile(r"\w+-(?:day|week|month|nation|country|city|stop|leg|hour)")

# Words that may stand between a visit verb and its subject.
_VERB_GAP = frozenset(
    "has have had is are was were will would shall should could can may might must to be been being "
    "also then later first finally again already just still recently reportedly not never n't did "
    "does do 'll 's who due set expected scheduled slated plans plan planned planning intends intended "
    "wants wanted hopes hoped aims aimed decided agreed promised vowed pledged refused declined "
    "preparing prepares prepared going about ready soon once".split())
# ... and between a visit noun and whoever makes the visit.
_NOUN_GAP = _VERB_GAP | frozenset(
    "a an the on made make makes making paid pay pays paying began begin begins started start starts "
    "kicked off ended end ends concluded conclude concludes wrapped up undertook undertake undertakes "
    "embarked embark embarks cut short cancelled canceled postponed delayed announced for first second "
    "third official state working rare surprise brief landmark historic high-profile long-awaited "
    "upcoming unannounced previous last recent planned scheduled private overseas foreign regional "
    "diplomatic whirlwind".split())
# Attaching prepositions: "met Y during a visit to Z" is a visit by the clause's subject.
_ATTACH = frozenset("during on while after before amid ahead in at".split())
_BE = frozenset("is was are were been be being 's".split())
_NOUN_LEFT = frozenset(
    "a an the his her their its our this that these those 's state official working first rare surprise "
    "brief landmark historic planned upcoming scheduled proposed forthcoming previous last recent".split())
# Words that may stand between a trigger and its destination.
_PLACE_GAP = frozenset(
    "the a an neighbouring neighboring war-torn capital city of port region province town state "
    "southern northern eastern western central northeastern northwestern southeastern southwestern "
    "disputed occupied breakaway island".split())
_TITLE_LEFT = frozenset("a an the vice deputy acting former senior top chief".split())
_HOST_CUE = regex.compile(r"\b(?:at\s+the\s+invitation\s+of|hosted\s+by|as\s+(?:a\s+)?guests?\s+of)\b")
_PLANNED = regex.compile(r"\b(?:planned|upcoming|scheduled|proposed|forthcoming)\b")
_SINCE = regex.compile(r"\b(?:since|until|till)\s+$")
_VISITOR_TYPES = frozenset({"person", "organization", "country"})
_MAX_STEPS = 14
_HOST_WINDOW = 200


@dataclass(frozen=True, slots=True)
class Ref:
    """A place in the text that stands for an entity (or for nothing the analysis knows)."""

    start: int
    end: int
    entity: str | None


@dataclass(slots=True)
class Visit:
    """One visit found in one sentence, before merging."""

    visitors: list[Ref]
    destination: Ref
    host: Ref | None
    status: EventStatus
    date: TimeExpression | None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    headline: bool = False


class _Sentence:
    """A sentence's tokens and mentions, indexed for the left and right walks."""

    def __init__(self, doc: AnalysedDocument, sentence: Sentence, low: str) -> None:
        self.doc, self.sentence, self.low = doc, sentence, low
        base = sentence.start
        self.tokens = [(m.start() + base, m.end() + base, m.group()) for m in _TOKEN.finditer(self.low)]
        self.ends: dict[int, Mention] = {}
        self.starts: dict[int, Mention] = {}
        for mention in doc.mentions_in(sentence.start, sentence.end):
            width = mention.end - mention.start
            if mention.end not in self.ends or width > self.ends[mention.end].end - self.ends[mention.end].start:
                self.ends[mention.end] = mention
            if mention.start not in self.starts or width > self.starts[mention.start].end - mention.start:
                self.starts[mention.start] = mention
        self.dates = doc.dates_in(sentence.start, sentence.end)
        self.date_spans = [(d.start, d.end) for d in self.dates]
        self.sorted_starts = sorted(self.starts)
        self._token_starts = [t[0] for t in self.tokens]
        self._token_ends = [t[1] for t in self.tokens]

    def index_before(self, offset: int) -> int:
        """Index of the last token ending at or before ``offset`` (-1 if none)."""
        return bisect.bisect_right(self._token_ends, offset) - 1

    def index_from(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self._token_starts, offset)

    def mentions_from(self, lo: int, hi: int) -> Iterator[Mention]:
        """The widest mention starting at each offset in ``[lo, hi)``, in text order."""
        for i in range(bisect.bisect_left(self.sorted_starts, lo), len(self.sorted_starts)):
            if self.sorted_starts[i] >= hi:
                return
            yield self.starts[self.sorted_starts[i]]

    def in_date(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.date_spans)

    def entity_type(self, mention: Mention) -> str:
        return self.doc.entity(mention.entity_id).type


def find_visits(doc: AnalysedDocument) -> Iterator[Event]:
    """Every visit in the article, one event per visitor, destination and status."""
    found: list[Visit] = []
    for sentence in doc.body_sentences():
        low = fold_same_length(doc.text[sentence.start:sentence.end])
        if _TRIGGER.search(low) is None:
            continue
        view = _Sentence(doc, sentence, low)
        earlier: list[Visit] = []
        for match in _TRIGGER.finditer(view.low):
            earlier.extend(_visit_at(view, match, earlier))
        found.extend(earlier)
    for visit in _merge(doc, found):
        yield _to_event(doc, visit)


def _visit_at(view: _Sentence, match: regex.Match[str], earlier: list[Visit]) -> list[Visit]:
    """The visits one trigger names: one per destination ("will visit Mauritania and Senegal").

    ``earlier`` are the visits found before it in the sentence: "will fly to
    Samoa and is due to visit Tonga" shares its visitor with the first.
    """
    base = view.sentence.start
    start, end = match.start() + base, match.end() + base
    noun, prep = match.group("noun"), match.group("prep")
    kind = "noun" if noun else match.lastgroup
    if kind == "verb" and _is_noun(view, start):
        return []
    visitors: list[Ref] = []
    after = end
    if kind == "noun" and (prep == "by" or (prep == "of" and noun.startswith("visit"))):
        by = _walk_right(view, end, places_only=False)
        to = view.index_from(by.end) if by is not None else len(view.tokens)
        if by is None or to >= len(view.tokens) or view.tokens[to][2] != "to":
            return []
        visitors, after = [by], view.tokens[to][1]
    elif kind == "noun":
        visitors = _noun_visitors(view, start)
    else:
        visitors = _subjects(view, start, _VERB_GAP)
        if not visitors and _attached(view, start, _VERB_GAP):
            visitors = _clause_subject(view, start)
        if not visitors and earlier and _stops_at(view, start, _VERB_GAP) == "and":
            visitors = list(earlier[-1].visitors)
    places_only = kind in ("arrive", "travel") or (kind == "noun" and not noun.startswith("visit"))
    destination = _walk_right(view, after, places_only=places_only)
    if destination is None:
        return []
    destinations = [destination, *_coordinated_right(view, destination, places_only)]
    if kind == "noun" and not visitors:
        visitors = _by_phrase(view, destinations[-1].end)
    status = _noun_status(view, start, end) if kind == "noun" else _verb_status(view, start, end)
    date = _date(view, start, end)
    visits = []
    for place in destinations:
        who = [v for v in visitors if _visitor_ok(view, v, place)]
        if who:
            visits.append(Visit(who, place, _host(view, place, after), status, date,
                                [(view.sentence.start, view.sentence.end)], view.sentence.is_headline))
    return visits


def _verb_status(view: _Sentence, start: int, end: int) -> EventStatus:
    """The clause's status, read only up to a coordinated next visit ("flew to Tokyo and is due
    to visit Osaka": the second verb's "is due" is not the first's)."""
    base = view.sentence.start
    nxt = _TRIGGER.search(view.low, end - base)
    if nxt is None:
        return clause_status(view.doc, view.sentence, start, end)
    cut = max(view.low.rfind(" and ", end - base, nxt.start()), view.low.rfind(",", end - base, nxt.start()))
    hi = base + cut if cut >= 0 else view.sentence.end
    return text_modality(view.doc.text, view.sentence.start, hi, start, end).status


def _noun_status(view: _Sentence, start: int, end: int) -> EventStatus:
    """Status of "a planned visit": the clause decides from the phrase's start ("cancelled a
    planned visit", "a planned trip … was called off"); the adjective only when nothing else does."""
    i = view.index_before(start)
    floor = max(-1, i - _MAX_STEPS)
    while i > floor and (view.tokens[i][2] in _NOUN_LEFT or _COMPOUND.fullmatch(view.tokens[i][2])):
        i -= 1
    lo = view.tokens[i + 1][0]
    status = text_modality(view.doc.text, view.sentence.start, view.sentence.end, lo, end).status
    if status == "occurred" and _PLANNED.search(view.low, lo - view.sentence.start, start - view.sentence.start):
        return "planned"
    return status


def _coordinated_right(view: _Sentence, first: Ref, places_only: bool) -> list[Ref]:
    """Further destinations joined by "and" or commas: "Mauritania and Senegal"."""
    more: list[Ref] = []
    i = view.index_from(first.end)
    while i + 1 < len(view.tokens) and view.tokens[i][2] in ("and", ",") and len(more) < 6:
        nxt = _walk_right(view, view.tokens[i][1], places_only=places_only)
        if nxt is None or view.doc.entity(nxt.entity).type != view.doc.entity(first.entity).type:
            break
        more.append(nxt)
        i = view.index_from(nxt.end)
    return more


def _is_noun(view: _Sentence, start: int) -> bool:
    """"the visit", "a state visit", "Modi's tour": a noun with no destination after it."""
    i = view.index_before(start)
    if i < 0:
        return False
    word = view.tokens[i][2]
    return word in _NOUN_LEFT or _COMPOUND.fullmatch(word) is not None


def _ref(mention: Mention) -> Ref:
    return Ref(mention.start, mention.end, mention.entity_id)


def _subject_step(view: _Sentence, i: int, gap: frozenset[str]) -> list[Ref] | None:
    """One step of a walk left to a subject: what it found (empty: nothing), or None to go on."""
    s, e, word = view.tokens[i]
    mention = view.ends.get(e)
    if mention is not None:
        return _with_coordinated(view, mention)
    title = _title_at(view, i)
    if title is not None:
        return [title]
    if view.in_date(s, e) or word in gap or word.endswith("ly") or _COMPOUND.fullmatch(word):
        return None
    if word == "," and i + 1 < len(view.tokens) and view.tokens[i + 1][2] == "who":
        return None
    return []


def _subjects(view: _Sentence, start: int, gap: frozenset[str]) -> list[Ref]:
    """The subject left of a verb, with any coordinated subjects ("Modi and Duda visited")."""
    i = view.index_before(start)
    for _ in range(_MAX_STEPS):
        if i < 0:
            return []
        found = _subject_step(view, i, gap)
        if found is not None:
            return found
        i -= 1
    return []


def _title_at(view: _Sentence, i: int) -> Ref | None:
    """An unnamed office holder ending at token ``i``: "a French minister", "Egypt's foreign minister".

    The visitor is a person the analysis could not name, so the argument has no entity id.
    """
    titles = view.doc.lexicon.titles
    for k in range(min(4, i + 1), 0, -1):
        words = [t[2] for t in view.tokens[i - k + 1:i + 1]]
        if " ".join(words) in titles:
            j = i - k + 1
            floor = max(0, j - _MAX_STEPS)
            while j > floor:
                word = view.tokens[j - 1][2]
                owner = view.ends.get(view.tokens[j - 2][1]) if word == "'s" and j > 1 else None
                mention = owner or view.ends.get(view.tokens[j - 1][1])
                if mention is not None:
                    j = view.index_from(mention.start)
                elif word in _TITLE_LEFT:
                    j -= 1
                else:
                    break
            while j < i and view.tokens[j][2] in ("a", "an", "the"):
                j += 1
            return Ref(view.tokens[j][0], view.tokens[i][1], None)
    return None


def _with_coordinated(view: _Sentence, mention: Mention) -> list[Ref]:
    refs = [_ref(mention)]
    i = view.index_before(mention.start)
    while i >= 1 and view.tokens[i][2] in ("and", ",") and len(refs) < 8:
        previous = view.ends.get(view.tokens[i - 1][1])
        if previous is None:
            break
        refs.insert(0, _ref(previous))
        i = view.index_before(previous.start)
    return refs


def _stops_at(view: _Sentence, start: int, gap: frozenset[str]) -> str:
    """The word where the walk left over ``gap`` words from ``start`` stops."""
    i = view.index_before(start)
    for _ in range(_MAX_STEPS):
        if i < 0 or not (view.tokens[i][2] in gap or view.tokens[i][2].endswith("ly")):
            break
        i -= 1
    return view.tokens[i][2] if i >= 0 else ""


def _attached(view: _Sentence, start: int, gap: frozenset[str]) -> bool:
    """True when the walk left from ``start`` ends at an attaching preposition ("during a visit")."""
    i = view.index_before(start)
    for _ in range(_MAX_STEPS):
        if i < 0:
            return False
        word = view.tokens[i][2]
        if word in _ATTACH:
            return not (word == "on" and i > 0 and view.tokens[i - 1][2] in _BE)
        if word in gap or word.endswith("ly") or _COMPOUND.fullmatch(word):
            i -= 1
            continue
        return False
    return False


def _noun_visitors(view: _Sentence, start: int) -> list[Ref]:
    """Who makes the visit a noun names: a possessor, the subject of "paid a visit", or the clause's."""
    i = view.index_before(start)
    for _ in range(_MAX_STEPS):
        if i < 0:
            return []
        word = view.tokens[i][2]
        if word == "'s" and i > 0:
            owner = view.ends.get(view.tokens[i - 1][1])
            return [_ref(owner)] if owner is not None else []
        if word in ("his", "her"):
            return _clause_subject(view, start, person=True)
        if word in _ATTACH and not (word == "on" and i > 0 and view.tokens[i - 1][2] in _BE):
            return _clause_subject(view, start)
        found = _subject_step(view, i, _NOUN_GAP)
        if found is not None:
            return found
        i -= 1
    return []


def _clause_subject(view: _Sentence, start: int, person: bool = False) -> list[Ref]:
    """The main clause's subject for a visit phrase attached to it.

    A fronted phrase ("During his trip to Rome, Meloni …") points forward to
    the first name after its comma; otherwise the sentence's first name.
    """
    text = view.low
    base = view.sentence.start
    comma = text.find(",", start - base)
    fronted = view.tokens and view.tokens[0][2] in _ATTACH and comma >= 0 and \
        "," not in text[:start - base]
    lo = base + comma + 1 if fronted else base
    hi = view.sentence.end if fronted else start
    wanted = {"person"} if person else _VISITOR_TYPES
    for mention in view.mentions_from(lo, hi):
        if mention.end <= hi and view.entity_type(mention) in wanted:
            return [_ref(mention)]
    first = view.index_from(lo)
    for i in range(first, min(first + _MAX_STEPS * 3, len(view.tokens))):  # an unnamed office holder
        if view.tokens[i][1] > hi:
            break
        title = _title_at(view, i)
        if title is not None:
            return [title]
    return []


def _walk_right(view: _Sentence, end: int, *, places_only: bool) -> Ref | None:
    """The destination right of ``end``: the first name past determiners and place words."""
    i = view.index_from(end)
    demonym: Mention | None = None
    for _ in range(_MAX_STEPS):
        if i >= len(view.tokens):
            break
        s, e, word = view.tokens[i]
        mention = view.starts.get(s)
        if mention is not None and mention.kind == "demonym":
            demonym = mention
            i = view.index_from(mention.end)
            continue
        if mention is not None:
            kind = view.entity_type(mention)
            if places_only and kind not in ("place", "country"):
                return None
            return _ref(mention)
        if word in _PLACE_GAP:
            i += 1
            continue
        break
    if demonym is not None:
        rest = view.doc.text[demonym.end:demonym.end + 8]
        if rest.casefold().startswith(" capital"):
            return Ref(demonym.start, demonym.end + 8, demonym.entity_id)
    return None


def _by_phrase(view: _Sentence, end: int) -> list[Ref]:
    """"a trip to Brazil by Ruto": the visitor named after the destination."""
    i = view.index_from(end)
    if i < len(view.tokens) and view.tokens[i][2] == "by":
        mention = view.starts.get(view.tokens[i + 1][0]) if i + 1 < len(view.tokens) else None
        if mention is not None:
            return [_ref(mention)]
    return []


def _visitor_ok(view: _Sentence, visitor: Ref, destination: Ref | None) -> bool:
    if visitor.entity is None:
        return True  # an unnamed office holder ("a French minister")
    if view.doc.entity(visitor.entity).type not in _VISITOR_TYPES:
        return False
    return destination is None or destination.entity != visitor.entity


def _host(view: _Sentence, destination: Ref, after: int) -> Ref | None:
    """Who receives the visitor: "at the invitation of X", else the country or body visited."""
    base = view.sentence.start
    cue = _HOST_CUE.search(view.low, after - base, after - base + _HOST_WINDOW)
    if cue is not None:
        near = [m for m in view.mentions_from(cue.end() + base, cue.end() + base + 60) if m.kind != "demonym"]
        if near:
            return _ref(near[0])
    if destination.entity is None:
        return None
    kind = view.doc.entity(destination.entity).type
    if kind in ("country", "organization", "person"):
        return destination
    entry = view.doc.lexicon.lookup(view.doc.text[destination.start:destination.end])
    if entry is not None and entry.type == "country" and entry.name:
        country = view.doc.entity_by_name(entry.name)
        if country is not None:
            return Ref(destination.start, destination.end, country.id)
    return None


def _date(view: _Sentence, start: int, end: int) -> TimeExpression | None:
    best: tuple[int, TimeExpression] | None = None
    for date in view.dates:
        if date.value is None or _SINCE.search(view.doc.text[max(0, date.start - 12):date.start].casefold()):
            continue
        distance = start - date.end if date.end <= start else max(0, date.start - end)
        if best is None or distance < best[0]:
            best = (distance, date)
    return best[1] if best else None


def _merge(doc: AnalysedDocument, visits: list[Visit]) -> list[Visit]:
    """One visit mentioned in the headline and the body (or twice in the body) is one event.

    A headline's tense says little ("Ruto heads to Japan" for a trip next
    week), so a headline mention takes the body's status.
    """
    def keys(visit: Visit) -> set[str]:
        return {v.entity or doc.text[v.start:v.end].casefold() for v in visit.visitors}

    merged: list[Visit] = []
    by_place: dict[str | None, list[Visit]] = {}
    for visit in visits:
        same = next((m for m in by_place.get(visit.destination.entity, [])
                     if (m.status == visit.status or m.headline or visit.headline)
                     and keys(m) & keys(visit)
                     and (m.date is None or visit.date is None or m.date.value == visit.date.value)),
                    None)
        if same is None:
            merged.append(visit)
            by_place.setdefault(visit.destination.entity, []).append(visit)
            continue
        same.evidence.extend(e for e in visit.evidence if e not in same.evidence)
        if same.date is None:
            same.date = visit.date
        if same.host is None:
            same.host = visit.host
        if same.headline and not visit.headline:
            same.visitors, same.destination, same.headline = visit.visitors, visit.destination, False
            same.host, same.status = visit.host or same.host, visit.status
    return merged


def _to_event(doc: AnalysedDocument, visit: Visit) -> Event:
    def argument(role: str, ref: Ref) -> Argument:
        return Argument(role=role, entity=ref.entity, text=doc.text[ref.start:ref.end],
                        span=doc.span(ref.start, ref.end))

    arguments = [argument("visitor", v) for v in visit.visitors]
    if visit.host is not None:
        arguments.append(argument("host", visit.host))
    destination = visit.destination
    location = None
    if destination.entity is None or doc.entity(destination.entity).type in ("place", "country"):
        location = Location(text=doc.text[destination.start:destination.end], entity=destination.entity,
                            span=doc.span(destination.start, destination.end))
    date = None
    if visit.date is not None:
        d = visit.date
        date = DateValue(text=d.text, value=d.value, precision=d.precision, span=doc.span(d.start, d.end))
    return Event(type="visit", status=visit.status, arguments=arguments, date=date, location=location,  # type: ignore[arg-type]
                 evidence=[doc.span(s, e) for s, e in sorted(visit.evidence)],
                 confidence=0.5 if visit.headline else 0.7)
