"""Shared machinery of the meeting, sanction and agreement extractors.

A sentence is read once into a :class:`SentView`: word tokens with offsets,
the entity mentions and dates inside it. On top of that sit small, linear
helpers that every event extractor needs: the subject left of a verb, the
noun phrase right of a word, the parties a phrase names (people first,
coordinated ones apart, "they"/"both sides" resolved from context), the date
and place belonging to one trigger, and the merging of drafts that describe
the same real-world event. There is no parser: closed word classes and the
analysis' mentions stand in for one, which is enough for news syntax.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, overload

import regex

from factkit.analysis.document import AnalysedDocument
from factkit.analysis.modality import fold_same_length
from factkit.analysis.model import Mention, Sentence, TimeExpression
from factkit.schema import Argument, DateValue, EntityRef, Event, EventStatus, Location, Relation

# --------------------------------------------------------------------------- tokens
_TOKEN = regex.compile(
    r"(?:\p{Lu}\.){2,}"
    r"|\p{L}[\p{L}\p{M}\p{N}]*+(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}]*+)*+(?:['’](?![sS]\b)\p{L}++)?"
    r"|['’][sS]\b"
    r"|\p{N}++(?:[.,:/]\p{N}++)*+(?:-\p{L}++)?"
    r"|[^\s\p{L}\p{N}]"
)
# The same tokens for pure-ASCII text (most news sentences), where the stdlib engine is faster. Nothing
# after a run can fail, so plain greedy runs match what the possessive ones above match.
_ASCII_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"
    r"|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9][A-Za-z0-9]*)*(?:'(?![sS]\b)[A-Za-z]+)?"
    r"|'[sS]\b"
    r"|[0-9]+(?:[.,:/][0-9]+)*(?:-[A-Za-z]+)?"
    r"|[^\t\n\v\f\r A-Za-z0-9]"  # the ASCII characters the regex module counts as \s
)


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


DETS = _words("the a an this these those its his her their our my your both all some several many most "
              "other another each every any such no few various whose")
NUMBER_WORDS = _words("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                      "fifty hundred hundreds thousand thousands dozen dozens about around nearly some more than "
                      "least almost over up")
PREPS = _words("in on at for during after before since over from to into by with without under amid amidst "
               "against following near via through across toward towards until till as like despite per within "
               "regarding concerning about upon onto behind beyond among between around throughout outside "
               "inside than off out versus vs ahead due because")
REL = _words("who which that whom where when while whereas because although though if unless whether so "
             "whereby what how why")
AUX = _words("is are was were be been being am has have had having do does did will would shall should can "
             "could may might must 'll wo")
ADVERBS = _words("also again already still now then just only even reportedly previously recently finally "
                 "later earlier jointly separately briefly formally officially never not n't once twice first "
                 "soon yesterday today tonight subsequently initially repeatedly reportedly respectively "
                 "additionally meanwhile however moreover furthermore instead nevertheless nonetheless "
                 "apparently allegedly reportedly personally directly privately publicly secretly quietly "
                 "ultimately eventually immediately currently")
# verbs that govern an infinitive or gerund and so stand between a subject and the event verb
CHAIN_VERBS = _words("plans plan planned planning want wants wanted agreed agree agrees decided decide decides "
                     "refused refuse refuses declined decline declines failed fail fails hopes hope hoped "
                     "intends intend intended going scheduled expected due set likely unlikely able unable "
                     "ready willing prepared sought seek seeks tried try tries continue continues continued "
                     "began begin begins started start starts promised promise promises pledged pledge "
                     "vowed vow vows threatened threaten threatens offered offer offers moved move "
                     "voted vote votes aims aim aimed seemed seems appeared appears proposed propose "
                     "to about expected poised slated")
IRREGULAR_VERBS = _words(
    "said says say told tells tell met meets meet held holds hold made makes make took takes take gave gives "
    "give went goes go came comes come saw sees see got gets get sent sends send led leads left keeps kept "
    "keep brought brings bring began begins won wins lost loses paid pays set put spoke speaks speak wrote "
    "writes write struck strikes sought seeks thought thinks found finds became becomes ran runs rose rises "
    "fell falls grew grows drew draws knew knows chose chooses broke breaks hit cut let stood stands sat "
    "heard hears meant means felt feels built builds sold sells bought buys caught fought taught understood "
    "agrees signs urges calls warns hosts visits discusses imposes lifts bans freezes froze frozen "
    "slapped extends renews adds remains remained become shows showed shown asks demands accuses denies "
    "rejects welcomes receives condemns backs supports opposes sees seen done gone driven taken given "
    "flown written chosen known spoken begun"
)
ED_NOT_VERBS = _words(
    "united armed based advanced detained elected listed designated proposed alleged so-called red need "
    "speed seed bed hundred shed feed breed creed greed deed weed unprecedented limited concerned "
    "interested related detailed qualified skilled talented renowned sophisticated naked wicked "
    "beloved learned aged biased fixed mixed embattled besieged disputed contested occupied annexed "
    "sanctioned blacklisted affected affiliated registered unnamed unidentified undisclosed "
    "senior-ranked high-ranking ruling leading founded indebted"
)
SENTENCE_ADVERBS = _words("additionally meanwhile however moreover furthermore recently earlier later separately "
                          "nevertheless nonetheless instead also still yet but and so thus then now today "
                          "yesterday previously initially finally ultimately indeed overall")

# heads that make a phrase a party even without a named entity
GROUP_NOUNS = _words(
    "officials official ministers minister diplomats diplomat delegation delegations delegates delegate "
    "negotiators negotiator representatives representative envoys envoy leaders leader lawmakers "
    "counterparts counterpart team teams committee committees panel panels group groups council "
    "government governments administration authorities commission board cabinet parliament "
    "legislators senators members executives bankers creditors producers consumers companies company "
    "firms firm businesses individuals entities generals commanders chiefs chief rebels insurgents "
    "militants factions faction side sides parties party coalition opposition allies partners "
    "countries nations states counterparts mediators mediator advisers advisors aides aide "
    "president premier spokesman spokeswoman spokesperson secretary ambassador governor chancellor "
    "king queen prince emir sheikh pope general commander head heads chairman chairwoman chair "
    "mps deputies senate congress assembly ministry ministries department agency organization "
    "union bloc alliance forum troika junta regime military army navy forces people workers "
    "students activists protesters investors banks lenders suppliers exporters importers "
    "operators individuals persons figures politicians judges inspectors observers experts movement movements "
    "organizations organisations"
)
PLURAL_ANAPHORS = (
    "they", "both sides", "the two sides", "two sides", "both men", "the two men", "the two leaders",
    "both leaders", "the two", "the pair", "the two countries", "both countries", "the two nations",
    "both nations", "both parties", "the two parties", "the two governments", "both governments",
    "the two ministers", "the two officials", "them", "the two women",
    "the two diplomats", "the two presidents", "the sides", "each other", "we", "us",
)
_PLURAL_ANAPHORS_SET = frozenset(PLURAL_ANAPHORS)


_NOUN_HOMOGRAPHS = _words("states reports claims calls comments remarks notes warnings charges demands answers "
                          "tweets replies promises pledges threats vows statements announcements appeals requests "
                          "accusations protests insists")
_NOUN_MODIFIERS = _words("member news media press united these those the its their his her such many some "
                         "several two three four five other both all")
_LY_NOUNS = _words("family families assembly assemblies rally ally supply monopoly anomaly homily italy july "
                   "reply melee belly jelly bully folly holy wholly")


class Tok(NamedTuple):
    """One word or punctuation token: offsets into the text, its surface and its folded form."""

    start: int
    end: int
    text: str
    low: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


_new_tok = functools.partial(tuple.__new__, Tok)  # Tok from a 4-tuple without a Python-level call
_tok_end = operator.itemgetter(1)  # Tok.end, for bisecting the tokens
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


@dataclass(slots=True)
class SentView:
    """One sentence read once: tokens, the mentions over them, its dates, a folded copy."""

    doc: AnalysedDocument
    sentence: Sentence
    tokens: list[Tok]
    low: str  # folded copy of the whole sentence, same length
    mention_of: list[Mention | None]  # widest mention covering each token
    dates: list[TimeExpression]
    headline: bool
    speech: frozenset[str] = frozenset()

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    def tok_at(self, offset: int) -> int:
        """Index of the first token ending after ``offset`` (len(tokens) if none)."""
        return bisect.bisect_right(self.tokens, offset, key=_tok_end)

    def tok_ending(self, offset: int) -> int:
        """Number of tokens that end at or before ``offset`` (the same count as :meth:`tok_at`)."""
        return self.tok_at(offset)

    def span_text(self, i: int, j: int) -> str:
        if i >= j:
            return ""
        return self.doc.text[self.tokens[i].start:self.tokens[j - 1].end]

    def date_at_token(self, i: int) -> TimeExpression | None:
        t = self.tokens[i]
        for d in self.dates:
            if d.start <= t.start and t.end <= d.end:
                return d
        return None


def sent_view(doc: AnalysedDocument, sentence: Sentence, speech: frozenset[str] | None = None,
              low: str | None = None) -> SentView:
    """Read one sentence. ``low`` is its folded text when the caller has it (sliced from the folded
    document); token folds are then slices of it, which is what folding each token gives (see
    :class:`BodyViews`)."""
    text = doc.text[sentence.start:sentence.end]
    base = sentence.start
    if low is None:
        low = fold_same_length(text)
        if "Σ" in text:  # final sigma folds by context: fold each token on its own, as it stands
            tokens = [Tok(m.start() + base, m.end() + base, m.group(), fold_same_length(m.group()))
                      for m in _TOKEN.finditer(text)]
            return _finish_view(doc, sentence, text, low, tokens, speech)
    spans = [m.span() for m in (_ASCII_TOKEN if text.isascii() else _TOKEN).finditer(text)]
    tokens = list(map(_new_tok, [(s + base, e + base, text[s:e], low[s:e]) for s, e in spans]))
    return _finish_view(doc, sentence, text, low, tokens, speech)


def _finish_view(doc: AnalysedDocument, sentence: Sentence, text: str, low: str, tokens: list[Tok],
                 speech: frozenset[str] | None) -> SentView:
    mention_of: list[Mention | None] = [None] * len(tokens)
    n = len(tokens)
    k = 0
    for m in doc.mentions_in(sentence.start, sentence.end):  # sorted by the document: start, longest first
        k = bisect.bisect_right(tokens, m.start, k, n, key=_tok_end)  # the first token ending after it
        i = k
        while i < n and tokens[i].start < m.end:
            cur = mention_of[i]
            if cur is None or (cur.end - cur.start) < (m.end - m.start):
                mention_of[i] = m
            i += 1
    dates = doc.dates_in(sentence.start, sentence.end)
    headline = bool(sentence.is_headline) or _looks_like_headline(text)
    return SentView(doc, sentence, tokens, low, mention_of, dates, headline,
                    speech if speech is not None else frozenset(doc.lexicon.speech_verbs))


def _looks_like_headline(text: str) -> bool:
    if text.rstrip().endswith((".", '"', "”")):
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps / len(words) > 0.7


def body_views(doc: AnalysedDocument) -> BodyViews:
    """The views of the non-junk sentences, in text order; shared by the extractors of one document."""
    return doc.memo("factkit.extractors._events.body_views", lambda: BodyViews(doc))


class BodyViews(Sequence[SentView]):
    """The non-empty, non-junk sentences of one document, each read into a :class:`SentView` on first use.

    Most sentences hold no trigger word of a given extractor: :meth:`containing` finds the ones that
    may, by plain substring search over the folded document, so the others cost next to nothing.
    Views are kept once built, for the other extractors and for sentences read again as context.
    """

    __slots__ = ("doc", "sentences", "_views", "_starts", "_ends", "_speech", "_fold", "_sliceable", "_found")

    def __init__(self, doc: AnalysedDocument) -> None:
        self.doc = doc
        self.sentences = [s for s in doc.body_sentences() if s.end > s.start]
        self._views: list[SentView | None] = [None] * len(self.sentences)
        self._starts = [s.start for s in self.sentences]
        self._ends = [s.end for s in self.sentences]
        self._speech = frozenset(doc.lexicon.speech_verbs)
        self._fold: str | None = None
        # Folding is per character except for final sigma, so without one a slice of the folded
        # document is exactly the folded sentence (and a slice of that the folded token).
        self._sliceable = "Σ" not in doc.text
        self._found: dict[tuple[tuple[str, ...], tuple[str, ...]], frozenset[int]] = {}

    def __len__(self) -> int:
        return len(self.sentences)

    @overload
    def __getitem__(self, i: int) -> SentView: ...

    @overload
    def __getitem__(self, i: slice) -> list[SentView]: ...

    def __getitem__(self, i: int | slice) -> SentView | list[SentView]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        view = self._views[i]
        if view is None:
            sentence = self.sentences[i]
            low = self.folded()[sentence.start:sentence.end] if self._sliceable else None
            view = self._views[i] = sent_view(self.doc, sentence, self._speech, low)
        return view

    def low(self, i: int) -> str:
        """The folded text of sentence ``i`` (what its view's ``low`` is), without reading it."""
        view = self._views[i]
        if view is not None:
            return view.low
        sentence = self.sentences[i]
        if self._sliceable:
            return self.folded()[sentence.start:sentence.end]
        return fold_same_length(self.doc.text[sentence.start:sentence.end])

    def folded(self) -> str:
        """The whole document folded (same length): ASCII letters fold alike in every sentence."""
        if self._fold is None:
            self._fold = fold_same_length(self.doc.text)
        return self._fold

    def containing(self, stems: Iterable[str], unless: tuple[str, ...] = ()) -> frozenset[int]:
        """Indices of the sentences with a word that starts with one of ``stems`` (lowercase ASCII).

        A cheap necessary condition for a trigger pattern: every match of it has a word (after a
        ``\\b`` or a space) that begins with a stem. A stem right after an ASCII letter, digit or
        underscore starts no word ("said" holds no "aid"); any other character may end a word.
        A word that begins with one of ``unless`` counts for nothing: a word no pattern can match
        there ("spokesman" for "spoke", "according" for "accord"), so its sentence is not read for it.
        """
        key = (tuple(stems), unless)
        found = self._found.get(key)
        if found is not None:
            return found
        found = self._found[key] = frozenset(self._scan_stems(key[0], unless))
        return found

    def _scan_stems(self, stems: tuple[str, ...], unless: tuple[str, ...]) -> set[int]:
        """:meth:`containing` by one regex scan for all stems."""
        hits: set[int] = set()
        low = self.folded()
        starts, ends = self._starts, self._ends
        search = word_start_finder(stems).search
        m = search(low)
        while m is not None:
            p = m.start()
            k = bisect.bisect_right(starts, p) - 1
            if k >= 0 and low.startswith(stems, p, ends[k]) and not (unless and low.startswith(unless, p)):
                hits.add(k)
                m = search(low, ends[k])  # one hit per sentence is enough
            else:
                m = search(low, p + 1)
        for k, p in enumerate(starts):  # the scan skips a sentence start right after a letter; a word starts there
            if k not in hits and p > 0 and low[p - 1] in _ASCII_WORD and low.startswith(stems, p, ends[k]) \
                    and not (unless and low.startswith(unless, p)):
                hits.add(k)
        return hits


@functools.lru_cache(maxsize=64)
def word_start_finder(stems: tuple[str, ...]) -> re.Pattern[str]:
    """Where a word starts with one of ``stems`` (lowercase ASCII): one scan instead of one per stem.

    A word starts where no ASCII letter, digit or underscore comes before, as in
    :meth:`BodyViews.containing`. The stems form a trie, so the engine tests each word start against
    a few letters, not the whole list; a match stops at the shortest stem, which is all callers need.
    """
    return re.compile(r"(?<![A-Za-z0-9_])" + _trie_pattern(sorted(set(stems))))


def matches_from(pattern: regex.Pattern[str], first: tuple[str, ...], low: str) -> list[regex.Match[str]]:
    """``list(pattern.finditer(low))``, begun at the first word that can start a match.

    ``pattern`` begins with ``\\b`` and ``first`` holds a prefix of every word a match of it can begin
    with, so the words before the first such word are not tried one by one. The engine still sees
    the text before the start (``\\b``, look-behind), so the matches are the same.
    """
    start = word_start_finder(first).search(low)
    return [] if start is None else list(pattern.finditer(low, start.start()))


def _trie_pattern(words: list[str]) -> str:
    """A pattern matching where the text starts with one of ``words`` (a trie: shared prefixes once)."""
    if "" in words:
        return ""
    branches = []
    for first, group in itertools.groupby(words, key=lambda w: w[0]):
        branches.append(re.escape(first) + _trie_pattern([w[1:] for w in group]))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# --------------------------------------------------------------------------- word classes
def is_punct(t: Tok) -> bool:
    return not t.text[:1].isalnum() and t.low not in ("'s",)


def is_verbish(sv: SentView, i: int) -> bool:
    """A guess that token ``i`` is a finite or participial verb (no tagger: closed lists and -ed)."""
    t = sv.tokens[i]
    low = t.low
    if low in AUX or low in IRREGULAR_VERBS:
        return True
    if low in sv.speech:
        if low in _NOUN_HOMOGRAPHS and i > 0 and (
                sv.tokens[i - 1].low in _NOUN_MODIFIERS or (i + 1 < len(sv.tokens) and (
                    sv.tokens[i + 1].low in AUX or sv.tokens[i + 1].low in ADVERBS
                    or sv.tokens[i + 1].low in ("of", "and", ",", "that", "from", "by")))):
            return False
        return not (t.cap and not sv.headline and i > 0)
    if sv.mention_of[i] is not None:
        return False
    if low.endswith("ed") and len(low) > 4 and low not in ED_NOT_VERBS:
        if t.cap and not sv.headline and i > 0:
            return False
        prev = sv.tokens[i - 1].low if i > 0 else ""
        if prev in DETS or prev in ("'s",) or prev.endswith("ly") and prev not in ADVERBS:
            return False
        return True
    return False


_NUMBER_NP_WORDS = NUMBER_WORDS - {"over", "up", "more", "than"}
_NP_CONTINUES = DETS | NUMBER_WORDS | {"of", "and", "&", ",", "'s"}


def is_np_token(sv: SentView, i: int) -> bool:
    """Could token ``i`` sit inside a noun phrase naming a party?"""
    t = sv.tokens[i]
    if sv.mention_of[i] is not None:
        return True
    low = t.low
    if low == "-" and 0 < i < len(sv.tokens) - 1 and sv.tokens[i - 1].end < t.start < t.end < sv.tokens[i + 1].start \
            and sv.low.count(" - ") < 2:
        return False  # "(Reuters) - South American leaders": a lone spaced dash ends a dateline or clause
    if low in ("'s", "-", "&", "(", ")") or low in DETS or low in _NUMBER_NP_WORDS:
        return True
    if not t.text[:1].isalnum():
        return False
    if low in PREPS or low in REL or low in AUX or low in ("and", "or", "but", "nor", "not", "n't"):
        return False
    if low in ADVERBS and not t.cap:
        return False
    if low.endswith("ly") and len(low) > 4 and not t.cap and low not in _LY_NOUNS:
        return False
    if is_verbish(sv, i):
        return False
    return True


# --------------------------------------------------------------------------- phrases
class Phrase(NamedTuple):
    """Token range [i, j) of one sentence (a tuple: built by the thousand, cheaper than a frozen dataclass)."""

    i: int
    j: int


def _skip_verb_group_left(sv: SentView, j: int) -> int:
    """Step left over auxiliaries, adverbs, negation, chain verbs and dates before a verb."""
    steps = 0
    if j > 1 and sv.tokens[j - 1].low in ('"', "“") and sv.tokens[j - 1].end == sv.tokens[j].start \
            and sv.tokens[j - 2].end < sv.tokens[j - 1].start:
        j -= 1  # an opening quote before the verb: 'The two leaders "agreed to …'
    while j > 0 and steps < 12:
        t = sv.tokens[j - 1]
        d = sv.date_at_token(j - 1)
        if d is not None:
            while j > 0 and sv.tokens[j - 1].start >= d.start:
                j -= 1
            if j > 0 and sv.tokens[j - 1].low in ("on", "in", "at", "last", "this", "next", "earlier", "late"):
                j -= 1
            steps += 1
            continue
        if t.low in AUX or (t.low in ADVERBS and not (t.cap and sv.mention_of[j - 1] is not None)) \
                or t.low in CHAIN_VERBS or t.low in ("not", "n't", "to", "be", "been"):
            j -= 1
            steps += 1
            continue
        if t.low.endswith("ly") and not t.cap and sv.mention_of[j - 1] is None and len(t.low) > 4:
            j -= 1
            steps += 1
            continue
        break
    return j


_SUBJECT_PRONOUNS = frozenset("he she they we it i you".split())


def np_left(sv: SentView, j: int, *, allow_comma: bool = True) -> Phrase | None:
    """The noun phrase (possibly coordinated) ending just before token ``j``."""
    i = j
    if j > 0 and sv.tokens[j - 1].low in _SUBJECT_PRONOUNS and sv.tokens[j - 1].text != "US" \
            and (j < 2 or sv.tokens[j - 2].low not in ("and", "or", ",")):
        return Phrase(j - 1, j)  # "the deal they struck": a pronoun is a whole noun phrase
    while i > 0 and j - i < 30:
        t = sv.tokens[i - 1]
        m = sv.mention_of[i - 1]
        if m is None and sv.date_at_token(i - 1) is not None:
            break
        if m is not None:
            while i > 0 and sv.mention_of[i - 1] is m:
                i -= 1
            continue
        if t.low in ("and", "&") and i - 1 > 0 and is_np_token(sv, i - 2):
            i -= 1
            continue
        if t.low in ('"', "“", "”", "'"):
            break
        if t.low == "," and allow_comma and i < j:
            k = _comma_segment_left(sv, i - 1)
            if k is None:
                break
            i = k
            continue
        if t.low == "of" and i < j and i - 1 > 0 and is_np_token(sv, i - 2):
            i -= 1
            continue
        if is_np_token(sv, i - 1):
            if t.cap and t.low in SENTENCE_ADVERBS and (i - 1 == 0 or sv.tokens[i - 2].low in (",", ";")):
                break
            i -= 1
            if t.low in ("the", "a", "an") and i > 0 and sv.mention_of[i - 1] is None \
                    and sv.tokens[i - 1].low not in _NP_CONTINUES \
                    and sv.tokens[i - 1].text[:1].isalpha():
                break  # a noun phrase starts at its article: "told reporters | the two sides had agreed"
            continue
        break
    while i < j and sv.tokens[i].low in ("and", ",", "&", "'s", "of"):
        i += 1
    return Phrase(i, j) if i < j else None


def _comma_segment_left(sv: SentView, comma: int) -> int | None:
    """Start of an appositive or list item left of a comma, or None when crossing would leave the NP."""
    k = comma
    named = False
    while k > 0 and comma - k < 15:
        t = sv.tokens[k - 1]
        m = sv.mention_of[k - 1]
        if m is not None:
            named = True
            while k > 0 and sv.mention_of[k - 1] is m:
                k -= 1
            continue
        if t.low in ("and", "&") or (t.low == "of" and k - 1 > 0):
            k -= 1
            continue
        if is_np_token(sv, k - 1):
            if t.cap and t.low in SENTENCE_ADVERBS:
                break
            k -= 1
            continue
        break
    if not named or k == comma:
        return None
    if k == 0 or sv.tokens[k - 1].low in (",", ";", ":", "and", "—", "–") or sv.tokens[k - 1].low in ('"', "“"):
        if sv.date_at_token(k) is not None:
            return None
        return k
    return None


def np_right(sv: SentView, i: int, *, limit: int = 25, lists: bool = True) -> Phrase | None:
    """The noun phrase (possibly coordinated) starting at token ``i``."""
    n = len(sv.tokens)
    start = i
    while i < n and sv.tokens[i].low in ('"', "“", "”"):
        i += 1
        start = i
    j = i
    while j < n and j - start < limit:
        t = sv.tokens[j]
        m = sv.mention_of[j]
        if m is not None:
            while j < n and sv.mention_of[j] is m:
                j += 1
            continue
        if sv.date_at_token(j) is not None and j > start:
            break
        if t.low in _CLAUSE_SUBJECTS and j > start:
            break  # "firms it accused of ...": a relative clause without "that" begins
        if t.low == "than" and j > start and sv.tokens[j - 1].low in ("more", "fewer", "less") \
                and j + 1 < n and sv.tokens[j + 1].low[:1].isdigit():
            j += 1
            continue  # "more than 300 companies"
        if t.low in ("and", "or", "&") and j > start and j + 1 < n and _np_start_ok(sv, j + 1):
            j += 1
            continue
        if t.low == "," and lists and j > start:
            k = _comma_item_right(sv, j)
            if k is None:
                break
            j = k
            continue
        if t.low == "of" and j > start and j + 1 < n and _np_start_ok(sv, j + 1):
            j += 1
            continue
        if t.low in ("'s", "-", "(", ")") or _abbreviation_dot(sv, j):
            j += 1
            continue
        if is_np_token(sv, j) and not (t.low.endswith("ing") and j > start and not t.cap
                                       and (sv.tokens[j - 1].low == "," or sv.tokens[j - 1].cap)):
            j += 1
            continue
        break
    while j > start and sv.tokens[j - 1].low in ("and", "or", ",", "&", "of", "(", "-"):
        j -= 1
    return Phrase(start, j) if j > start else None


_CLAUSE_SUBJECTS = _words("it he she they we i you")
_ABBREVIATIONS = _words("gen lt col maj capt adm sen rep gov dr mr mrs ms st jr sgt cmdr brig prof rev hon")


def _abbreviation_dot(sv: SentView, j: int) -> bool:
    """The dot of "Gen. Yasir Hamdan" belongs to the name, not to the sentence."""
    return (sv.tokens[j].low == "." and 0 < j < len(sv.tokens) - 1 and sv.tokens[j - 1].low in _ABBREVIATIONS
            and sv.tokens[j - 1].end == sv.tokens[j].start and sv.tokens[j + 1].cap)


def _np_start_ok(sv: SentView, k: int) -> bool:
    t = sv.tokens[k]
    return sv.mention_of[k] is not None or t.low in DETS or (is_np_token(sv, k) and t.low not in ADVERBS)


def _comma_item_right(sv: SentView, comma: int) -> int | None:
    """Past a comma: accept the next item only inside a list ("A, B and C") or an appositive."""
    k = comma + 1
    n = len(sv.tokens)
    if k < n and sv.tokens[k].low in ("and", "or") and k + 1 < n and _np_start_ok(sv, k + 1):
        return k  # the Oxford comma before the last item
    while k < n and k - comma < 14:
        m = sv.mention_of[k]
        if m is not None:
            while k < n and sv.mention_of[k] is m:
                k += 1
            continue
        if sv.tokens[k].low in ("'s", "of", "-") or (is_np_token(sv, k) and sv.tokens[k].low != ","):
            k += 1
            continue
        break
    if k == comma + 1 or k >= n:
        return None
    nxt = sv.tokens[k].low
    if nxt in ("and", "or", "&") or (nxt == "," and k + 1 < n and sv.tokens[k + 1].low in ("and", "or")):
        return k
    if nxt == ",":
        return k
    return None


def subject_of(sv: SentView, verb: int, depth: int = 0) -> Phrase | None:
    """The subject of the verb at token ``verb``: the phrase left of its verb group."""
    j = _skip_verb_group_left(sv, verb)
    if j > 0 and sv.tokens[j - 1].low in ("who", "which", "that") and j - 1 > 0:
        k = j - 1
        if sv.tokens[k - 1].low == ",":
            k -= 1
        return np_left(sv, k, allow_comma=True)
    if j > 0 and depth < 2 and (sv.tokens[j - 1].low in ("and", "but") or is_verbish(sv, j - 1)):
        prev = _previous_verb(sv, j - 1 if sv.tokens[j - 1].low in ("and", "but") else j)
        if prev is not None:
            return subject_of(sv, prev, depth + 1)
    if j > 0 and sv.tokens[j - 1].low == ",":
        # "Maduro, again refusing to leave, also called": an inserted phrase between subject and verb
        k = j - 1
        steps = 0
        while k > 0 and steps < 20 and sv.tokens[k - 1].low != ",":
            k -= 1
            steps += 1
        if k > 0 and sv.tokens[k - 1].low == ",":
            m = sv.mention_of[k]
            if m is not None and sv.mention_of[j - 2] is m and m.kind != "pronoun" and (
                    (r := sv.doc._by_id.get(m.entity_id)) is not None and r.type == "person"):
                return Phrase(k, j - 1)  # "the envoy for Sudan, Hanna Petersen, would travel": the name
            found = np_left(sv, k - 1, allow_comma=False)
            if found is not None:
                return found
        return None
    if j > 0 and depth < 2 and sv.tokens[j - 1].low in PREPS and sv.tokens[verb].low.endswith("ing"):
        prev = _previous_verb(sv, j - 1)  # "lifted sanctions by removing them": the main subject
        if prev is not None:
            return subject_of(sv, prev, depth + 1)
    found = np_left(sv, j)
    if found is not None and depth < 2 and found.i > 0 and sv.tokens[found.i - 1].low in PREPS \
            and any(t.low == "to" for t in sv.tokens[j:verb]):
        prev = _previous_verb(sv, found.i - 1)  # "flew to the capital to meet X": the purpose clause's subject
        if prev is not None:
            return subject_of(sv, prev, depth + 1)
    return found


def _previous_verb(sv: SentView, j: int) -> int | None:
    k = j - 1
    aux = None
    while k >= 0 and j - k < 25:
        if sv.tokens[k].low in (";", ":"):
            break
        if is_verbish(sv, k):
            if sv.tokens[k].low not in AUX:
                return k
            aux = k if aux is None else aux
        k -= 1
    return aux


# --------------------------------------------------------------------------- parties
@dataclass(slots=True)
class Party:
    """One participant/imposer/target/party: an entity where known, else the words used."""

    entity: str | None
    text: str
    start: int
    end: int
    kind: str  # person, organization, country, place, group, anaphor
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            self.key = self.entity if self.entity and self.kind != "group" else "t:" + _fold_key(self.text)


_KEY_WORD = regex.compile(r"[\w]+")


def _fold_key(text: str) -> str:
    words = [w for w in _KEY_WORD.findall(text.casefold()) if w not in ("the", "a", "an", "s")]
    return " ".join(words)


_CONJ_SPLIT = _words("and & or")
_TITLE_CACHE: dict[int, list[str]] = {}


def _split_conjuncts(sv: SentView, ph: Phrase) -> list[Phrase]:
    parts = []
    i = ph.i
    k = ph.i
    while k < ph.j:
        t = sv.tokens[k]
        if sv.mention_of[k] is None and t.low in ("and", "or") and (
                (k == i + 1 and _shared_head(sv, i, k, ph.j)) or _inside_title(sv, k)):
            k += 1  # "Baltic and Nordic counterparts", "Business and Trade Secretary X": one party
            continue
        if sv.mention_of[k] is None and (t.low in _CONJ_SPLIT or t.low == ","):
            if k > i:
                parts.append(Phrase(i, k))
            i = k + 1
        elif sv.mention_of[k] is None and t.low in ("along", "together") and k + 1 < ph.j \
                and sv.tokens[k + 1].low == "with":
            if k > i:
                parts.append(Phrase(i, k))
            i = k + 2
            k += 1
        k += 1
    if i < ph.j:
        parts.append(Phrase(i, ph.j))
    return parts


def _inside_title(sv: SentView, k: int) -> bool:
    """Token k lies inside a post the analysis found ("Energy and Climate Minister")."""
    spans = sv.doc.memo("factkit.extractors._events.title_spans",
                        lambda: sorted((p.start, p.end) for p in sv.doc.positions))
    if not spans:
        return False
    start = sv.tokens[k].start
    n = bisect.bisect_right(spans, (start, sys.maxsize)) - 1
    return n >= 0 and spans[n][0] <= start < spans[n][1]


def _shared_head(sv: SentView, i: int, k: int, end: int) -> bool:
    """A lone modifier before "and" shares the plural head of the next conjunct."""
    m = sv.mention_of[i]
    if sv.tokens[i].low in DETS or (m is not None and m.kind != "demonym") or not sv.tokens[i].text[:1].isalpha():
        return False
    j = k + 1
    while j < end and sv.tokens[j].low not in _CONJ_SPLIT and sv.tokens[j].low != ",":
        j += 1
    if j - (k + 1) < 2 or sv.tokens[k + 1].low in DETS:
        return False
    nxt = sv.mention_of[k + 1]
    if nxt is not None and nxt.kind != "demonym":
        return False
    head = sv.tokens[j - 1]
    return sv.mention_of[j - 1] is None and head.low in GROUP_NOUNS and head.low.endswith("s")


def _mentions_in_phrase(sv: SentView, ph: Phrase) -> list[Mention]:
    out: list[Mention] = []
    for k in range(ph.i, ph.j):
        m = sv.mention_of[k]
        if m is not None and (not out or out[-1] is not m):
            out.append(m)
    return out


def _strip_det(sv: SentView, ph: Phrase) -> Phrase:
    i, j = ph.i, ph.j
    while i < j and sv.tokens[i].low in ("the", "a", "an", '"', "“", "”") and sv.mention_of[i] is None:
        i += 1
    if j - i > 2 and sv.tokens[j - 1].low == ")":  # "the National Liberation Army (ELN)": drop the gloss
        k = next((x for x in range(j - 2, max(i, j - 8) - 1, -1) if sv.tokens[x].low == "("), None)
        if k is not None and k > i:
            j = k
    while j > i and sv.tokens[j - 1].low in ('"', "“", "”", ",", "'s"):
        j -= 1
    return Phrase(i, j)


_COUNTED_ANAPHOR = regex.compile(
    r"(?:the|both|all)\s+(?:two|three|four|five|six|seven|eight|nine|ten)\s+(?:countries|nations|states|"
    r"governments|sides|parties|leaders|men|women|ministers|presidents|officials|delegations|producers|"
    r"neighbours|neighbors|allies|rivals|partners)"
)
_ANAPHOR_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                  "ten": 10, "both": 2, "pair": 2}
_STATE_WORDS = ("countries", "nations", "states", "governments", "neighbours", "neighbors")


