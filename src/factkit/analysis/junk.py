"""Find page junk in scraped articles: link lists, captions, bylines, blurbs, forms.

Scraped pages carry text that is not the article: "You might also like"
headline lists, photo credits, author blurbs, comment forms, share buttons.
Facts pulled from there are false alarms, so extractors skip these regions.
Work is line-based and deliberately conservative: a line is junk only when
it matches a known page furniture shape; anything that reads as prose stays.
"""

from __future__ import annotations

import re

from .model import Region
from .sentences import nonblank_lines

_TERMINAL = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’»)]}")
_BULLETS = frozenset("-•*–—·►▪●◦»›>")
_NUMBERED = re.compile(r"\d\d?[.)]\s")
_EDGE_PUNCT = " \t:;|-–—>»›…*•·.,!"

_HEADINGS = frozenset(
    """you might also like|you may also like|you might like|you may like|also read|read also|
    read more|related|related articles|related stories|related posts|related news|related content|
    related coverage|related topics|related links|related reading|recommended|recommended for you|
    recommended stories|recommended articles|recommended reading|trending|trending now|
    trending stories|trending news|popular|popular now|popular stories|most popular|most read|
    most viewed|top stories|latest|latest news|latest stories|latest posts|recent posts|see also|
    editor's picks|editors' picks|editors picks|don't miss|must read|more stories|more news|
    more articles|further reading|in other news|more like this|what to read next|read next|
    up next|keep reading|stories you may like|other stories|sponsored stories|around the web|
    from the web|more to read|you may have missed|more videos|watch more""".replace("\n", "")
    .replace("    ", "").split("|")
)
_HEADING_PREFIXES = ("more from ", "more on ", "more in ", "more about ", "more stories from ",
                     "also on ", "latest from ", "related to ")
_INLINE_HEADINGS = ("read more", "also read", "read also", "see also", "related", "recommended",
                    "more from", "must read", "don't miss", "watch")
_SHARE = frozenset(
    """share|share this|share this article|share this story|share this post|share article|
    share on facebook|share on twitter|share via email|tweet|email|print|facebook|twitter|
    whatsapp|linkedin|pinterest|reddit|telegram|copy link|link copied|back to top|
    back to top button|scroll to top|show more|show less|load more|see more|view more|read less|
    view comments|comments|skip to content|skip to main content|menu|search|home|subscribe|
    sign up|log in|login|sign in|register|follow us|newsletter|continue reading|
    listen to this article|print this page|email this|save|bookmark|next article|
    previous article|next post|previous post|next story|previous story|share this page""".replace(
        "\n", "").replace("    ", "").split("|")
)
_SHARE_PREFIXES = ("share this", "share on ", "share:", "click to share", "click to email",
                   "click to print", "follow us on", "follow us:", "sign up for our",
                   "sign up for the", "sign up to our", "sign up to receive", "subscribe to our",
                   "subscribe to the", "subscribe for", "subscribe now", "get our newsletter",
                   "join our newsletter", "download our app", "download the app", "get the app",
                   "click here to", "tap here to", "back to top", "like us on", "find us on",
                   "connect with us", "join our telegram", "join our whatsapp",
                   "follow our", "get the latest news", "never miss a story")
_SOCIAL = frozenset(
    "facebook twitter x whatsapp linkedin pinterest reddit telegram email e-mail print share "
    "tweet copy link messenger tumblr flipboard pocket sms instagram youtube tiktok threads "
    "mastodon bluesky gmail".split()
)
_ADVERT = frozenset(
    """advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|
    promoted|promoted content|story continues below advertisement|
    article continues below advertisement|continue reading below|
    scroll to continue with content|content continues below|partner content|
    article continues below|story continues below""".replace("\n", "").replace("    ", "")
    .split("|")
)
_COMMENT_PHRASES = ("your email address will not be published", "required fields are marked",
                    "save my name, email, and website", "save my name, email and website",
                    "notify me of follow-up comments", "notify me of new posts",
                    "notify me of new comments", "you must be logged in to post",
                    "comments are closed", "post comment", "cancel reply", "leave a reply",
                    "leave a comment", "add a comment", "post a comment", "submit comment")
