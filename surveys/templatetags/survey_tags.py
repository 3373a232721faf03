import math

from django import template
from django.utils.formats import get_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from ..answering import UNKNOWN

register = template.Library()


def decimals(value, places: int) -> str:
    """A number rounded (not cut off) to `places` decimals with the active language's
    decimal separator. Report numbers stay far below a thousand, so no grouping; this is
    also a plain string format instead of Django's general number formatting, which a
    report calls a thousand times."""
    text = f"{value:.{places}f}"
    return text.replace(".", get_format("DECIMAL_SEPARATOR"))


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


@register.simple_tag
def scale_options(name: str, points, current: str):
    """The radio buttons of one answer scale, each with its own label. Built in one pass:
    a form of 42 statements holds some 250 of them, which as template nodes cost more than
    the rest of the page."""
    options = []
    for value, label in points:
        number = "" if value == UNKNOWN else f'<span class="scale-value">{value}</span> '
        options.append(
            f'<span class="scale-option"><input type="radio" name="{name}" id="{name}-{value}"'
            f' value="{value}"{" checked" if value == current else ""}>'
            f'<label for="{name}-{value}">{number}{conditional_escape(label)}</label></span>'
        )
    # Names and values come from the instrument's ids and numbers; labels are escaped.
    return mark_safe("".join(options))