def anaphor_text(sv: SentView, ph: Phrase) -> str | None:
    if ph.j - ph.i > 3:
        return None  # every anaphor is one to three tokens ("they", "both sides", "the two leaders")
    if ph.j - ph.i == 1 and sv.tokens[ph.i].text == "US":
        return None  # the country, not "us"
    words = " ".join(t.low for t in sv.tokens[ph.i:ph.j])
    if words in _PLURAL_ANAPHORS_SET or _COUNTED_ANAPHOR.fullmatch(words):
        return words
    return None


def anaphor_context(views: Sequence[SentView], si: int, before: int, anaphors: Sequence[Party]) -> list[Party]:
    """What "the three countries"/"the two leaders"/"they" points back to: as many parties as it counts,
    countries for "countries", people first otherwise."""
    words = " ".join(anaphors[0].text.casefold().split()) if anaphors else ""
    want = next((_ANAPHOR_COUNT[w] for w in words.split() if w in _ANAPHOR_COUNT), 2)
    if words.endswith(_STATE_WORDS) and views:
        found = context_people(views, si, before, want=want, kinds=("country",))
        return found or _salient_countries(views[0].doc, before, want)
    return context_people(views, si, before, want=want, kinds=("person", "country", "organization"))


def _salient_countries(doc: AnalysedDocument, before: int, want: int) -> list[Party]:
    """The countries the article has named most often so far: who "the two countries" are."""
    mentions, starts = doc.memo("factkit.extractors._events.country_mentions", lambda: _country_mentions(doc))
    counts: dict[str, int] = {}
    last: dict[str, Mention] = {}
    hi = bisect.bisect_left(starts, before)
    for m in mentions[max(0, hi - 400):hi]:  # bounded: the recent past decides
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
        last[m.entity_id] = m
    ranked = sorted(counts, key=lambda e: (-counts[e], last[e].start))[:want]
    if len(ranked) < want:
        return []
    return [Party(e, doc.text[last[e].start:last[e].end], last[e].start, last[e].end, "country") for e in ranked]


