"""The field checks of docs/spec.md ("Cleansing"): decimal numbers, ages and
ISO 8601 timestamps, as plain functions so that they are tested without Spark."""
import math
import re
from datetime import datetime, timedelta, timezone

_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?\Z")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


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


def timestamp(text):
    """(seconds since 1970 UTC, fraction digits without trailing zeros), or None.

    The fraction is kept as digits so that the duplicate check compares it
    exactly; a zone may only follow a time."""
    match = _TIMESTAMP.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    if zone is not None and hour is None:
        return None
    try:
        moment = datetime(int(year), int(month), int(day), tzinfo=timezone.utc)
    except ValueError:
        return None
    if hour is not None:
        h, m, s = int(hour), int(minute), int(second or 0)
        if h > 23 or m > 59 or s > 59:
            return None
        moment += timedelta(hours=h, minutes=m, seconds=s)
    if zone not in (None, "Z"):
        zone_hours, zone_minutes = int(zone[1:3]), int(zone[4:6])
        if zone_hours > 23 or zone_minutes > 59:
            return None
        offset = timedelta(hours=zone_hours, minutes=zone_minutes)
        moment = moment - offset if zone[0] == "+" else moment + offset
    whole = (moment - _EPOCH) // timedelta(seconds=1)
    return whole, (fraction or "").rstrip("0")