_COMMENT_START = ("leave a reply", "leave a comment", "post a comment", "add a comment")
# every comment-form phrase contains one of these words
_COMMENT_HINTS = ("comment", "reply", "email", "notify", "logged", "required")
assert all(any(h in p for h in _COMMENT_HINTS) for p in _COMMENT_PHRASES)
_TAG_PREFIXES = ("tags:", "tag:", "topics:", "filed under", "categories:", "category:",
                 "posted in ", "keywords:")
_CREDIT_START = re.compile(
    r"(?:(?:photo|image|picture|pic|video|graphic|illustration|featured image|cover image"
    r"|top image|header image|lead image)s?(?: credits?| source| courtesy)?\s?[:|]"
    r"|credits?\s?:|(?:photo|image|picture)s? (?:by|via|courtesy)\s|file (?:photo|image|picture)\b)",
    re.IGNORECASE,
)
_CREDIT_WORDS = ("photo", "image", "picture", "credit", "getty", "shutterstock", "courtesy", "/",
                 "file pic", "pic:", "alamy", "istock")
_AGENCY_SLASH = re.compile(
    r"\b(?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|XINHUA|Xinhua|Getty Images|ANI|PTI|IANS|Bloomberg"
    r"|SPUTNIK|Sputnik|TASS|UPI|AP Photo|Reuters Photo) ?/ ?[A-Z][^/\n]*$"
)
_TAIL_CREDIT = re.compile(
    r"(?:^|\s)(?:Photo|Image|Picture|Photograph|Credit|PHOTO|IMAGE|CREDIT)s?(?: credit)? ?: ?"
    r"[^:.!?\n]*$"
)
_GREETING = re.compile(r"(?:hey|hi|hello)[ ,]+(?:guys|everyone|there|folks|friends|readers|all)\b",
                       re.IGNORECASE)
_BLURB_PHRASES = ("content writer", "passionate writer", "passionate blogger",
                  "passionate content", "i love to write", "i love writing", "i am a blogger",
                  "i'm a blogger", "i am a freelance", "i'm a freelance")
_BLURB_HINTS = ("writ", "blogger", "freelance", "passionate")  # one is in every blurb phrase
assert all(any(h in p for h in _BLURB_HINTS) for p in _BLURB_PHRASES)
_ROLES = frozenset(
    "reporter writer journalist correspondent editor columnist contributor producer blogger "
    "author intern fellow photographer photojournalist".split()
)
_CREDIT_LINE = re.compile(
    r"\(?(?:additional |extra )?(?:reporting|writing|editing|edited|compiled|written|produced"
    r"|research|graphics|fact-checking|reported) by\b",
    re.IGNORECASE,
)
_BYLINE_START = re.compile(r"(?:By|BY|Written by|Posted by|Story by|Words by|Author:)\s+(?=[A-Z])")
_BYLINE_OK = frozenset(
    "and of the in for at de van von al bin la le da del der di du et staff correspondent "
    "correspondents reporter reporters writer writers editor contributor updated published "
    "on am pm a.m. p.m. ist gmt est edt utc".split()
)
# the first token _social_only would split off ("|", "·", "•" and "/" separate tokens too)
_FIRST_TOKEN = re.compile(r"[^\s|·•/]+")
_SIGNOFF = frozenset("reuter reuters afp ap upi tass xinhua dpa ians pti ani".split())