def _country_mentions(doc: AnalysedDocument) -> tuple[list[Mention], list[int]]:
    found = [m for m in doc.mentions if m.kind != "pronoun" and not doc.is_junk(m.start)
             and (r := doc._by_id.get(m.entity_id)) is not None and r.type == "country"]
    found.sort(key=lambda m: m.start)
    return found, [m.start for m in found]


def parties_of(sv: SentView, ph: Phrase | None, *, groups: bool = True) -> list[Party]:
    """Parties a phrase names: one per conjunct, a person where the conjunct names one."""
    if ph is None:
        return []
    out: list[Party] = []
    doc = sv.doc
    conjuncts = _split_conjuncts(sv, ph)
    for n, cj in enumerate(conjuncts):
        cj = _strip_det(sv, cj)
        if cj.i >= cj.j:
            continue
        text = sv.span_text(cj.i, cj.j)
        start, end = sv.tokens[cj.i].start, sv.tokens[cj.j - 1].end
        if anaphor_text(sv, cj) or anaphor_text(sv, Phrase(max(ph.i, cj.i - 1), cj.j)):
            out.append(Party(None, text, start, end, "anaphor"))
            continue
        mentions = _mentions_in_phrase(sv, cj)
        records = [(m, doc._by_id.get(m.entity_id)) for m in mentions]
        records = [(m, r) for m, r in records if r is not None]
        persons = [(m, r) for m, r in records if r.type == "person" and m.kind != "pronoun"]
        head = sv.tokens[cj.j - 1]
        head_is_group = sv.mention_of[cj.j - 1] is None and head.low in GROUP_NOUNS
        if persons:
            m, r = persons[-1]
            out.append(Party(r.id, doc.text[m.start:m.end], m.start, m.end, "person"))
            continue
        pron = [(m, r) for m, r in records if m.kind == "pronoun"]
        if pron and len(records) == 1 and cj.j - cj.i == 1:
            m, r = pron[0]
            out.append(Party(r.id, doc.text[m.start:m.end], m.start, m.end, r.type))
            continue
        if head_is_group and groups:
            ent = records[-1][1].id if records else None
            if sv.tokens[cj.i].low in ("its", "their") and cj.j - cj.i > 1:
                start = sv.tokens[cj.i + 1].start
                text = doc.text[start:end]
            title_person = _person_by_title(sv, cj)
            if title_person is not None:
                out.append(Party(title_person, text, start, end, "person"))
                continue
            if n > 0 and _is_apposition(sv, conjuncts, n, out):
                continue
            out.append(Party(ent, text, start, end, "group"))
            continue
        if records:
            if sv.mention_of[cj.j - 1] is None and not head.cap and head.low not in GROUP_NOUNS:
                continue  # "Burma's democratic transition" names no party
            m, r = _head_record(sv, cj, records)
            out.append(Party(r.id, doc.text[m.start:m.end], m.start, m.end, r.type))
            continue
        if groups and head.cap and not sv.headline and cj.j - cj.i <= 6 and not is_verbish(sv, cj.j - 1):
            if head.low in PREPS or head.low in ADVERBS or head.low in REL or head.low in SENTENCE_ADVERBS:
                continue
            out.append(Party(None, text, start, end, "name"))
    return _dedupe(out)


