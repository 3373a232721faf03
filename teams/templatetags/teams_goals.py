from django import template

from ..charts import value_text

register = template.Library()


@register.simple_tag
def goal_value(value, unit=""):
    """A goal's value as text, with its unit: "45,5%", "12 leerlingen"."""
    return value_text(value, unit)
