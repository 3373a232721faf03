import math

from django import template
from django.utils.formats import get_format

register = template.Library()


def decimals(value, places: int) -> str:
    """A number rounded (not cut off) to `places` decimals with the active language's
    decimal separator. Report numbers stay far below a thousand, so no grouping."""
    return f"{value:.{places}f}".replace(".", get_format("DECIMAL_SEPARATOR"))


@register.filter
def one(value):
    """A mean or score with one decimal in the active language, or a dash."""
    if value is None or value == "":
        return "–"
    return decimals(value + 0.0, 1)


@register.filter
def signed(value):
    """A difference with its sign written out (+0,4 / −0,4), never only coloured."""
    if value is None or value == "":
        return "–"
    text = decimals(abs(value), 2 if abs(value) < 0.095 else 1)
    if round(value, 2) == 0:
        return text
    return ("+" if value > 0 else "−") + text


@register.filter
def interval(change):
    if not change or change.low is None:
        return "–"
    return f"{signed(change.low)} … {signed(change.high)}"


@register.filter
def effect(change):
    if not change or change.effect is None:
        return "–"
    if math.isinf(change.effect):
        return "∞" if change.effect > 0 else "−∞"
    return decimals(change.effect, 2)


@register.filter
def width_class(pct):
    """A CSS width class (in steps of 5%) for a distribution bar: no inline styles (CSP)."""
    step = int(round((pct or 0) / 5.0)) * 5
    return f"w{max(0, min(step, 100))}"