def _head_record(sv: SentView, cj: Phrase, records: list) -> tuple:
    """The mention heading a conjunct: not a possessor ("China's" in "China's ministry")."""
    for m, r in reversed(records):
        k = sv.tok_at(m.end)
        if k < cj.j and sv.tokens[k].low == "'s":
            continue
        return m, r
    return records[-1]


def _is_apposition(sv: SentView, conjuncts: list[Phrase], n: int, out: list[Party]) -> bool:
    """"Wang Yi, China's foreign minister": a title after a person, joined by a comma, is the same person."""
    prev = conjuncts[n - 1]
    if prev.j < len(sv.tokens) and sv.tokens[prev.j].low == "," and out and out[-1].kind == "person":
        return True
    return False


def _person_by_title(sv: SentView, cj: Phrase) -> str | None:
    """A bare title ("the Chinese Foreign Minister") names the person the article gave that post."""
    doc = sv.doc
    if not doc.positions:
        return None
    words = " ".join(t.low for t in sv.tokens[cj.i:cj.j])
    best = None
    for p in doc.positions:
        title = p.title.casefold()
        if title and words.endswith(title):
            org = (p.organization or "").casefold()
            if org and org not in words:
                ents = _mentions_in_phrase(sv, cj)
                names = {(doc._by_id[m.entity_id].name.casefold() if m.entity_id in doc._by_id else "")
                         for m in ents}
                if ents and org not in names:
                    continue
            best = p.person_id
    return best


