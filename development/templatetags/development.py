from django import template

from ..selectors import overdue_actions_for_user

register = template.Library()


@register.inclusion_tag("development/_my_overdue_actions.html", takes_context=True)
def my_overdue_actions(context):
    """The signed-in user's overdue actions of a school's plan, for their home page."""
    user = context["request"].user
    return {"actions": overdue_actions_for_user(user) if user.is_authenticated else []}