def find_junk(text: str) -> list[Region]:
    """Regions of page furniture in ``text``, sorted and non-overlapping, each whole lines."""
    lines = [(start, end) for start, end, _ in nonblank_lines(text)]
    n = len(lines)
    # each line's text, normalised form and word count, worked out once: the rules share them
    texts = [text[s:e] for s, e in lines]
    lows = [_norm(line) for line in texts]
    counts = [len(line.split()) for line in texts]
    junk: list[Region] = []
    i = 0
    while i < n:
        s, e = lines[i]
        line, low, words = texts[i], lows[i], counts[i]
        if _is_comment_start(low) and s >= len(text) // 2:
            junk.append(Region(s, lines[-1][1], "comment-form"))
            break
        if _is_heading(low):
            j = i + 1
            last = e
            while j < n and _is_list_item(text, lines[j]):
                last = lines[j][1]
                j += 1
            junk.append(Region(s, last, "related-links"))
            i = j
            continue
        reason = _line_reason(line, low, words, lows[i - 1] if i else "", i >= n - 3)
        if reason is None and i + 1 < n and words >= 4 and not _ends_terminal(line):
            nxt = texts[i + 1]
            if _caption(nxt, counts[i + 1]) and _same_opening(line, nxt):
                reason = "caption"
        if reason is not None and not _continues(text, lines, i, reason):
            junk.append(Region(s, e, reason))
        i += 1
    return _with_trailing(text, lines, junk)


def _norm(line: str) -> str:
    low = " ".join(line.lower().replace("’", "'").split())
    return low.strip(_EDGE_PUNCT)


def _ends_terminal(line: str) -> bool:
    i = len(line) - 1
    while i > 0 and line[i] in _CLOSERS and len(line) - i < 5:
        i -= 1
    return line[i] in _TERMINAL


def _words(line: str) -> int:
    return len(line.split())


def _is_heading(low: str) -> bool:
    if low in _HEADINGS:
        return True
    return low.startswith(_HEADING_PREFIXES) and _words(low) <= 6


def _is_comment_start(low: str) -> bool:
    return low.startswith(_COMMENT_START) and _words(low) <= 6


def _is_list_item(text: str, span: tuple[int, int]) -> bool:
    line = text[span[0]:span[1]]
    first = line[0]
    if first in _BULLETS and (len(line) == 1 or line[1].isspace()):
        return True
    if _NUMBERED.match(line):
        return True
    low = _norm(line)
    if low in _SHARE or low in _ADVERT or _is_heading(low):
        return True
    words = _words(line)
    if not _ends_terminal(line):
        return words <= 20
    return line[-1] in "?!" and words <= 15


def _line_reason(line: str, low: str, words: int, prev_low: str, near_end: bool) -> str | None:
    """Why one line is page furniture, or None; ``prev_low`` is the line before, normalised."""
    if not low:
        return None
    if low in _ADVERT:
        return "advertisement"
    if low in _SHARE or (words <= 25 and low.startswith(_SHARE_PREFIXES)) or _social_only(low):
        return "share"
    if words <= 25 and low.startswith(_INLINE_HEADINGS) and any(
            low.startswith(h) and low[len(h):len(h) + 1] in (":", "|", "»", "›") for h in _INLINE_HEADINGS):
        return "related-links"
    if low.startswith(_TAG_PREFIXES) and words <= 30:
        return "tags"
    if (low.startswith(("©", "(c) ", "copyright")) and words <= 40) or (
            words <= 25 and "all rights reserved" in low):
        return "copyright"
    if words <= 40 and _has_phrase(low, _COMMENT_PHRASES, _COMMENT_HINTS):
        return "comment-form"
    if _caption(line, words):
        return "caption"
    if _blurb(low, words) or (near_end and words <= 60 and _reporter_blurb(line)):
        return "author-blurb"
    if prev_low in ("about the author", "about author"):
        return "author-blurb"
    if low in ("about the author", "about author"):
        return "author-blurb"
    if _byline(line):
        return "byline"
    return None


def _continues(text: str, lines: list[tuple[int, int]], i: int, reason: str) -> bool:
    """A line that runs on into a lowercase next line is part of a wrapped sentence."""
    if reason in ("caption", "comment-form") or i + 1 >= len(lines):
        return False
    s, e = lines[i]
    nxt = lines[i + 1][0]
    return text[nxt].islower() and "\n\n" not in text[e:nxt].replace("\r", "")


def _social_only(low: str) -> bool:
    first = _FIRST_TOKEN.search(low)  # prose fails on its first word, before splitting the line
    if first is None or first.group() not in _SOCIAL:
        return False
    tokens = low.replace("|", " ").replace("·", " ").replace("•", " ").replace("/", " ").split()
    return bool(tokens) and all(t in _SOCIAL for t in tokens) and len(tokens) >= 2


