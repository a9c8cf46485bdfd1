"""Exceptions a caller can catch; each message names the input or plugin at fault."""

from __future__ import annotations


class FactkitError(Exception):
    """Base of every error factkit raises on purpose."""


class InputError(FactkitError, ValueError):
    """The input cannot be processed: empty text, a bad date, a malformed record."""


class UnknownExtractorError(FactkitError, ValueError):
    """``--only``/``--disable``/``extractors=`` named an extractor that is not registered."""
