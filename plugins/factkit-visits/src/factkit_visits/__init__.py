"""factkit-visits: a third-party extractor adding the event type ``visit``.

It shows that a fact type can be added without touching factkit: the
extractor below is registered through the ``factkit`` entry point and uses
only factkit's public API.
"""

from __future__ import annotations

from collections.abc import Callable

from factkit import Extractor, hookimpl

from .find import find_visits

__version__ = "0.1.0"
__all__ = ["find_visits", "register_extractors"]


@hookimpl
def register_extractors(register: Callable[[Extractor], None]) -> None:
    register(Extractor(
        name="visits", extract=find_visits, produces=("event:visit",),
        description="Visits and trips: visitor, host, destination, date and status."))