def _dedupe(parties: list[Party]) -> list[Party]:
    seen: set[str] = set()
    out = []
    for p in parties:
        if p.key in seen:
            continue
        seen.add(p.key)
        out.append(p)
    return out


def reporter_of(sv: SentView, k: int) -> list[Party]:
    """"X said (that) they would …": the pronoun at token k is the reporting subject X."""
    j = k - 1
    steps = 0
    while j >= 0 and steps < 6:
        low = sv.tokens[j].low
        if low == "that" or sv.date_at_token(j) is not None or low in ("on", "in", "last", "this"):
            j -= 1
            steps += 1
            continue
        if low in sv.speech or low in ("announced", "agreed", "decided", "confirmed"):
            return [p for p in parties_of(sv, subject_of(sv, j)) if p.kind != "anaphor"]
        return []
    return []


def resolve_anaphors(parties: list[Party], context: Sequence[Party]) -> list[Party]:
    """Replace "they"/"both sides" by the parties of the previous context (if any)."""
    out: list[Party] = []
    for p in parties:
        if p.kind == "anaphor":
            out.extend(Party(c.entity, c.text, c.start, c.end, c.kind, c.key) for c in context)
        else:
            out.append(p)
    return _dedupe(out)


_CONTEXT_TOKENS = 250


