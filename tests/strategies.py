"""Hypothesis strategies for news-like text: the shapes the extractors look for, and the mess around them.

Articles are built from sentences in wire style (meetings, statements,
sanctions, agreements, posts, dates, datelines), page junk (share buttons,
menus, captions, links), and the oddities scraped text carries (no-break and
zero-width spaces, stray control characters, emoji, byte order marks, CRLF),
then optionally damaged at random points. Every name and sentence is invented.
"""

from __future__ import annotations

from hypothesis import strategies as st

FIRST = ["Ana", "Tomas", "Leila", "Kofi", "Mei", "Piotr", "Sara", "Jonas", "Ines", "Ravi", "Noor",
         "Emeka", "Hana", "Viktor", "Lucia", "Omar"]
LAST = ["Ruiz", "Berg", "Haddad", "Mensah", "Lin", "Nowak", "Okafor", "Keller", "Duarte", "Varga",
        "Sato", "Al-Amin", "van Dijk", "O'Neill", "Kowalczyk", "Tremblay"]
TITLES = ["Foreign Minister", "President", "Prime Minister", "Defence Secretary", "Trade Minister",
          "Secretary of State", "Mr.", "Ms.", "Dr.", "Gen.", "the country's finance minister",
          "U.N. envoy", "Chancellor"]
PLACES = ["France", "Kenya", "Brazil", "Japan", "Canada", "Geneva", "Nairobi", "Lima", "Oslo",
          "the United States", "Beijing", "the European Union", "Turkey", "Vietnam"]
ORGS = ["the European Union", "NATO", "the United Nations", "the U.S. Treasury", "the African Union",
        "the World Bank", "Reuters", "the ministry", "the Council"]
SPEECH = ["said", "told reporters", "warned", "added", "said on Tuesday", "wrote", "insisted",
          "stressed", "declared", "noted"]
DATES = ["on Monday", "last week", "March 3", "3 March 2021", "in 2019", "on 2024-02-17",
         "yesterday", "earlier this month", "next Friday", "in late May", "on Dec. 5, 2023",
         "two days ago", "the end of June", "this morning"]
TOPICS = ["trade", "fishing rights", "grain supplies", "a ceasefire", "climate finance",
          "border security", "visa rules", "nuclear energy", "debt relief"]
CLAUSES = ["talks would continue", "the deal was a turning point", "nothing had been decided",
           "the two sides remain far apart", "sanctions would be lifted soon",
           "we will not accept these terms", "the border stays open", "prices must come down"]
JUNK = ["Advertisement", "Share this article", "Follow us on X and Facebook", "Read more:",
        "HOME | WORLD | BUSINESS | SPORT", "Photo: Wire Service", "© 2024 Wire Service",
        "https://example.com/world/2024/talks-resume", "Related stories", "Sign up for our newsletter",
        "Reporting by Ana Ruiz; Editing by Tomas Berg", "1 2 3 Next »"]
ODD = ["\u00a0", "\u200b", "\u2060", "\ufeff", "\x00", "\x07", "\x1b", "\t", "\u200f", "🙂", "👍🏽",
       "\u2028", "\r", "\r\n", "\x85", "é", "مرحبا", "\ud7ff", "\U0001f1fa\U0001f1f8", "\u0301"]
QUOTES = [('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("«", "»"), ('"', ""), ("“", ""),
          ("", "”")]

names = st.builds(lambda f, l: f"{f} {l}", st.sampled_from(FIRST), st.sampled_from(LAST)) | \
    st.sampled_from(LAST)
people = st.builds(lambda t, n: f"{t} {n}", st.sampled_from(TITLES), names) | names | \
    st.sampled_from(["he", "she", "they", "the minister", "officials", "the two leaders"])
places = st.sampled_from(PLACES)
dates = st.sampled_from(DATES)
quotes = st.sampled_from(QUOTES)


@st.composite
def quotation(draw: st.DrawFn) -> str:
    """A quoted clause, sometimes with a quote inside it, sometimes left open."""
    open_, close = draw(quotes)
    body = draw(st.sampled_from(CLAUSES)).capitalize()
    if draw(st.booleans()):
        inner_open, inner_close = draw(quotes)
        body += f", {inner_open}{draw(st.sampled_from(CLAUSES))}{inner_close}"
    return f"{open_}{body},{close}"


@st.composite
def sentence(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    p, q = draw(people), draw(people)
    date = draw(dates)
    if kind == 0:
        s = f"{p} met {q} in {draw(places)} {date}"
    elif kind == 1:
        s = f"{draw(quotation())} {p} {draw(st.sampled_from(SPEECH))}"
    elif kind == 2:
        s = f"{p} {draw(st.sampled_from(SPEECH))} that {draw(st.sampled_from(CLAUSES))}"
    elif kind == 3:
        s = f"{draw(st.sampled_from(ORGS))} imposed sanctions on {draw(places)} {date}"
    elif kind == 4:
        s = f"{draw(places)} and {draw(places)} signed an agreement on {draw(st.sampled_from(TOPICS))}"
    elif kind == 5:
        s = f"According to {draw(st.sampled_from(ORGS))}, {draw(st.sampled_from(CLAUSES))}"
    elif kind == 6:
        s = f"{p} told {q} {date} that {draw(st.sampled_from(CLAUSES))}"
    elif kind == 7:
        s = f"{p} urged {draw(places)} to lift the sanctions, {draw(quotation())} {q} said"
    elif kind == 8:
        s = f"{p}, {draw(st.sampled_from(TITLES)).lower()}, will visit {draw(places)} {date}"
    else:
        s = f"{p} said {p} said {q} said {draw(st.sampled_from(CLAUSES))}"
    return s[0].upper() + s[1:] + draw(st.sampled_from([".", ".", ".", "!", "?", "", "..."]))


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from(JUNK))
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=4)))


@st.composite
def article(draw: st.DrawFn) -> str:
    """A headline, maybe a dateline, paragraphs and junk lines, joined as pages and wires do."""
    headline = f"{draw(names)} and {draw(names)} agree on {draw(st.sampled_from(TOPICS))}"
    dateline = draw(st.sampled_from(["", "GENEVA, March 14 (Wire) - ", "OSLO (Wire) – ",
                                     "NAIROBI, Kenya — "]))
    body = draw(st.lists(paragraph(), min_size=1, max_size=8))
    body[0] = dateline + body[0]
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\r\r", "\n \n"]))
    return separator.join([headline, *body])


@st.composite
def damaged(draw: st.DrawFn, text: st.SearchStrategy[str]) -> str:
    """``text`` with odd characters or arbitrary text put in at a few random places."""
    out = draw(text)
    for _ in range(draw(st.integers(0, 6))):
        where = draw(st.integers(0, len(out)))
        what = draw(st.sampled_from(ODD) | st.text(max_size=4))
        out = out[:where] + what + out[where:]
    return out


news_text = damaged(article())

__all__ = ["article", "damaged", "news_text", "paragraph", "quotation", "sentence"]
