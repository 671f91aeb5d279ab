"""Dates as the game writes them for players: on cards, session screens and in the news."""

from __future__ import annotations

import datetime


def day_name(when: datetime.date) -> str:
    """A date as the cards and sessions write it: '4 August 1922'."""
    return f"{when.day} {when:%B} {when.year}"


def long_date(iso: str) -> str:
    """'1922-08-04' -> '4 August 1922' (as the event cards write dates); a date the
    scenario gives only to the month or year stays so: '1929-11' -> 'November 1929'."""
    parts = iso.split("-")
    if len(parts) == 3:
        return day_name(datetime.date.fromisoformat(iso))
    if len(parts) == 2:
        return f"{datetime.date(int(parts[0]), int(parts[1]), 1):%B} {parts[0]}"
    return iso


def session_title(name: str, iso: str, before: str = " (", after: str = ")") -> str:
    """A session's name with its date: 'Twelfth Congress (17 April 1923)'; a name that gives
    its date already ('CC plenum of 1 January 1926', in any case) is not followed by it."""
    day = long_date(iso)
    return name if day.lower() in name.lower() else f"{name}{before}{day}{after}"