def context_people(views: Sequence[SentView], si: int, before: int | None = None, want: int = 2,
                   kinds: Sequence[str] = ("person", "country")) -> list[Party]:
    """People (else countries) named just before: what "they"/"the two men" refers to.

    Looks at the current sentence up to ``before`` first, then up to three sentences back.
    """
    for kind in kinds:
        found: list[Party] = []
        seen: set[str] = set()
        budget = _CONTEXT_TOKENS  # bounds the cost per call when one name repeats endlessly
        for back in range(0, 4 if kind == "person" else 12):  # countries stay topical longer
            k = si - back
            if k < 0 or k >= len(views):
                continue
            sv = views[k]
            limit = before if back == 0 and before is not None else sv.end
            if back == 0 and before is None:
                continue
            for idx in range((sv.tok_ending(limit) if back == 0 else len(sv.tokens)) - 1, -1, -1):
                budget -= 1
                if budget < 0:
                    break
                m = sv.mention_of[idx]
                if m is None or m.end > limit or (idx + 1 < len(sv.tokens) and sv.mention_of[idx + 1] is m):
                    continue
                r = sv.doc._by_id.get(m.entity_id)
                if r is None or r.type != kind or r.id in seen or m.kind == "pronoun":
                    continue
                seen.add(r.id)
                found.append(Party(r.id, sv.doc.text[m.start:m.end], m.start, m.end, r.type))
                if len(found) >= want:
                    return list(reversed(found))
    return []


# --------------------------------------------------------------------------- dates and places
_DATE_BLOCKERS = _words("since after before until till following ahead by from prior")
_POSTPONED_TO = regex.compile(
    r"\b(?:postponed|delayed|adjourned|deferred|moved|rescheduled)\s+(?:(?:until|till|to)\s+)?$")
_POSTPONED = regex.compile(r"\b(?:postponed|delayed|adjourned|deferred|moved|rescheduled)\s*$")
_OTHER_EVENT = regex.compile(r"\b(?:since|after|before|until|following|ahead of|prior to)\b")
_OTHER_CLAUSE = regex.compile(r"[;]|\b(?:while|whereas)\b")
_RELATIVE_CLAUSE = regex.compile(r",\s+(?:which|who|whose)\b|\b(?:that|which|who)\s+(?:\w+\s+)?"
                                 r"(?:\w+ed|was|were|had|has|have)\b")


def pick_date(sv: SentView, start: int, end: int, triggers: Sequence[tuple[int, int]]) -> TimeExpression | None:
    """The date of the trigger at [start, end): the nearest date in the sentence that no other trigger
    is closer to, and that is not inside a "since …"/"after …" phrase pointing at another event.

    ``triggers`` are all trigger spans of the sentence in text order.
    """
    best: tuple[int, TimeExpression] | None = None
    ordered = triggers  # callers pass them in text order
    lo = bisect.bisect_left(ordered, (start - 600, -1))
    hi = bisect.bisect_right(ordered, (start + 600, sys.maxsize))
    near = [t for t in ordered[lo:hi] if t != (start, end)]
    for d in sv.dates:
        if d.value is None or d.end < start - 300 or d.start > end + 300 or _is_dateline(sv, d):
            continue
        dist = _distance(start, end, d.start, d.end)
        if any(_distance(s, e, d.start, d.end) < dist for s, e in near):
            continue
        if _blocked(sv, start, end, d):
            continue
        if _POSTPONED_TO.search(sv.low[max(0, d.start - sv.start - 30):d.start - sv.start]):
            dist = -1  # the new date of a postponed event is its date
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


def _distance(s1: int, e1: int, s2: int, e2: int) -> int:
    if e2 <= s1:
        return s1 - e2
    if s2 >= e1:
        return s2 - e1
    return 0


