"""Numbers formatted for people: 124.83 bn yuan, +9.1%, 3,216 mu."""

from __future__ import annotations

_UNIT_WORDS = {"CNY": "yuan", "USD": "US$", "count": "", "percent": "%", "pp": "pp", "ug/m3": "µg/m³", "m2": "m²", "km2": "km²",
               "CNY/m2": "yuan/m²", "year": "years", "month": "months", "day": "days"}


def unit_label(unit: str | None) -> str:
    return _UNIT_WORDS.get(unit or "", unit or "")


def format_value(value: float | None, unit: str | None, kind: str | None = None, approx: str | None = None) -> str:
    if value is None:
        return ""
    sign = "+" if kind == "change" and value > 0 else ""
    prefix = {"~": "≈", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}.get(approx or "=", "")
    if unit in ("percent",):
        return f"{prefix}{sign}{value:,.4g}%"
    if unit == "pp":
        return f"{prefix}{sign}{value:,.4g} pp"
    magnitude = abs(value)
    if magnitude >= 1e12:
        number = f"{value / 1e12:,.2f} tn"
    elif magnitude >= 1e9:
        number = f"{value / 1e9:,.2f} bn"
    elif magnitude >= 1e6:
        number = f"{value / 1e6:,.2f} m"
    elif float(value).is_integer():
        number = f"{value:,.0f}"
    else:
        number = f"{value:,.4g}"
    label = unit_label(unit)
    if unit == "USD":
        return f"{prefix}{sign}US${number}"
    return f"{prefix}{sign}{number}" + (f" {label}" if label else "")