def _has_phrase(low: str, phrases: tuple[str, ...], hints: tuple[str, ...]) -> bool:
    """Does ``low`` contain one of ``phrases``? Each phrase holds a hint, so most lines stop early."""
    for hint in hints:
        if hint in low:
            return any(p in low for p in phrases)
    return False


def _caption(line: str, words: int | None = None) -> bool:
    if words is None:
        words = _words(line)
    if words > 40:
        return False
    if _CREDIT_START.match(line) and words <= 30:
        return True
    stripped = line.rstrip(" .")
    if stripped.endswith(")"):
        open_at = stripped.rfind("(")
        if open_at >= 0 and _credit_words(stripped[open_at:]):
            return True
    if line.startswith("("):
        close_at = line.find(")")
        if close_at > 0 and _credit_words(line[:close_at + 1]):
            return True
    m = _AGENCY_SLASH.search(line) if "/" in line else None  # both patterns need their mark
    if m and _words(m.group()) <= 6 and not _ends_terminal(line):
        return True
    m = _TAIL_CREDIT.search(line) if ":" in line else None
    return bool(m) and m.start() > 0 and _words(m.group()) <= 8


def _credit_words(paren: str) -> bool:
    low = paren.lower()
    return any(w in low for w in _CREDIT_WORDS) and _words(paren) <= 10


def _same_opening(a: str, b: str) -> bool:
    """Alt text repeated above its caption starts with the same two words."""
    wa = [w.strip(",.:;()").lower() for w in a.split()[:2]]
    wb = [w.strip(",.:;()").lower() for w in b.split()[:2]]
    return len(wa) == 2 and wa == wb


def _blurb(low: str, words: int) -> bool:
    if words > 80:
        return False
    return bool(_GREETING.match(low)) or _has_phrase(low, _BLURB_PHRASES, _BLURB_HINTS)


def _reporter_blurb(line: str) -> bool:
    """'Jane Roe is a senior reporter at ...' — the writer's bio at the foot of a page."""
    tokens = line.split()
    if len(tokens) > 60:
        return False
    for k, token in enumerate(tokens[:6]):
        if token in ("is", "was"):
            if k == 0 or not all(t[0].isupper() for t in tokens[:k]):
                return False
            if k + 1 < len(tokens) and tokens[k + 1] in ("a", "an", "the"):
                return any(t.strip(",.;:").lower() in _ROLES for t in tokens[k + 2:k + 7])
            return False
    return False


def _byline(line: str) -> bool:
    if _CREDIT_LINE.match(line):
        return _words(line) <= 50
    m = _BYLINE_START.match(line)
    if not m:
        return False
    rest = line[m.end():].split()
    if not rest or len(rest) > 14:
        return False
    for token in rest:
        w = token.strip(",;|·•-–—()[]")
        if not w or w[0].isupper() or w[0].isdigit() or w.lower() in _BYLINE_OK:
            continue
        return False
    return True


def _with_trailing(text: str, lines: list[tuple[int, int]], junk: list[Region]) -> list[Region]:
    """Lone tag words or an agency sign-off after the last line of prose are junk too."""
    extra: list[Region] = []
    k = len(junk) - 1
    for s, e in reversed(lines):
        while k >= 0 and junk[k].start > s:
            k -= 1
        if k >= 0 and junk[k].start <= s < junk[k].end:
            continue
        line = text[s:e]
        if _ends_terminal(line):
            break
        tokens = line.replace(",", " ").split()
        if not tokens or len(tokens) > 3:
            break
        if not all(len(t) <= 30 and t.replace("-", "").replace("&", "").isalpha() for t in tokens):
            break
        reason = "signoff" if line.lower() in _SIGNOFF else "category"
        extra.append(Region(s, e, reason))
    if not extra:
        return junk
    return sorted(junk + extra, key=lambda r: r.start)


__all__ = ["find_junk"]