def _blocked(sv: SentView, start: int, end: int, d: TimeExpression) -> bool:
    head = d.text.split(" ", 1)[0].casefold()
    before = sv.low[max(0, d.start - sv.start - 25):d.start - sv.start]
    if head in ("until", "till", "to") and _POSTPONED.search(before):
        return False
    if head in _DATE_BLOCKERS:
        return True
    k = sv.tok_at(d.start)
    j = k - 1
    steps = 0
    while j >= 0 and steps < 3:
        low = sv.tokens[j].low
        if low in ("until", "till") and j > 0 and sv.tokens[j - 1].low in (
                "postponed", "delayed", "adjourned", "moved", "rescheduled", "deferred"):
            return False
        if low in _DATE_BLOCKERS:
            return True
        if low in ("in", "on", "at", "of", "the", "early", "late", "mid", "last", "this", "next"):
            j -= 1
            steps += 1
            continue
        break
    if j >= 0 and sv.tokens[j].low in ("until", "till", "to") and j > 0 and sv.tokens[j - 1].low in (
            "postponed", "delayed", "adjourned", "moved", "rescheduled", "deferred", "pushed"):
        return False
    lo, hi = (end, d.start) if d.start >= end else (d.end, start)
    between = sv.low[lo - sv.start:hi - sv.start]
    if _OTHER_EVENT.search(between):
        return True
    if _OTHER_CLAUSE.search(between):
        return True
    if d.start >= end and _RELATIVE_CLAUSE.search(between):
        return True  # "agreed to watch the stock, which collapsed in 1982": the relative clause's own date
    return False


_DATELINE_TAIL = regex.compile(r"^\s*(?:\(\w+\)\s*)?[-–—]")


def _is_dateline(sv: SentView, d: TimeExpression) -> bool:
    if d.start - sv.start > 60:
        return False
    after = sv.doc.text[d.end:min(d.end + 12, sv.end)]
    if _DATELINE_TAIL.match(after):
        return True
    before = sv.low[:d.start - sv.start].strip()
    return before.startswith("date") and len(before) < 6


_OCCASION_NOUNS = (
    "conference", "summit", "meeting", "meetings", "forum", "session", "talks", "assembly", "congress",
    "convention", "ministerial", "dialogue", "round", "consultations", "gathering", "lunch", "dinner",
    "luncheon", "banquet", "reception", "ceremony", "retreat", "sidelines", "negotiations", "working group",
    "council", "plenary", "symposium", "festival", "games", "olympics", "cup", "visit", "trip", "tour",
)
_OCCASION = regex.compile(
    r"\b(?P<prep>at|during|on\s+the\s+sidelines\s+of|on\s+the\s+margins\s+of|in\s+the\s+margins\s+of|"
    r"ahead\s+of|after|before|at\s+the\s+end\s+of|on\s+the\s+eve\s+of)\s+"
    r"(?P<np>(?:(?:the|a|an|their|this|its|his|her)\s+)?(?:[\w.'’&-]+\s+){0,6}?"
    r"(?:" + "|".join(n.replace(" ", r"\s+") for n in _OCCASION_NOUNS) + r"))\b"
    r"(?P<tail>\s+(?:of|on)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,5}?)?(?=[\s,.;:)]|$)"
)
_NOT_OCCASION = regex.compile(r"\b(?:news|press|conference\s+call|media|briefing)\b")
_LEADING_DET = regex.compile(r"^(?:the|a|an|their|this|its|his|her)\s+", flags=regex.I)
_PLACE_PREP = regex.compile(r"(?i:\b(?:in|at)\b)\s+(?:the\s+)?(?P<name>\p{Lu}[\w.'’-]*(?:\s+(?:of\s+)?"
                            r"\p{Lu}[\w.'’-]*){0,4})")
_MONTHS = _words("january february march april may june july august september october november december "
                 "monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep "
                 "sept oct nov dec")
_TOPIC_BEFORE_IN = _words("situation situations crisis war conflict tensions issue issues peace stability "
                          "security developments investment refugees interests presence role influence "
                          "activities operations situation rights abuses violence unrest aggression "
                          "development relations ties election elections sector market markets economy "
                          "exports imports trade business companies firms stake troops forces access aid "
                          "assistance relief cooperation projects reconstruction")


@dataclass(slots=True)
class Place:
    text: str
    entity: str | None
    start: int
    end: int


def find_occasion(sv: SentView, lo: int, hi: int) -> tuple[str, int, int] | None:
    """"at the Munich Security Conference", "during their meeting": the occasion named near a trigger."""
    text = sv.doc.text
    base = sv.start
    seg = sv.low[max(lo, sv.start) - base:min(hi, sv.end) - base]
    for m in _OCCASION.finditer(seg):
        s, e = m.start("np") + max(lo, sv.start), m.end("np") + max(lo, sv.start)
        if m.group("tail"):
            ts = m.start("tail") + max(lo, sv.start)
            te = m.end("tail") + max(lo, sv.start)
            words_t = m.group("tail").split()
            if not any(d.start < te and ts < d.end for d in sv.dates) and not (
                    len(words_t) > 1 and words_t[1].casefold() in _MONTHS):
                e = te
        words = text[s:e]
        if _NOT_OCCASION.search(m.group("np").casefold()):
            continue
        stripped = _LEADING_DET.sub("", words)
        s = e - len(stripped)
        if stripped.casefold() in ("meeting", "talks", "meetings", "visit", "trip", "round", "session"):
            continue
        return stripped, s, e
    return None


def find_place(sv: SentView, lo: int, hi: int, anchor: int) -> Place | None:
    """A city or venue introduced by in/at within [lo, hi), nearest to ``anchor``."""
    doc = sv.doc
    base = sv.start
    lo, hi = max(lo, sv.start), min(hi, sv.end)
    best: tuple[int, Place] | None = None
    for m in _PLACE_PREP.finditer(doc.text, lo, hi):
        s, e = m.start("name"), m.end("name")
        name = doc.text[s:e]
        first = name.split()[0].casefold().rstrip(".")
        if first in _MONTHS:
            continue
        prev_words = sv.low[max(0, m.start() - base - 25):m.start() - base].split()
        if prev_words and prev_words[-1] in _TOPIC_BEFORE_IN:
            continue
        place = _place_from_name(sv, s, e)
        if place is None:
            continue
        dist = abs(place.start - anchor)
        if best is None or dist < best[0]:
            best = (dist, place)
    return best[1] if best else None


_INITIALS_END = regex.compile(r"(?:\b\p{Lu}\.)+$")


def _place_from_name(sv: SentView, s: int, e: int) -> Place | None:
    doc = sv.doc
    mentions = [m for m in doc.mentions_in(s, e)]
    for m in mentions:
        r = doc._by_id.get(m.entity_id)
        if r is not None and r.type in ("place", "country"):
            return Place(doc.text[m.start:m.end], r.id, m.start, m.end)
    for m in mentions:
        r = doc._by_id.get(m.entity_id)
        if r is not None and r.type == "person":
            return None
    if mentions:
        m = max(mentions, key=lambda x: x.end - x.start)
        r = doc._by_id.get(m.entity_id)
        if r is not None and r.type == "organization" and (m.end - m.start) >= (e - s) - 1:
            # a venue named as an organization ("the White House")
            return Place(doc.text[m.start:m.end], r.id, m.start, m.end)
        return None
    name = doc.text[s:e]
    if name.endswith(".") and not _INITIALS_END.search(name):
        name, e = name[:-1], e - 1  # the sentence's full stop, not an abbreviation's
    # trailing words that are not part of a place name
    words = name.split()
    while words and words[-1].casefold().rstrip(".,") in _MONTHS:
        words.pop()
    if not words:
        return None
    entry = doc.lexicon.lookup(words[0]) if hasattr(doc.lexicon, "lookup") else None
    if entry is not None and getattr(entry, "type", None) in ("place", "country"):
        return Place(words[0], None, s, s + len(words[0]))
    if entry is not None:
        return None
    if sv.headline:
        return None
    text = " ".join(words)
    if len(words) > 3 or text.casefold() in _MONTHS:
        return None
    return Place(doc.text[s:s + len(text)], None, s, s + len(text)) if doc.text[s:s + len(text)] == text else None


