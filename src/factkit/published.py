"""Publication dates as they come from corpora: ISO strings, and whatever feeds and pages write.

ISO ``YYYY-MM-DD`` (with or without a time) is read directly. Anything else
("Sat, 17 Feb 2024 10:00:00 GMT" from an RSS feed, "17 February 2024" from a
page) goes to dateparser, built once and limited to absolute dates: a
publication date must name its day, month and year, so "yesterday", "March 1"
and "2024" are errors, and so is "03/04/2024", whose day and month cannot be
told apart.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Union

from .errors import InputError

PublishedLike = Union[date, datetime, str, None]

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_NUMERIC = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{4}\s*")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from dateparser.date import DateDataParser  # slow to import: only when a non-ISO date appears

    return DateDataParser(languages=["en"], settings={
        "PARSERS": ["custom-formats", "absolute-time"],
        "STRICT_PARSING": True,  # day, month and year must all be written
        "RETURN_AS_TIMEZONE_AWARE": False,
    })


def _ambiguous(text: str) -> bool:
    match = _NUMERIC.fullmatch(text)
    return bool(match) and int(match[1]) <= 12 and int(match[2]) <= 12 and match[1] != match[2]


def parse_published(value: PublishedLike) -> date | None:
    """The publication date as a ``date``; ``None`` for no date; :class:`InputError` if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"invalid publication date {value!r}: expected a date or a string")
    iso = _ISO.match(value.strip())
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            raise InputError(f"invalid publication date {value!r}: no such day") from None
    if len(value) <= 100 and not _ambiguous(value):
        found = _parser().get_date_data(value.strip()).date_obj
        if found is not None:
            return found.date()
    raise InputError(f"invalid publication date {value!r}: expected YYYY-MM-DD or a full date "
                     "such as '17 February 2024'")
