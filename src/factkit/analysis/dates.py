"""Find temporal expressions and resolve them against the publication date.

Our own patterns, not dateparser: one compiled pattern, tried only where a
date can start, is linear, exact about spans and strict about what counts as
a date (bare numbers, the modal "may" and "the march" are not), while
resolution needs the tense of the clause around the expression ("on Friday"
in "met on Friday" versus "will meet on Friday"), which dateparser cannot
see. Every form we accept is parsed here, so dateparser is not called at all.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from itertools import accumulate, product
from collections.abc import Iterator, Sequence
from typing import Literal

import regex

from .model import Precision, Sentence, TimeExpression

Tense = Literal["past", "future", "unknown"]
Resolved = tuple[str, Precision] | None

_MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAY_NUMBERS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "thurs": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Whitespace inside an expression: may wrap one line, never cross a blank line.
_S = r"(?:[^\S\n]++\n?+[^\S\n]*+|\n[^\S\n]*+)"

_FULL_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MAY_VERB = (
    rf"(?!{_S}(?i:be|not|have|also|well|still|never|only|even|soon|now|need|want|seek|face|"
    r"get|take|come|go|become|lose|help|cause|lead|result|affect|prove|yet|try|say|see|use|"
    r"make|do|feel|already|ask|mean|remain|opt|decide|include|continue)\b)"
)
# A month followed by a day number: abbreviations may drop their dot ("Feb 16").
_MON_D = rf"(?P<mon>{_FULL_MONTH}|(?:{_ABBR})\.?+)"
# A month standing before a year or after a day number; the number is context enough.
_MON_Y = rf"(?P<mon>January|February|March|April|May{_MAY_VERB}|June|July|August|September|October|November|December|(?:{_ABBR})\.?+)"
# Months that are also names, verbs or nouns ("April Ryan", "the March on ..."): need context.
_AMBIGUOUS_MONTH = "March|April|June|August"
_PLAIN_MONTH = rf"January|February|July|September|October|November|December|(?:{_ABBR})\."

_DAY = r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?i:st|nd|rd|th)?+(?!\w|[.:,]\d)"
_DAY2 = r"(?P<day2>[12][0-9]|3[01]|0?[1-9])(?i:st|nd|rd|th)?+(?!\w|[.:,]\d)"
_DAY_ORD = r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?i:st|nd|rd|th)(?!\w)"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\w|[/.,:]\d)"
_NUMSTART = r"(?<![\w.,$£€/:#-])"

# One preposition group serves every form; which prepositions a form accepts is checked after
# the match (``_preposition_verdict``), so the regex does not retry a preposition per form.
_PREP = (
    r"(?P<prep>(?i:on|in|since|until|till|by|before|after|from|during|throughout|through|to|"
    r"for|as\s+of|between|at|of))"
)
_GENERAL = frozenset(
    "on|in|since|until|till|by|before|after|from|during|throughout|through|to|for|as of|"
    "between|at|of".split("|")
)
_YEAR_PREPS = frozenset(
    "in|since|until|till|by|before|after|from|during|throughout|through|between|as of|of".split("|")
)
_AMBIGUOUS_PREPS = frozenset(
    "in|since|until|till|by|before|after|from|during|through|throughout|as of".split("|")
)
_MAY_PREPS = frozenset("in|since|until|till|during|throughout".split("|"))
_RELATIVE_PREPS = frozenset(
    "since|until|till|by|before|after|from|during|through|as of|for".split("|")
)
_HAS_PREP = "(?(prep)(?=)|(?!))"
_MOD = (
    rf"(?P<mod>(?i:(?:early|late|mid)(?:-|{_S})|(?:the{_S})?(?:end|beginning|start|middle|"
    rf"first{_S}half|second{_S}half){_S}of{_S}))"
)
_MOD_YEAR = rf"(?P<mod>(?i:(?:early|late|mid|end)-|(?:early|late|mid){_S}|(?:the{_S})?(?:end|beginning|start|middle|first{_S}half|second{_S}half){_S}of{_S}))"
_MMOD = r"(?P<mmod>(?i:last|next|this))"
_RANGE_SEP = rf"(?:{_S}?+[-–]{_S}?+|{_S}(?i:and|to|through|until|till){_S})"

_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Thurs\."
_NOT_A_DAY = (
    r"(?<!\b(?:Black|Good|Super|Ash|Holy|Maundy|Easter|Cyber|Bloody|Palm|Shrove|Giving|Whit|Low|"
    r"Mail\s+on|every|each|Every|Each)\s)"
)
_NOT_A_PAPER = r"(?!\s(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Independent|Star|Tribune|Observer)\b)"
_WD = rf"{_NOT_A_DAY}(?P<wd>{_WEEKDAY}){_NOT_A_PAPER}(?!\w)"
_WD2 = rf"{_NOT_A_DAY}(?:{_WEEKDAY}){_NOT_A_PAPER}(?!\w)"
_PART = rf"(?:{_S}(?i:morning|afternoon|evening|night)(?!\w))"
_NUMBER = r"(?P<num>\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some|few|a\s+few|a\s+couple\s+of))"

# Where an expression can start: a word only dates begin with ("Friday", "2019", "today"),
# a word that begins one only before certain words ("the" before "year", "last" before
# "month"), or a preposition just before either. Looking words up in sets is several times
# faster than a regex search for the full pattern, which then runs only at these positions.
_WORD_SPLIT = re.compile(r"(\w+)")
_NAMES = frozenset(
    f"{_FULL_MONTH}|{_ABBR}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Thurs".split("|")
)
_DAY_WORDS = frozenset("today tonight yesterday tomorrow".split())
_WEAK_STARTERS = frozenset(
    "this last next coming past earlier later late early mid end beginning start middle first "
    "second the a an one two three four five six seven eight nine ten eleven twelve several some "
    "few".split()
)
_FOLLOWERS = _WEAK_STARTERS | _DAY_WORDS | frozenset(
    "of few couple day days week weeks weekend month months year years morning afternoon "
    "evening night half in".split()
)
_PREPOSITION_WORDS = frozenset(
    "on in since until till by before after from during throughout through to for of between "
    "at".split()
)


_UNITS = frozenset(
    "day days week weeks weekend month months year years morning afternoon evening night".split()
)
_OPENING_WORDS = _DAY_WORDS | _WEAK_STARTERS


def _written_forms(words: frozenset[str]) -> frozenset[str]:
    """Every string whose ``lower()`` is one of ``words`` (ASCII words): each letter in either case,
    and "k" also as the Kelvin sign, the one non-ASCII character that lowercases to ASCII."""
    forms: set[str] = set()
    for word in words:
        options = [(c, c.upper(), "\u212a") if c == "k" else (c, c.upper()) for c in word]
        forms.update("".join(p) for p in product(*options))
    return frozenset(forms)


# A word opens a candidate when it is one of these as written, or starts with a digit.
_OPENING_FORMS = _NAMES | _written_forms(_OPENING_WORDS)
_WEAK_REACH = 5  # a weak opening reaches its date word within five words: "the second half of 2024"


def _dates_word(word: str) -> bool:
    return word[0].isdigit() or word in _NAMES or word.lower() in _DAY_WORDS or word.lower() in _UNITS


def _candidate_starts(text: str) -> Iterator[int]:
    """Increasing offsets where the full pattern may match."""
    parts = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap: no match object per word
    words = parts[1::2]
    starts = list(accumulate(map(len, parts), initial=0))[1::2]
    # one pass in C picks the few words that can open an expression; only they are looked at
    opening = [k for k, word in enumerate(words) if word in _OPENING_FORMS or word[0].isdigit()]
    for k in opening:
        word = words[k]
        lower = word.lower()
        if not (word[0].isdigit() or word in _NAMES or lower in _DAY_WORDS):
            if k + 1 == len(words):
                continue
            follower = words[k + 1]
            if not (follower[0].isdigit() or follower in _NAMES
                    or follower.lower() in _FOLLOWERS):
                continue
            if not any(_dates_word(w) for w in words[k + 1:k + 1 + _WEAK_REACH]):
                continue  # "the end of the end of ...": no date word ahead, nothing to try
        if k and words[k - 1].lower() in _PREPOSITION_WORDS:
            if k > 1 and words[k - 1].lower() == "of" and words[k - 2].lower() == "as":
                yield starts[k - 2]
            yield starts[k - 1]
        if word[0].isdigit() and not _number_may_open(text, words, starts, k):
            continue  # "10 people": only a preposition before it ("in 2019") can still open a date
        yield starts[k]


def _number_may_open(text: str, words: list[str], starts: list[int], k: int) -> bool:
    """Can an expression start at the number ``words[k]``? Every form that does ("2019-05-03",
    "5/6/2019", "5 March", "5 - 7 March", "3 days ago") has a dash or slash right after it,
    or a number, month or time unit as the next word."""
    end = starts[k] + len(words[k])
    if end < len(text) and text[end] in "-/–":
        return True
    if k + 1 == len(words):
        return False
    following = words[k + 1]
    return (following[0].isdigit() or following in _NAMES
            or _case_key(following) in _UNITS)


_EXPRESSION = rf"""
(?<!\w)(?:{_PREP}{_S})?(?:
 (?P<k_iso>{_NUMSTART}(?P<iy>(?:19|20)\d\d)(?P<isep>[-/])(?P<im>1[0-2]|0?[1-9])(?P=isep)(?P<id>[12][0-9]|3[01]|0?[1-9])(?![\d/]|[-.]\d))
|(?P<k_slash>{_NUMSTART}(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,2}})/(?P<sy>(?:19|20)\d\d)(?![\d/]|[-.]\d))
|(?P<k_md>(?:(?P<wd>{_WEEKDAY}),?+{_S})?{_MON_D}{_S}{_DAY}(?:{_RANGE_SEP}{_DAY2})?(?:,?+{_S}{_YEAR})?)
|(?P<k_dm>(?:(?P<wd>{_WEEKDAY}),?+{_S})?{_NUMSTART}(?:(?i:the){_S}{_DAY_ORD}{_S}(?i:of){_S}|{_DAY}(?:{_S}?+[-–]{_S}?+{_DAY2})?{_S}){_MON_Y}(?!\w)(?:,?+{_S}{_YEAR})?)
|(?P<k_my>(?:{_MOD})?{_MON_Y},?+{_S}{_YEAR})
|(?P<k_mon>(?:{_MMOD}{_S})?(?:{_MOD})?(?P<mon>{_PLAIN_MONTH})(?!\w))
|(?P<k_mon>(?:{_HAS_PREP}(?:{_MMOD}{_S})?(?:{_MOD})?|{_MMOD}{_S}(?:{_MOD})?|{_MOD})(?P<mon>{_AMBIGUOUS_MONTH}|May{_MAY_VERB}(?!['’]s))(?!\w))
|(?P<k_year>{_MOD_YEAR}{_YEAR})
|(?P<k_year>{_HAS_PREP}(?:(?i:the){_S}(?i:year){_S})?{_YEAR})
|(?P<k_year>(?P<the_year>(?i:the){_S}(?i:year){_S}){_YEAR})
|(?P<k_wd>(?:(?P<wdmod>(?i:this{_S}coming|this{_S}past|last|next|this|coming|past)){_S})?(?:(?i:late|early){_S})?{_WD}{_PART}?(?:{_RANGE_SEP}{_WD2}{_PART}?)?)
|(?P<k_rel>(?:(?i:earlier|later|late|early){_S})?(?<!USA\s)(?P<rel>(?i:today|tonight|yesterday|tomorrow))(?!{_S}(?i:show|programme|program)\b)(?!\w){_PART}?)
|(?P<k_rel>(?P<rel>(?i:this{_S}(?:morning|afternoon|evening)|last{_S}(?:night|evening)|(?:earlier|later){_S}in{_S}the{_S}day))(?!\w))
|(?P<k_per>(?:(?i:earlier|later|late|early){_S})?(?<!\b(?i:the|over|past)\s)(?P<per>(?i:this|last|next)){_S}(?P<unit>(?i:week|weekend|month|year))(?!\w))
|(?P<k_ago>{_NUMSTART}{_NUMBER}{_S}(?P<unit>(?i:day|week|month|year))(?i:s)?+{_S}(?i:ago)(?!\w))
)
"""

_COORDINATED_YEAR = regex.compile(
    rf"(?:,?+{_S}(?i:and|or|to|through|until|till){_S}|,{_S}|{_S}?+[-–]{_S}?+)(?<![\d.,$£€])(?P<year>(?:19|20)\d\d)(?!\w|[/.,:]\d)"
)

_NOT_ED = (
    "need|speed|indeed|hundred|seed|feed|bed|red|shed|proceed|exceed|succeed|breed|greed|"
    "creed|deed|weed|bleed|heed|reed|steed|embed|sled|wed|shred|tweed|naked|wicked|sacred|"
    "kindred|beloved|rugged|ragged|crooked|aged"
)
_IRREGULAR_PAST = (
    "said|told|met|held|took|gave|came|went|made|began|saw|won|lost|left|sent|spent|brought|"
    "bought|thought|found|got|kept|led|paid|ran|sat|spoke|stood|wrote|rose|fell|struck|became|"
    "chose|drew|flew|grew|knew|meant|sold|fought|caught|taught|sought|felt|heard|dealt|broke|"
    "forgot|hid|shook|stole|swore|threw|understood|wore|withdrew|undertook|hung|sank|fled|froze|"
    "bore|overtook|upheld|withheld|arose|forbade|foresaw|reaffirmed"
)
_TENSE = regex.compile(
    rf"""
    (?<![\w'’])(?=[A-Za-z])(?:
     (?P<future>
        (?i:will|won['’]t|wo{_S}n['’]t|shall|would|wouldn['’]t)
          (?:{_S}(?i:not|n['’]t|also|still|then|now|likely|probably|soon|only|again|further|be|have|been|finally|jointly|formally|officially))*+(?:{_S}[a-z]++)?+
      | (?i:is|are|am|was|were|be){_S}(?i:due|set|scheduled|slated|expected|poised|going|about|likely|unlikely|planning|hoping|preparing){_S}(?i:to)(?:{_S}(?i:be))?+(?:{_S}[a-z]++)?+
      | (?i:is|are){_S}(?i:to)(?:{_S}(?i:be))?+{_S}[a-z]++
      | (?i:is|are){_S}[a-z]++(?<=ing)
      | (?i:plans?|planning|intends?|intending|aims?|hopes?|prepares?|preparing){_S}(?i:to)(?:{_S}(?i:be))?+(?:{_S}[a-z]++)?+
      | (?:(?i:had|has|have)(?:{_S}(?i:also|already|now|jointly|formally))*+{_S})?(?i:agreed|agrees|decided|voted){_S}(?i:to)(?:{_S}[a-z]++)?+
      | (?i:to){_S}(?i:be){_S}[a-z]++(?<=ed)
      | (?i:call(?:s|ed)?+){_S}(?i:for)
      | (?i:planned|scheduled|slated|upcoming|forthcoming|urged|urges|proposed|proposes|invited|invites|expires|expiring)
      | (?i:next)(?!{_S}(?i:to)\b)
     )
    |(?P<neutral>
        (?i:cancell?ed|called{_S}off|postponed|scrapped|shelved|put{_S}off|delayed)
     )
    |(?P<past>
        (?i:was|were|had|did)(?:n['’]t)?+(?:{_S}(?i:not|also|still|then|already|only|been|be))*+(?:{_S}[a-z]++)?+
      | (?i:has|have)(?!{_S}(?i:to)\b)(?:{_S}(?i:not|also|already|been))*+(?:{_S}[a-z]++)?+
      | (?:{_IRREGULAR_PAST})
      | (?!(?:{_NOT_ED})\b)[a-z]{{2,}}ed
     )
    )(?!\w)
    |(?<=\w)(?P<future>['’]ll)(?!\w)
    """,
    regex.VERBOSE,
)
# A tense cue starts at a maximal run of letters (its lookbehind forbids a letter before it)
# whose word opens one of the alternatives above, or at "'ll". Trying the pattern only there
# finds the same cues as scanning every position, several times faster. The run also takes
# the three non-ASCII letters that match an ASCII one case-insensitively.
_TENSE_WORD = re.compile("[A-Za-z\u0130\u017f\u212a]+|['’]ll")
_TENSE_WORD_SPLIT = re.compile(f"({_TENSE_WORD.pattern})")
_CASE_ALIKE = str.maketrans({"\u0130": "i", "\u017f": "s", "\u212a": "k"})
_TENSE_OPENERS = frozenset(
    "will won wo shall would wouldn is are am was were be plan plans planning intend intends "
    "intending aim aims hope hopes prepare prepares preparing had has have agreed agrees decided "
    "voted to call calls called planned scheduled slated upcoming forthcoming urged urges proposed "
    "proposes invited invites expires expiring next cancelled canceled postponed scrapped shelved "
    "put delayed did wasn weren hadn didn".split()
) | frozenset(_IRREGULAR_PAST.split("|"))


def _case_key(word: str) -> str:
    """Lowercase, with the non-ASCII letters that match an ASCII one case-insensitively made ASCII."""
    return word.lower() if word.isascii() else word.translate(_CASE_ALIKE).lower()


def _tense_matches(text: str, lo: int, hi: int) -> list[regex.Match[str]]:
    """What ``_TENSE.finditer(text, lo, hi)`` yields, trying the pattern only where a cue can start."""
    # the word pattern has no lookaround, so splitting the slice finds the words finditer would
    parts = _TENSE_WORD_SPLIT.split(text[lo:hi])  # gap, word, gap, word, ..., gap
    words = parts[1::2]
    starts = list(accumulate(map(len, parts), initial=lo))[1::2]
    found = []
    pos = lo
    for k in [k for k, word in enumerate(words) if word in _TENSE_OPENERS or word.endswith(("ed", "ll"))
              or (not (word.isascii() and word.islower()) and _case_key(word) in _TENSE_OPENERS)]:
        p = starts[k]
        if p < pos:
            continue
        m = _TENSE.match(text, p, hi)
        if m is not None:
            found.append(m)
            pos = m.end()
    return found


_CLAUSE_BREAK = regex.compile(r'[,;:—"“”]')
_QUOTE = regex.compile(r'["“”]')
# How far a cue may lie beyond a comma or dash: farther before the expression than after,
# because a fronted adverbial ("On Friday, the ministers met") is the common shape.
_NEAR_ACROSS_CLAUSE_BEFORE = 20
_NEAR_ACROSS_CLAUSE_AFTER = 40
_AFTER_PENALTY = 10
_FARTHEST_CUE = 250


def _day_value(d: dt.date) -> tuple[str, Precision]:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}", "day"


def _month_value(year: int, month: int) -> Resolved:
    if not 1 <= year <= 9999:
        return None
    return f"{year:04d}-{month:02d}", "month"


def _year_value(year: int) -> Resolved:
    if not 1 <= year <= 9999:
        return None
    return f"{year:04d}", "year"


def _shift_months(year: int, month: int, by: int) -> tuple[int, int]:
    total = year * 12 + month - 1 + by
    return total // 12, total % 12 + 1


def _add_days(d: dt.date, days: int) -> dt.date | None:
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


def _coarsest_common(first: dt.date | None, last: dt.date | None) -> Resolved:
    """The finest precision that holds for every day in the window: a sound value, not a guess."""
    if first is None or last is None:
        return None
    if first == last:
        return _day_value(first)
    if (first.year, first.month) == (last.year, last.month):
        return _month_value(first.year, first.month)
    if first.year == last.year:
        return _year_value(first.year)
    return None


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_month_day(pub: dt.date, month: int, day: int, tense: Tense) -> Resolved:
    """The year for a day and month: back for the past, ahead for the future, else the nearer."""
    before = after = None
    for year in range(pub.year, max(pub.year - 9, 0), -1):
        cand = _valid_day(year, month, day)
        if cand is not None and cand <= pub:
            before = cand
            break
    for year in range(pub.year, min(pub.year + 9, 10000)):
        cand = _valid_day(year, month, day)
        if cand is not None and cand >= pub:
            after = cand
            break
    if tense == "future":
        chosen = after
    elif tense == "past":
        chosen = before
    elif before is None or after is None:
        chosen = before or after
    else:
        chosen = after if (after - pub) < (pub - before) else before
    return _day_value(chosen) if chosen is not None else None


def _resolve_month(pub: dt.date, month: int, mode: str) -> Resolved:
    """mode: past/future/unknown by tense, or last/next/this from the words themselves."""
    back = pub.year if month <= pub.month else pub.year - 1
    ahead = pub.year if month >= pub.month else pub.year + 1
    if mode == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif mode == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif mode == "this":
        year = pub.year
    elif mode == "future":
        year = ahead
    elif mode == "past":
        year = back
    else:
        gap_back = (pub.year - back) * 12 + pub.month - month
        gap_ahead = (ahead - pub.year) * 12 + month - pub.month
        year = ahead if gap_ahead < gap_back else back
    return _month_value(year, month)


def _resolve_weekday(pub: dt.date, weekday: int, mode: str) -> Resolved:
    behind = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if mode == "last":
        offset = -(behind or 7)
    elif mode == "next":
        offset = ahead or 7
    elif mode == "future":
        offset = ahead
    else:
        offset = -behind
    day = _add_days(pub, offset)
    return _day_value(day) if day is not None else None


def _week_window(pub: dt.date, weeks: int, weekend: bool) -> Resolved:
    """A week (or weekend) ``weeks`` away, under both Monday- and Sunday-start conventions."""
    monday = -pub.weekday() + 7 * weeks
    sunday = -((pub.weekday() + 1) % 7) + 7 * weeks
    if weekend:
        first, last = monday + 5, monday + 6
        if weeks > 0:
            first -= 7
    else:
        first, last = min(monday, sunday), max(monday, sunday) + 6
    return _coarsest_common(_add_days(pub, first), _add_days(pub, last))


class _Tenses:
    """Past/future cues, scanned once per sentence and only for sentences that need them."""

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        self._text = text
        ordered = sorted(sentences, key=lambda s: s.start)
        self._sentences = ordered
        self._sentence_starts = [s.start for s in ordered]
        self._cache: dict[int, tuple[list[tuple[int, int, Tense]], list[int]]] = {}

    def _cues(self, start: int, end: int) -> tuple[list[tuple[int, int, Tense]], list[int]]:
        """Cues of the sentence holding the expression, or of a window around it."""
        i = bisect.bisect_right(self._sentence_starts, start) - 1
        inside = i >= 0 and start < self._sentences[i].end
        if inside and i in self._cache:
            return self._cache[i]
        if inside:
            lo, hi = self._sentences[i].start, max(self._sentences[i].end, end)
        else:
            lo, hi = max(0, start - 150), min(len(self._text), end + 150)
        cues: list[tuple[int, int, Tense]] = [
            (m.start(), m.end(), "future" if m.group("future") else "unknown" if m.group("neutral") else "past")
            for m in _tense_matches(self._text, lo, hi)
        ]
        found = (cues, [c[1] for c in cues])
        if inside:
            self._cache[i] = found
        return found

    def _cost(self, left: int, right: int, after: bool) -> int | None:
        """Distance to a cue: never across a quotation mark, across other breaks only when close."""
        gap = right - left
        if gap <= 0:
            return 0
        if gap > _FARTHEST_CUE:
            return None
        if gap > (_NEAR_ACROSS_CLAUSE_AFTER if after else _NEAR_ACROSS_CLAUSE_BEFORE):
            if _CLAUSE_BREAK.search(self._text, left, right):
                return None
        elif _QUOTE.search(self._text, left, right):
            return None
        return gap + (_AFTER_PENALTY if after else 0)

    def at(self, start: int, end: int) -> Tense:
        """The tense of the nearest cue in the sentence, preferring the expression's own clause."""
        cues, ends = self._cues(start, end)
        best: tuple[int, Tense] | None = None
        i = bisect.bisect_left(ends, start + 1) - 1
        if i >= 0:
            cost = self._cost(cues[i][1], start, False)
            if cost is not None:
                best = (cost, cues[i][2])
        j = i + 1
        if j < len(cues) and not (best is not None and _CLAUSE_BREAK.search(self._text, end, cues[j][0])):
            # a cue past a comma (", officials said") is the report's tense, not the clause's own
            cost = self._cost(end, cues[j][0], cues[j][0] >= end)
            if cost is not None and (best is None or cost < best[0]):
                best = (cost, cues[j][2])
        return best[1] if best else "unknown"


class DateFinder:
    """Finds and resolves the dates of an article; build once, call ``find`` per article."""

    def __init__(self) -> None:
        self._pattern = regex.compile(_EXPRESSION, regex.VERBOSE)

    def find(self, text: str, sentences: list[Sentence],
             published: dt.date | None) -> list[TimeExpression]:
        """Every temporal expression, sorted by start and non-overlapping, resolved where possible."""
        if isinstance(published, dt.datetime):
            published = published.date()
        tenses = _Tenses(text, sentences)
        found: list[TimeExpression] = []
        pos = 0
        for candidate in _candidate_starts(text):
            if candidate < pos:
                continue
            m = self._pattern.match(text, candidate)
            if m is None:
                continue
            pos = m.end()
            kind = _kind(m)
            verdict = _preposition_verdict(m, kind)
            if verdict == "reject":
                pos = m.end("prep")
                continue
            parsed = self._interpret(m, kind, verdict == "strip", text, published, tenses)
            if parsed is None:
                continue
            start, end, resolved = parsed
            pos = end
            found.append(_expression(text, start, end, resolved))
            if m.group("k_year") is not None:
                pos = self._coordinated_years(text, end, found)
        return found

    @staticmethod
    def _coordinated_years(text: str, pos: int, found: list[TimeExpression]) -> int:
        """'in 1987, 1988 and 1989': the years listed after a year expression are years too."""
        while (c := _COORDINATED_YEAR.match(text, pos)) is not None:
            year = c.group("year")
            found.append(_expression(text, c.start("year"), c.end("year"), (year, "year")))
            pos = c.end()
        return pos

    def _interpret(self, m: regex.Match[str], kind: str | None, strip: bool, text: str,
                   pub: dt.date | None, tenses: _Tenses) -> tuple[int, int, Resolved] | None:
        start, end = m.start(), m.end()
        if m.group("prep") is not None and (strip or text.startswith(("'s", "’s"), end)):
            start = m.end("prep")
            while start < end and text[start].isspace():
                start += 1
        resolved: Resolved
        if kind == "k_iso":
            day = _valid_day(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            if day is None:
                return None
            resolved = _day_value(day)
        elif kind == "k_slash":
            day = _unambiguous_slash(int(m.group("sa")), int(m.group("sb")), int(m.group("sy")))
            if day is None:
                return None
            resolved = _day_value(day)
        elif kind in ("k_md", "k_dm"):
            month, day_num = _month_number(m.group("mon")), int(m.group("day"))
            year = m.group("year")
            if kind == "k_md" and m.group("day2") is not None and int(m.group("day2")) <= day_num:
                end, year = m.end("day"), None  # "March 25 - 10 banks": a dateline, not a range
            if year is not None:
                day = _valid_day(int(year), month, day_num)
                if day is None:
                    return None
                resolved = _day_value(day)
            elif _valid_day(2000, month, day_num) is None:
                return None
            elif pub is None:
                resolved = None
            else:
                resolved = _resolve_month_day(pub, month, day_num, tenses.at(start, end))
        elif kind == "k_my":
            resolved = _month_value(int(m.group("year")), _month_number(m.group("mon")))
        elif kind == "k_mon":
            if pub is None:
                resolved = None
            else:
                mmod = (m.group("mmod") or "").lower()
                mode = mmod if mmod else tenses.at(start, end)
                resolved = _resolve_month(pub, _month_number(m.group("mon")), mode)
        elif kind == "k_year":
            resolved = (m.group("year"), "year")
        elif kind == "k_wd":
            resolved = None if pub is None else self._weekday(m, pub, tenses, start, end)
        elif kind == "k_rel":
            resolved = None if pub is None else _relative_day(m.group("rel"), pub)
        elif kind == "k_per":
            resolved = None if pub is None else _period(m.group("per"), m.group("unit"), pub)
        elif kind == "k_ago":
            resolved = None if pub is None else _ago(m.group("num"), m.group("unit"), pub)
        else:
            return None
        return start, end, resolved

    @staticmethod
    def _weekday(m: regex.Match[str], pub: dt.date, tenses: _Tenses, start: int, end: int) -> Resolved:
        weekday = _WEEKDAY_NUMBERS[m.group("wd").rstrip(".").lower()]
        wdmod = " ".join((m.group("wdmod") or "").lower().split())
        if wdmod in ("last", "past", "this past"):
            mode = "last"
        elif wdmod in ("next", "coming", "this coming"):
            mode = "next"
        else:
            mode = tenses.at(start, end)
        return _resolve_weekday(pub, weekday, mode)


_KINDS = ("k_iso", "k_slash", "k_md", "k_dm", "k_my", "k_mon", "k_year", "k_wd", "k_rel", "k_per", "k_ago")


def _kind(m: regex.Match[str]) -> str | None:
    for kind in _KINDS:
        if m.group(kind) is not None:
            return kind
    return None


def _preposition_verdict(m: regex.Match[str], kind: str | None) -> str:
    """keep the preposition, strip it from the span, or reject it when the form needed it.

    "in May" is a month but "by May" is likely the politician; "in 2019" is a year,
    "at 2024 hours" is not; "in last year's" keeps "last year" only.
    """
    prep = m.group("prep")
    if prep is None:
        return "keep"
    word = " ".join(prep.lower().split())
    needed = False
    if kind == "k_mon" and m.group("mon") in ("March", "April", "June", "August", "May"):
        allowed = _MAY_PREPS if m.group("mon") == "May" else _AMBIGUOUS_PREPS
        needed = m.group("mmod") is None and m.group("mod") is None
    elif kind == "k_year":
        allowed = _YEAR_PREPS | {"at"} if m.group("mod") is not None else _YEAR_PREPS
        needed = m.group("mod") is None and m.group("the_year") is None
    elif kind in ("k_rel", "k_per", "k_ago"):
        allowed = _RELATIVE_PREPS
    else:
        allowed = _GENERAL
    if word in allowed:
        return "keep"
    return "reject" if needed else "strip"


def _expression(text: str, start: int, end: int, resolved: Resolved) -> TimeExpression:
    value, precision = resolved if resolved is not None else (None, None)
    return TimeExpression(start=start, end=end, text=text[start:end], value=value, precision=precision)


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.rstrip(".").lower()]


def _unambiguous_slash(a: int, b: int, year: int) -> dt.date | None:
    """D/M/Y or M/D/Y only when the reading is forced (a part above 12) or both agree."""
    if a > 12 and b <= 12:
        return _valid_day(year, b, a)
    if b > 12 and a <= 12:
        return _valid_day(year, a, b)
    if a == b:
        return _valid_day(year, a, b)
    return None


def _relative_day(word: str, pub: dt.date) -> Resolved:
    key = " ".join(word.lower().split())
    if key in ("yesterday", "last night", "last evening"):
        day = _add_days(pub, -1)
    elif key == "tomorrow":
        day = _add_days(pub, 1)
    else:
        day = pub
    return _day_value(day) if day is not None else None


def _period(which: str, unit: str, pub: dt.date) -> Resolved:
    step = {"last": -1, "this": 0, "next": 1}[which.lower()]
    unit = unit.lower()
    if unit == "month":
        return _month_value(*_shift_months(pub.year, pub.month, step))
    if unit == "year":
        return _year_value(pub.year + step)
    if unit == "week":  # a week is a range, dated by its first day (Monday)
        day = _add_days(pub, 7 * step - pub.weekday())
        return _day_value(day) if day is not None else None
    return _week_window(pub, step, unit == "weekend")


def _ago(number: str, unit: str, pub: dt.date) -> Resolved:
    key = " ".join(number.lower().split())
    count = int(key) if key.isdigit() else _NUMBER_WORDS.get(key)
    if count is None:
        return None
    unit = unit.lower()
    if unit == "day":
        day = _add_days(pub, -count)
        return _day_value(day) if day is not None else None
    if unit == "week":
        return _week_window(pub, -count, False) if count < 1500 else None
    if unit == "month":
        return _month_value(*_shift_months(pub.year, pub.month, -count))
    return _year_value(pub.year - count)
