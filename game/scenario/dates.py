"""Calendar values in scenario files: quarters (``1922Q2``), dates (``1923-04``, ``1923-04-17``).

Dates stay strings in YAML (the loader turns off YAML 1.1 timestamps) so that every file says
exactly what it means; these helpers turn them into comparable numbers.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from game.limits import FIRST_YEAR, LAST_YEAR

QUARTER_RE = re.compile(r"^([0-9]{4})Q([1-4])$")
DATE_RE = re.compile(r"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$")
# Days before each month's end as the game counts them to order a quarter's sessions and
# events (February always 29: the order, not the calendar); ``Date.parse`` checks the real one.
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
SEASONS = ("Winter", "Spring", "Summer", "Autumn")


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter, e.g. ``Quarter(1922, 2)`` for April-June 1922."""

    year: int
    q: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read ``YYYYQn``; raise ValueError with a readable message otherwise."""
        match = QUARTER_RE.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a quarter; write it like 1924Q1")
        return cls(_year(text, int(match.group(1))), int(match.group(2)))

    def index_from(self, start: Quarter) -> int:
        """Number of quarters from ``start`` to this one (0 for the same quarter)."""
        return (self.year - start.year) * 4 + (self.q - start.q)

    def shifted(self, quarters: int) -> Quarter:
        """This quarter moved by ``quarters`` (negative moves back)."""
        total = self.year * 4 + (self.q - 1) + quarters
        return Quarter(total // 4, total % 4 + 1)

    def __str__(self) -> str:
        return f"{self.year}Q{self.q}"

    @property
    def season(self) -> str:
        """How players read it: 'Spring 1922' for 1922Q2."""
        return f"{SEASONS[self.q - 1]} {self.year}"


@dataclass(frozen=True, order=True)
class Date:
    """A day, or a month when ``day`` is None (written ``YYYY-MM``)."""

    year: int
    month: int
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> Date:
        """Read ``YYYY-MM`` or ``YYYY-MM-DD``; raise a readable ValueError otherwise."""
        match = DATE_RE.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a date; write it like 1924-01 or 1924-01-21")
        year, month = _year(text, int(match.group(1))), int(match.group(2))
        day = int(match.group(3)) if match.group(3) else None
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r} has no month {month}")
        if day is not None and not 1 <= day <= days_in_month(year, month):
            raise ValueError(f"{text!r} has no day {day} in month {month}")
        return cls(year, month, day)

    @property
    def quarter(self) -> Quarter:
        """The quarter this date falls in."""
        return Quarter(self.year, (self.month - 1) // 3 + 1)

    @property
    def day_of_quarter(self) -> int:
        """Days since the quarter began (0-based): orders sessions and events in a turn."""
        first_month = (self.quarter.q - 1) * 3 + 1
        days = sum(DAYS_IN_MONTH[m - 1] for m in range(first_month, self.month))
        return days + (self.day or 15) - 1

    def __str__(self) -> str:
        base = f"{self.year:04d}-{self.month:02d}"
        return base if self.day is None else f"{base}-{self.day:02d}"


def days_in_month(year: int, month: int) -> int:
    """The real number of days of a month: February has 29 only in a leap year."""
    return calendar.monthrange(year, month)[1]


def _year(text: str, year: int) -> int:
    """``year`` if the game's calendar has it (``FIRST_YEAR`` to ``LAST_YEAR``)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"{text!r} is outside the years {FIRST_YEAR}-{LAST_YEAR}")
    return year


def parse_when(text: str) -> Date:
    """Read either a date or a quarter; a quarter stands for its middle day."""
    if QUARTER_RE.match(text):
        quarter = Quarter.parse(text)
        return Date(quarter.year, (quarter.q - 1) * 3 + 2, 15)
    return Date.parse(text)
