"""Split news text into sentences with exact character offsets.

News text comes in two layouts that need opposite treatment of a single
newline: wire copy hard-wraps lines mid-sentence (a newline is a space),
while scraped web pages put one paragraph on each line (a newline is a
paragraph break). The layout is detected once per text, then lines are
grouped into paragraph segments and each segment is cut at sentence
punctuation, with abbreviation, initial and dateline guards.
"""

from __future__ import annotations

import re
from collections import Counter

from .model import Sentence

_TERMINAL = frozenset(".!?…。！？")
_CLOSERS = frozenset("\"'”’»)]}")
_OPEN_QUOTES = frozenset("\"'“‘«")
_CANDIDATE = re.compile(r"[.!?…。！？]+[\"'”’»)\]}]*")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]")
_DATELINE_HEAD = re.compile(r"[A-Z][A-Z'’/&-]+(?: [A-Z][A-Z'’/&.-]*)*(?:,| \(| ?[-–—•])")
_DATE_TAG = re.compile(r"\w+ [\d/.-]+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")

# Abbreviations that precede the word they belong to: never a sentence end.
_NEVER_END = frozenset(
    "mr mrs ms messrs mme dr gen sen sens rep reps gov lt col st ste mt ft prof sgt capt cpt maj "
    "adm rev hon pres cmdr brig cpl pvt supt insp gens vs v e.g i.e cf viz approx ca al".split()
)
# Abbreviations that only precede a number ("No. 2", "Art. 5").
_BEFORE_NUMBER = frozenset("no nos art arts vol vols ch p pp para fig figs sec op".split())
_MONTHS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
# Abbreviations that may end a sentence; they do when a typical opener follows.
_MAY_END = frozenset(
    "inc corp co ltd llc plc bros jr sr etc esq ave blvd rd dept univ assn ph.d "
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont "
    "neb nev okla ore pa penn tenn tex va vt wash wis wyo".split()
)
_OPENERS = frozenset(
    """The A An He She It They We I You His Her Its Their Our This That These Those There Here
    But So Yet However Meanwhile Moreover Also In On At As After Before When While If
    Although Though Since Because Despite During Under With For From Last Earlier Later Now Then
    Still Some Many Most Several Both All Each One Officials Analysts According Asked What Why
    How Who Where Such Other Another Separately Instead Indeed Thus Further Nevertheless
    Nonetheless Today Yesterday Tomorrow Mr Mrs Ms""".split()
)
_SMALL_WORDS = frozenset(
    "a an the and or nor but of in on at to for by with from as vs via into over per than "
    "up is are was be s".split()
)
_MAX_TOKEN = 40
_DATELINE_SPAN = 60
# Longer runs without a sentence end (lists, junk, adversarial input) are cut, at a space
# where there is one, so that per-sentence work downstream stays bounded.
_MAX_SENTENCE = 1000


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; every non-whitespace character lies in exactly one."""
    lines = nonblank_lines(text)
    if not lines:
        return []
    hard = _is_hard_wrapped(text, lines)
    base_indent = _base_indent(lines)
    segments: list[tuple[int, int, int, bool]] = []  # start, end, paragraph, single-line
    seg_start, seg_lines, paragraph = lines[0][0], 1, 0
    headline_break = False
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        kind = _break_kind(text, a, b, hard, base_indent, i == 0)
        if kind == "join":
            seg_lines += 1
            continue
        headline_break = headline_break or kind == "headline"
        segments.append((seg_start, a[1], paragraph, seg_lines == 1))
        paragraph += 1
        seg_start, seg_lines = b[0], 1
    segments.append((seg_start, lines[-1][1], paragraph, seg_lines == 1))

    sentences: list[Sentence] = []
    for n, (s, e, par, single) in enumerate(segments):
        pieces = _split_segment(text, s, e)
        if n == 0 and hard:
            headline = headline_break
        else:
            headline = single and _headline(text, s, e, n == 0, len(segments) > 1, len(pieces), n <= 4)
        for ps, pe in pieces:
            sentences.append(Sentence(len(sentences), ps, pe, par, headline))
    return sentences


def _headline(text: str, s: int, e: int, first: bool, more: bool, n_pieces: int, early: bool = False) -> bool:
    """A one-line paragraph is a headline when it is titled, or opens a longer text briefly."""
    terminal = _ends_terminal(text, s, e)
    if not first:
        # a web page's headline follows its navigation: a short unpunctuated line near the top
        return not terminal and (_short_title(text, s, e) or (
            early and more and n_pieces == 1 and 4 <= _word_count(text, s, e) <= 20))
    words = _word_count(text, s, e)
    if not more or words > 40:
        return False
    return (not terminal or _short_title(text, s, e)
            or (n_pieces == 1 and words <= 20 and not _DATELINE_HEAD.match(text, s, e)))


def nonblank_lines(text: str) -> list[tuple[int, int, int]]:
    """(content start, content end, indentation) of each line holding non-whitespace.

    Shared with the junk finder, which judges whole lines.
    """
    out = []
    pos = 0
    for raw in text.splitlines(True):
        content = raw.lstrip()  # strip() and isspace() agree on what whitespace is
        if content:
            s = pos + len(raw) - len(content)
            out.append((s, s + len(content.rstrip()), s - pos))
        pos += len(raw)
    return out


def _is_hard_wrapped(text: str, lines: list[tuple[int, int, int]]) -> bool:
    """Wire copy: short lines, many ending mid-sentence, some continuing in lowercase."""
    n = len(lines)
    if n < 3:
        return False
    long_lines = wrapped = lower_next = 0
    for i, (s, e, _) in enumerate(lines):
        if e - s > 100:
            long_lines += 1
        if i + 1 < n and not _gap(text, e, lines[i + 1][0]) and not _ends_terminal(text, s, e):
            if 25 <= e - s <= 100:
                wrapped += 1
            if text[lines[i + 1][0]].islower():
                lower_next += 1
    return long_lines <= 0.1 * n and wrapped >= 0.3 * n and lower_next >= 1


def _base_indent(lines: list[tuple[int, int, int]]) -> int:
    counts = Counter(indent for _, _, indent in lines)
    return max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]


def _gap(text: str, a_end: int, b_start: int) -> bool:
    """True when a blank line separates two lines."""
    breaks = 0
    i = a_end
    while i < b_start:
        ch = text[i]
        if ch == "\r" and i + 1 < b_start and text[i + 1] == "\n":
            i += 1
        if ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
            breaks += 1
            if breaks > 1:
                return True
        i += 1
    return False


def _break_kind(text: str, a: tuple[int, int, int], b: tuple[int, int, int], hard: bool,
                base_indent: int, first: bool) -> str:
    """'join' when the newline between lines a and b is a space, else 'para' or 'headline'."""
    terminal = _ends_terminal(text, a[0], a[1])
    next_lower = text[b[0]].islower()
    last = text[a[1] - 1]
    if _gap(text, a[1], b[0]):
        # a blank line inside a sentence is a scraping artefact
        return "join" if not terminal and next_lower and (last.islower() or last == ",") else "para"
    if not hard:
        return "join" if not terminal and next_lower else "para"
    if first and not terminal and not next_lower and _wire_headline(text, a[0], a[1]):
        return "headline"
    if b[2] > base_indent and (terminal or not next_lower):
        return "para"
    return "join"


def _wire_headline(text: str, s: int, e: int) -> bool:
    last = text[s:e].rsplit(None, 1)[-1].lower()
    if last in _SMALL_WORDS or text[e - 1] in ",-–—:;":
        return False
    letters = [c for c in text[s:e] if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    if letters and upper >= 0.8 * len(letters):
        return True
    return _short_title(text, s, e) and not _DATELINE_HEAD.match(text, s, e)


def _ends_terminal(text: str, s: int, e: int) -> bool:
    i = e - 1
    while i > s and text[i] in _CLOSERS and e - i < 5:
        i -= 1
    return text[i] in _TERMINAL


def _word_count(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def _short_title(text: str, s: int, e: int) -> bool:
    """A short line whose content words are capitalised: a headline or heading."""
    if e - s > 150:
        return False
    tokens = text[s:e].split()
    words = [w for w in _WORD.findall(text, s, e) if w.lower() not in _SMALL_WORDS]
    if len(words) < 2 or len(tokens) > 20 or 2 * len(words) < len(tokens):
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.8 * len(words)


def _split_segment(text: str, s: int, e: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cur = s
    for m in _CANDIDATE.finditer(text, s, e):
        end = m.end()
        if end >= e:
            break
        if not text[end].isspace():
            continue
        q = end + 1
        while text[q].isspace():  # the segment ends on non-whitespace, so q < e
            q += 1
        if _is_boundary(text, s, cur, m.start(), end, q):
            pieces.append((cur, end))
            cur = q
    pieces.append((cur, e))
    if e - s <= _MAX_SENTENCE or all(pe - ps <= _MAX_SENTENCE for ps, pe in pieces):
        return pieces
    return [part for ps, pe in pieces for part in _bounded(text, ps, pe)]


def _bounded(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``text[s:e]`` in pieces of at most ``_MAX_SENTENCE`` characters, trimmed of whitespace."""
    out = []
    while e - s > _MAX_SENTENCE:
        cut = s + _MAX_SENTENCE
        floor = s + _MAX_SENTENCE // 2
        while cut > floor and not text[cut].isspace():
            cut -= 1
        if cut == floor:
            cut = s + _MAX_SENTENCE
        end = cut
        while text[end - 1].isspace():
            end -= 1
        out.append((s, end))
        s = cut
        while text[s].isspace():
            s += 1
    out.append((s, e))
    return out


