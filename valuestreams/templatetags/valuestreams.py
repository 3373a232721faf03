from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import ngettext

from .. import flow

register = template.Library()


@register.filter
def duration(minutes, unit):
    """Minutes shown in the map's unit, to one decimal: "1,5 dagen"."""
    if minutes is None:
        return "–"
    value = flow.in_unit(minutes, unit)
    number = floatformat(value, "-1" if value >= 1 else "-2")
    count = 1 if value == 1 else 2
    if unit == "days":
        label = ngettext("%(n)s day", "%(n)s days", count)
    elif unit == "hours":
        label = ngettext("%(n)s hour", "%(n)s hours", count)
    else:
        label = ngettext("%(n)s minute", "%(n)s minutes", count)
    return label % {"n": number}


@register.filter
def signed_duration(minutes, unit):
    """A change in time with its sign: "−3 dagen", "+2 uren"."""
    if not minutes:
        return duration(0, unit)
    sign = "−" if minutes < 0 else "+"
    return sign + duration(abs(minutes), unit)


@register.filter
def unit_label(unit):
    """The unit's name: "dagen"."""
    from ..models import Unit

    return Unit(unit).label


@register.filter
def signed_percent(value):
    """A change in percent with its sign: "−49%", "+5%"."""
    if value is None:
        return ""
    if not value:
        return "0%"
    return f"{'−' if value < 0 else '+'}{abs(value)}%"
