"""The one formatter for people: numbers, units, approximations and periods.

Pages, the CLI's tables and CSV columns all write figures through these functions, so a figure reads the
same everywhere: "124.83 bn yuan", "27 µg/m³", "2,453", "> 10 bn yuan", "+9.1%", "2021–2023 average".
Raw values stay raw in JSON.
"""

from __future__ import annotations

import re

from .model import Approx, Period

# unit code -> (prefix, suffix) around the number; a code not listed is written after the number as it is
_UNITS: dict[str, tuple[str, str]] = {
    "CNY": ("", "yuan"), "USD": ("US$", ""), "HKD": ("HK$", ""), "EUR": ("€", ""), "GBP": ("£", ""), "JPY": ("", "yen"),
    "count": ("", ""), "percent": ("", "%"), "pp": ("", "pp"), "permille": ("", "‰"),
    "ug/m3": ("", "µg/m³"), "m2": ("", "m²"), "km2": ("", "km²"), "CNY/m2": ("", "yuan/m²"),
    "ton": ("", "tons"), "tce": ("", "t of standard coal"), "year": ("", "years"), "month": ("", "months"),
    "day": ("", "days"), "minute": ("", "minutes"), "hour": ("", "hours"),
}
_SINGULAR = {"years": "year", "months": "month", "days": "day", "minutes": "minute", "hours": "hour", "tons": "ton"}
_APPROX = {"=": "", "~": "≈ ", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ "}
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

PERIOD_FORMS = "a year (2023), half (2023-H1), quarter (2023-Q2), month (2023-07) or a span (2021/2023)"


def unit_label(unit: str | None, value: float | None = None) -> str:
    """The unit as people write it: "yuan", "µg/m³", "%"; "" for a plain count."""
    if not unit:
        return ""
    if unit not in _UNITS and "/" in unit:  # a rate: each part as written, "yuan/m²/day", "yuan/person"
        top, *bottoms = unit.split("/")
        return "/".join([unit_label(top) or top] + [_SINGULAR.get(unit_label(b), unit_label(b)) or b for b in bottoms])
    prefix, suffix = _UNITS.get(unit, ("", unit))
    label = (prefix + " " + suffix).strip() if prefix and suffix else prefix or suffix
    if value is not None and abs(value) == 1:
        label = _SINGULAR.get(label, label)
    return label


def format_number(value: float, decimals: int = 2) -> str:
    """2453 -> "2,453"; 124830000000 -> "124.83 bn"; 90.30 -> "90.3"; trailing zeros dropped."""
    magnitude = abs(value)
    for size, word in _SCALES:
        if magnitude >= size:
            return f"{_trim(f'{value / size:,.{decimals}f}')} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    if magnitude >= 100:
        return _trim(f"{value:,.1f}")
    return _trim(f"{value:,.{max(decimals, 2) if magnitude >= 1 else 3}f}")


def _trim(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number


def format_value(value: float | None, unit: str | None, kind: str | None = None, approx: Approx | None = None) -> str:
    """A figure with its unit, sign (for a change) and approximation: "> 10 bn yuan", "+9.1%", "≈ 3,000"."""
    if value is None:
        return ""
    sign = "+" if kind == "change" and value > 0 else ""
    number = format_number(value)
    if unit in _UNITS and _UNITS[unit][0]:  # a currency sign goes first: US$1.5 bn
        prefix = _UNITS[unit][0]
        body = f"-{prefix}{number[1:]}" if number.startswith("-") else f"{prefix}{number}"
    elif unit in ("percent", "permille"):
        body = number + _UNITS[unit][1]
    else:
        label = unit_label(unit, value)
        body = f"{number} {label}" if label else number
    return f"{_APPROX.get(approx or '=', (approx or '') + ' ')}{sign}{body}"


def axis_label(value: float, unit: str | None) -> str:
    """A tick on a chart's value axis: short, no approximation."""
    if unit in ("percent", "permille"):
        return format_number(value) + _UNITS[unit][1]
    return format_number(value)


def _point_label(point: Period) -> tuple[str, str]:
    """The year of one point of a period and the point in words: ("2023", "H1 2023"), ("2023", "Jul 2023")."""
    year, month = point.first_month
    words = {"year": "", "half": f"H{(month + 5) // 6} ", "quarter": f"Q{(month + 2) // 3} ", "month": f"{_MONTHS[month - 1]} "}
    return str(year), words[point.granularity] + str(year)


def _period_of(period: str) -> Period | None:
    """The period a string names in the forms people give and pages show (no days), else None."""
    p = Period.parse(period)
    return p if p is not None and p.granularity != "day" else None


def period_label(period: str | None, basis: str | None = None) -> str:
    """A period code for people: "2023-H1" -> "H1 2023", "2021/2023" with basis annual_avg -> "2021–2023 average",
    "2018/2023" -> "2018–2023", "2023-01/2023-07" -> "Jan–Jul 2023". Unknown forms are returned as they are."""
    if not period:
        return ""
    p = _period_of(period)
    if p is None:
        return period
    if not p.is_span:
        return _point_label(p)[1]
    (y1, w1), (y2, w2) = _point_label(Period(p.first)), _point_label(p.last_point)
    if y1 == y2 and w1 != y1 and w2 != y2:  # within one year: Jan–Jul 2023
        span = f"{w1.rsplit(' ', 1)[0]}–{w2}"
    else:
        span = f"{w1}–{w2}"
    if basis == "annual_avg":
        return f"{span} average"
    if basis == "cumulative":
        return f"{span} in all"
    return span


PERIOD_HELP = ("Periods are written 2023 (a year), 2023-H1 (a half), 2023-Q2 (a quarter), 2023-07 (a month) and "
               "2021/2023 (a span: from 2021 to 2023, a growth over it or its yearly average, as the sentence says).")


def check_period(period: str | None, prefix: bool = True) -> str | None:
    """The period if it is one the contract writes (with ``prefix``, a year or year-half alone also filters); else ValueError."""
    if period is None or period == "":
        return None
    period = period.strip()
    if _period_of(period) is not None:
        return period
    raise ValueError(f"period {period!r} is not valid: give {PERIOD_FORMS}")


def integral(value):
    """2453.0 -> 2453 (integers as integers in JSON and CSV); other values unchanged."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def one_line(text):
    """Whitespace collapsed to single spaces (hard line breaks of the source dropped); None stays None."""
    if isinstance(text, str):
        return " ".join(text.split())
    return text
