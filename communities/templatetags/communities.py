from django import template
from django.urls import reverse
from django.utils import timezone

from ..markdown import render_markdown
from ..selectors_home import open_actions_for_user

register = template.Library()


@register.filter
def phase_name(plg, code):
    """The name of one of this PLG's phases, in the active language."""
    phase = plg.cycle.phase(code)
    return phase.name if phase else code


@register.simple_tag(takes_context=True)
def meeting_url(context, name, **kwargs):
    """A URL of the context's meeting in its owner's app: `communities` for a PLG's meeting,
    `consultation` for a consultation body's. Both name their meeting URLs alike, so the
    meeting sections serve either."""
    meeting = context["meeting"]
    owner = meeting.owner
    kwargs = {"slug": owner.organisation.slug, "pk": owner.pk, "meeting_pk": meeting.pk, **kwargs}
    return reverse(f"{owner._meta.app_label}:{name}", kwargs=kwargs)


@register.filter
def markdown(text):
    return render_markdown(text)


@register.filter
def has_role(roles, role):
    return role in roles


@register.inclusion_tag("communities/_my_actions.html", takes_context=True)
def my_open_actions(context):
    """The open PLG action items of the signed-in user, for their home page."""
    user = context["request"].user
    return {
        "actions": open_actions_for_user(user) if user.is_authenticated else [],
        "today": timezone.localdate(),
    }
