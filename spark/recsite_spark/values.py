"""The field checks of docs/spec.md ("Cleansing"): decimal numbers, ages and
ISO 8601 timestamps, as plain functions so that they are tested without Spark."""
import calendar
import math
import re

_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?\Z")


def watch_seconds(text):
    """A finite decimal ≥ 0 (with -0 read as +0), or None."""
    if not _DECIMAL.match(text):
        return None
    value = float(text)
    if not math.isfinite(value) or value < 0:
        return None
    return value + 0.0


def valid_age(text):
    """Whether a non-empty age is a whole number from 0 to 120."""
    return bool(_INTEGER.match(text)) and 0 <= int(text) <= 120


def _days_since_1970(year, month, day):
    """Days from 1970-01-01 to a date of the proleptic Gregorian calendar
    (Howard Hinnant's days_from_civil)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def timestamp(text):
    """(seconds since 1970 UTC, fraction digits without trailing zeros), or None.

    The fraction is kept as digits so that the duplicate check compares it
    exactly; a zone may only follow a time."""
    match = _TIMESTAMP.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    year, month, day = int(year), int(month), int(day)
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(max(year, 1), month)[1]) or year < 1:
        return None
    clock = [int(part) for part in (hour or 0, minute or 0, second or 0)]
    if clock[0] > 23 or clock[1] > 59 or clock[2] > 59 or (zone and hour is None):
        return None
    offset = 0
    if zone and zone != "Z":
        zone_hours, zone_minutes = int(zone[1:3]), int(zone[4:6])
        if zone_hours > 23 or zone_minutes > 59:
            return None
        offset = (1 if zone[0] == "+" else -1) * (zone_hours * 3600 + zone_minutes * 60)
    seconds = _days_since_1970(year, month, day) * 86400 + clock[0] * 3600 + clock[1] * 60 + clock[2] - offset
    return seconds, (fraction or "").rstrip("0")