def _is_boundary(text: str, seg_start: int, cur: int, p: int, end: int, q: int) -> bool:
    """Does the punctuation run ``text[p:end]`` end a sentence, given the next char at q?"""
    nxt = text[q]
    if nxt.islower() or nxt in ",;:/.…":
        return False
    if cur == seg_start and p - seg_start <= _DATELINE_SPAN and _in_dateline(text, seg_start, p):
        return False
    run = text[p:end]
    if run != ".":
        return True
    t0 = p
    limit = max(cur, p - _MAX_TOKEN)
    while t0 > limit and not text[t0 - 1].isspace():
        t0 -= 1
    while t0 < p and (text[t0] in _OPEN_QUOTES or text[t0] in "([{"):
        t0 += 1
    token = text[t0:p]
    if not token:
        return True
    low = token.lower()
    if low in _NEVER_END:
        return False
    if nxt.isdigit() and (low in _BEFORE_NUMBER or token in _MONTHS):
        return False
    if token in _MONTHS or low in _MAY_END or _INITIALISM.fullmatch(token):
        return nxt in _OPEN_QUOTES or _next_word(text, q) in _OPENERS
    return True


def _in_dateline(text: str, seg_start: int, p: int) -> bool:
    """``PLACE, Month 6. /AGENCY/.`` — punctuation inside a dateline does not end a sentence."""
    m = _DATELINE_HEAD.search(text, seg_start, p)
    if m is None:
        return False
    lead = text[seg_start:m.start()].strip()
    if lead and not _DATE_TAG.fullmatch(lead):
        return False
    return _LOWER_WORD.search(text, m.end(), p) is None


def _next_word(text: str, q: int) -> str:
    j = q
    limit = min(len(text), q + 20)
    while j < limit and text[j].isalpha():
        j += 1
    return text[q:j]


__all__ = ["split_sentences"]