_DATELINE = regex.compile(
    r"(?P<city>\p{Lu}[\p{L}'’.-]+(?:[^\S\n]\p{Lu}[\p{L}'’.-]+){0,2})(?:,[^\S\n]+\p{Lu}[\p{L}]+\.?)?"
    r"(?:,?[^\S\n]+\p{Lu}[\p{L}]{2,8}\.?[^\S\n]+\d{1,2})?[^\S\n]*(?:\([^()\n]{1,30}\))?[^\S\n]*[-–—•][^\S\n]"
)


def dateline_place(doc: AnalysedDocument) -> Place | None:
    """The city of a wire dateline ("OSLO, May 7 -", "Nairobi (AFP) -"): where the story is reported from."""
    return doc.memo("factkit.extractors._events.dateline", lambda: _find_dateline(doc))


def _find_dateline(doc: AnalysedDocument) -> Place | None:
    for n, sentence in enumerate(doc.body_sentences()):
        if n >= 4:
            break
        m = _DATELINE.match(doc.text, sentence.start, min(sentence.end, sentence.start + 80))
        if m is None:
            continue
        s, e = m.span("city")
        mention = next((x for x in doc.mentions_in(s, e) if x.start == s), None)
        record = doc._by_id.get(mention.entity_id) if mention is not None else None
        if record is not None and record.type not in ("place", "country", "organization"):
            return None
        return Place(doc.text[s:e], record.id if record is not None else None, s, e)
    return None


_CAP_WORD = regex.compile(r"\p{Lu}[\p{L}'’-]+")


def place_in_occasion(sv: SentView, s: int, e: int) -> Place | None:
    """"Munich Security Conference" names Munich: a known place inside an occasion's name."""
    doc = sv.doc
    for m in doc.mentions_in(s, e):
        r = doc._by_id.get(m.entity_id)
        if r is not None and r.type == "place":
            return Place(doc.text[m.start:m.end], r.id, m.start, m.end)
    for w in _CAP_WORD.finditer(doc.text, s, e):
        entry = doc.lexicon.lookup(w.group()) if hasattr(doc.lexicon, "lookup") else None
        if entry is not None and getattr(entry, "type", None) == "place":
            return Place(w.group(), None, w.start(), w.end())
    return None


# --------------------------------------------------------------------------- drafts and merging
@dataclass(slots=True)
class Draft:
    """One mention of an event in one sentence, before merging."""

    type: str
    status: EventStatus
    roles: dict[str, list[Party]]
    sentence: int  # index into the views list
    trigger: tuple[int, int]
    evidence: list[tuple[int, int]]
    headline: bool = False
    attributes: dict[str, str] = field(default_factory=dict)
    date: TimeExpression | None = None
    place: Place | None = None
    anaphoric: bool = False
    confidence: float = 0.6

    def keys(self, role: str) -> set[str]:
        return {p.key for p in self.roles.get(role, [])}


def dates_compatible(a: TimeExpression | None, b: TimeExpression | None) -> bool:
    if a is None or b is None or a.value is None or b.value is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def merge_drafts(drafts: list[Draft], same: Callable[[Draft, Draft], bool]) -> list[Draft]:
    """Fold drafts describing one real-world event into the first of them (quadratic only in events)."""
    merged: list[Draft] = []
    for d in drafts:
        target = next((m for m in candidates(merged) if same(m, d)), None)
        if target is None:
            merged.append(d)
            continue
        absorb(target, d)
    return merged


def candidates(merged: list[Draft]) -> list[Draft]:
    """Events a new mention may be merged into: the first few (the headline's) and the recent ones.

    Bounding the look-back keeps merging linear on very long inputs.
    """
    if len(merged) <= 60:
        return merged
    return merged[:10] + merged[-50:]


def fold_headlines(events: list[Draft], folds: Callable[[Draft, Draft], bool]) -> list[Draft]:
    """A headline event the body never repeats in its words is still the article's main event:
    its evidence joins the first body event ``folds(headline, body_event)`` accepts."""
    body = [d for d in events if not d.headline]
    out: list[Draft] = []
    for d in events:
        target = next((b for b in body if folds(d, b)), None) if d.headline else None
        if target is None:
            out.append(d)
        else:
            target.evidence.extend(d.evidence)  # duplicates go when the event is built
    return out


def absorb(target: Draft, d: Draft) -> None:
    if target.headline and not d.headline:
        # the body names parties as the article means them; the headline's short forms come after
        old = target.roles
        target.roles = {role: list(parties) for role, parties in d.roles.items()}
        d = Draft(d.type, d.status, old, d.sentence, d.trigger, d.evidence, d.headline, d.attributes, d.date,
                  d.place, d.anaphoric, d.confidence)
    for role, parties in d.roles.items():
        have = target.roles.setdefault(role, [])
        keys = {p.key for p in have}
        for p in parties:
            if p.key not in keys:
                have.append(p)
                keys.add(p.key)
    # duplicates go when the event is built (sorted(set(...))): a membership test per span here
    # would make absorbing thousands of mentions of one event quadratic
    target.evidence.extend(d.evidence)
    if d.date is not None and (target.date is None or (target.headline and not d.headline)
                               or _more_precise(d.date, target.date)):
        target.date = d.date
    if target.place is None and d.place is not None:
        target.place = d.place
    for k, v in d.attributes.items():
        target.attributes.setdefault(k, v)
    if target.headline and not d.headline:
        target.headline = False
    target.confidence = min(0.95, max(target.confidence, d.confidence) + 0.05)


def _more_precise(a: TimeExpression, b: TimeExpression) -> bool:
    return bool(a.value and b.value and len(a.value) > len(b.value) and a.value.startswith(b.value))


def to_event(doc: AnalysedDocument, d: Draft, extractor: str) -> Event:
    args = []
    for role, parties in d.roles.items():
        for p in parties:
            args.append(Argument(role=role, entity=p.entity, text=doc.text[p.start:p.end],  # type: ignore[arg-type]
                                 span=doc.span(p.start, p.end)))
    date = None
    if d.date is not None:
        date = DateValue(text=d.date.text, value=d.date.value, precision=d.date.precision,
                         span=doc.span(d.date.start, d.date.end))
    location = None
    if d.place is not None:
        location = Location(text=d.place.text, entity=d.place.entity, span=doc.span(d.place.start, d.place.end))
    evidence = [doc.span(s, e) for s, e in sorted(set(d.evidence))]
    return Event(type=d.type, status=d.status, arguments=args, attributes={k: v for k, v in sorted(d.attributes.items()) if not k.startswith("_")},
                 date=date, location=location, evidence=evidence, confidence=round(d.confidence, 2),
                 extractor=extractor)


def entity_ref(doc: AnalysedDocument, p: Party) -> EntityRef:
    return EntityRef(entity=p.entity, text=doc.text[p.start:p.end], span=doc.span(p.start, p.end))


def pair_relations(doc: AnalysedDocument, rel_type: str, pairs: Iterable[tuple[Party, Party]],
                   evidence: list[tuple[int, int]], extractor: str, confidence: float) -> list[Relation]:
    out = []
    spans = [doc.span(s, e) for s, e in sorted(set(evidence))]
    for a, b in pairs:
        if not a.entity or not b.entity or a.entity == b.entity:
            continue
        out.append(Relation(type=rel_type, subject=entity_ref(doc, a), object=entity_ref(doc, b),
                            evidence=spans, confidence=confidence, extractor=extractor))
    return out


def phrase_after(sv: SentView, offset: int) -> int:
    """Index of the first token starting at or after ``offset``."""
    return sv.tok_at(offset)


def clean_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim spaces, quotes and trailing punctuation from [s, e)."""
    while s < e and (text[s].isspace() or text[s] in "\"“”'‘’,;:(-–—"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\"“”‘’,;:.(-–—"):
        e -= 1
    return s, e
