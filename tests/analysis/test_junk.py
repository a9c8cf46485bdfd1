"""Page-junk detection: each kind of page furniture, prose that must survive, robustness."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factkit.analysis.junk import find_junk
from factkit.analysis.model import Region

BODY = (
    "Norway and Peru signed a fisheries agreement in Oslo on Tuesday, officials said.\n"
    "The deal caps anchovy catches for five years and sets up a joint monitoring board.\n"
)


def junk_lines(text: str) -> list[str]:
    """Every non-blank line that lies inside a junk region."""
    regions = find_junk(text)
    out = []
    pos = 0
    for raw in text.splitlines(True):
        line = raw.strip()
        start = pos + raw.index(line[0]) if line else pos
        if line and any(r.start <= start < r.end for r in regions):
            out.append(line)
        pos += len(raw)
    return out


def reasons(text: str) -> dict[str, str]:
    return {text[r.start:r.end]: r.reason for r in find_junk(text)}


def check_invariants(text: str, regions: list[Region]) -> None:
    previous_end = 0
    for r in regions:
        assert 0 <= r.start < r.end <= len(text)
        assert r.start >= previous_end
        assert text[r.start:r.end] == text[r.start:r.end].strip()
        assert isinstance(r.reason, str) and r.reason
        previous_end = r.end


def test_plain_article_has_no_junk() -> None:
    assert find_junk(BODY) == []


def test_link_list_after_heading() -> None:
    text = BODY + (
        "You might also like\n"
        "- Chile raises copper royalties for large miners.\n"
        "- Floods close ports along the Baltic coast.\n"
        "\u2022 Ecuador names new central bank chief\n"
    )
    assert junk_lines(text) == [
        "You might also like",
        "- Chile raises copper royalties for large miners.",
        "- Floods close ports along the Baltic coast.",
        "\u2022 Ecuador names new central bank chief",
    ]
    assert find_junk(text)[0].reason == "related-links"


def test_title_list_ends_where_prose_resumes() -> None:
    text = (
        "Related Articles\n"
        "Chile Raises Copper Royalties\n"
        "Floods close Baltic ports\n"
        + BODY
    )
    assert junk_lines(text) == ["Related Articles", "Chile Raises Copper Royalties",
                                "Floods close Baltic ports"]


def test_more_from_and_trending_headings() -> None:
    assert junk_lines(BODY + "More from Business\n* Oil dips on demand worries\n") == [
        "More from Business", "* Oil dips on demand worries"]
    assert junk_lines(BODY + "Trending\n1. Storm hits Lisbon\n") == ["Trending", "1. Storm hits Lisbon"]


def test_inline_read_more_line() -> None:
    text = "Norway signed the deal on Tuesday.\nREAD MORE: Peru fishing fleet returns to port\n" + BODY
    assert junk_lines(text) == ["READ MORE: Peru fishing fleet returns to port"]


def test_credits_and_photo_captions() -> None:
    text = (
        "Credits: Harbour Daily\n"
        + BODY
        + "Trade ministers Ola Berg and Rosa Quispe (Credits: Andes Wire)\n"
        + "The ministers shake hands after signing. (Photo: Kari Lund/Nordic Press)\n"
        + "Fishing boats in Callao harbour. Photo: Andes Wire\n"
        + "File photo of the Oslo fish market\n"
        + "Minister Ola Berg speaks in Oslo, Norway, May 4, 2023. REUTERS/Kari Lund\n"
        + "The deal was welcomed by fishing unions in both countries.\n"
    )
    assert junk_lines(text) == [
        "Credits: Harbour Daily",
        "Trade ministers Ola Berg and Rosa Quispe (Credits: Andes Wire)",
        "The ministers shake hands after signing. (Photo: Kari Lund/Nordic Press)",
        "Fishing boats in Callao harbour. Photo: Andes Wire",
        "File photo of the Oslo fish market",
        "Minister Ola Berg speaks in Oslo, Norway, May 4, 2023. REUTERS/Kari Lund",
    ]
    assert set(reasons(text).values()) == {"caption"}


def test_alt_text_repeated_above_caption() -> None:
    text = (
        "Minister Ola Berg speaks to reporters at the harbour in Oslo\n"
        "Minister Ola Berg (L) speaks to reporters at the harbour in Oslo. REUTERS/Kari Lund\n"
        + BODY
    )
    assert len(junk_lines(text)) == 2


def test_prose_about_photos_is_kept() -> None:
    text = ("The photo shows the minister shaking hands with protesters.\n"
            "Photographers waited outside the ministry for hours.\n")
    assert find_junk(text) == []


def test_author_blurbs() -> None:
    text = BODY + "Hi everyone, I am a passionate blogger and freelance content writer who loves politics. Cheers.\n"
    assert reasons(text) == {
        "Hi everyone, I am a passionate blogger and freelance content writer who loves politics. Cheers.": "author-blurb"}
    text = BODY + "About the author\nLena Vik writes about fisheries and the sea.\n"
    assert junk_lines(text) == ["About the author", "Lena Vik writes about fisheries and the sea."]
    text = BODY + "Lena Vik is a senior reporter at the Harbour Daily covering trade.\n"
    assert junk_lines(text) == ["Lena Vik is a senior reporter at the Harbour Daily covering trade."]


def test_reporter_sentence_in_the_body_is_kept() -> None:
    text = (
        "Lena Vik is a reporter at the Harbour Daily who was detained in March.\n"
        "Her editors said she was released on Friday after talks with officials.\n"
        "The foreign ministry confirmed her release in a statement.\n"
        "Press freedom groups welcomed the news but urged further reforms.\n"
    )
    assert find_junk(text) == []


def test_comment_form_and_everything_after_leave_a_reply() -> None:
    text = BODY + BODY + (
        "Leave a Reply\n"
        "Great article, thanks for the update on the fishing deal.\n"
        "Your email address will not be published. Required fields are marked *\n"
        "Post Comment\n"
    )
    regions = find_junk(text)
    assert len(regions) == 1 and regions[0].reason == "comment-form"
    assert text[regions[0].start:regions[0].end].startswith("Leave a Reply")
    assert text[regions[0].start:regions[0].end].endswith("Post Comment")


def test_comment_form_lines_alone() -> None:
    text = "Your email address will not be published.\n" + BODY
    assert junk_lines(text) == ["Your email address will not be published."]


def test_share_subscribe_and_navigation_lines() -> None:
    furniture = [
        "Share this:",
        "Click to share on Twitter (Opens in new window)",
        "Follow us on Twitter and Facebook",
        "Sign up for our newsletter to get the day's top stories in your inbox.",
        "Back to top",
        "Facebook Twitter WhatsApp Email",
        "Advertisement",
        "\u00a9 2024 Harbour Media Group. All rights reserved.",
    ]
    text = BODY + "\n".join(furniture) + "\n" + BODY
    assert junk_lines(text) == furniture


def test_bylines_and_credit_lines() -> None:
    lines = ["By Lena Vik", "By Lena Vik and Tomas Ruiz, Harbour Wire",
             "Reporting by Lena Vik in Oslo; Editing by Tomas Ruiz"]
    text = lines[0] + "\n" + lines[1] + "\n" + BODY + lines[2] + "\n"
    assert junk_lines(text) == lines
    assert set(reasons(text).values()) == {"byline"}


def test_by_starting_prose_is_not_a_byline() -> None:
    text = ("By Friday, the ministers had agreed to a deal.\n"
            "By 45 to 3, the committee backed the proposal on Monday.\n")
    assert find_junk(text) == []


def test_wrapped_wire_line_starting_with_by_is_kept() -> None:
    text = ("    By Monday Norway and Peru\n"
            "had agreed to extend the talks, delegates said.\n")
    assert find_junk(text) == []


def test_trailing_category_word_and_signoff() -> None:
    assert junk_lines(BODY + "politics\n") == ["politics"]
    assert junk_lines(BODY + " Reuter\n") == ["Reuter"]
    assert reasons(BODY + " REUTER\n") == {"REUTER": "signoff"}


def test_short_line_in_the_middle_is_kept() -> None:
    text = "Norway signed the deal.\neconomy\n" + BODY
    assert find_junk(text) == []


def test_regions_cover_whole_lines() -> None:
    text = BODY + "  Advertisement  \r\n" + BODY
    (region,) = find_junk(text)
    assert text[region.start:region.end] == "Advertisement"


# -- robustness -----------------------------------------------------------------

PAGEY = st.lists(
    st.sampled_from([
        "You might also like", "Related", "- item", "\u2022 x", "Credits: A", "(Photo: B)",
        "By Lena Vik", "Leave a Reply", "politics", "Reuter", "Advertisement", "Share this:",
        "The deal was signed.", "REUTERS/Ana", "Photo: X", "\n", "\n\n", " ", "\r\n", "\u2028",
        "\x00", "\u200b", "\U0001f600", "About the author", "Hey guys",
    ]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_invariants_on_arbitrary_text(text: str) -> None:
    check_invariants(text, find_junk(text))


@settings(max_examples=300, deadline=None)
@given(PAGEY)
def test_invariants_on_page_like_fragments(text: str) -> None:
    check_invariants(text, find_junk(text))


def test_adversarial_inputs_complete() -> None:
    for text in ("U.S. " * 40_000, "a" * 1_000_000, '"' * 100_000, "- x\n" * 100_000,
                 "Related\n" * 50_000, "(Photo: " * 50_000, "By A B\n" * 50_000,
                 "\n" * 200_000, "REUTERS/" * 50_000):
        check_invariants(text, find_junk(text))
