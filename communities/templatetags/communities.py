from django import template
from django.utils import timezone

from ..form_html import form_as_p as _form_as_p
from ..markdown import render_markdown
from ..meeting_page_html import (
    action_items_html,
    agenda_rows_html,
    attendance_html,
    decision_items_html,
)
from ..plg_page_html import meeting_links_html
from ..product_cards import product_cards_html, reactions_html
from ..selectors_home import open_actions_for_user

register = template.Library()


@register.filter
def phase_name(plg, code):
    """The name of one of this PLG's phases, in the active language."""
    phase = plg.cycle.phase(code)
    return phase.name if phase else code


@register.filter
def markdown(text):
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def reactions(context, product):
    """The thanks and reuse buttons of a product (see `product_cards`)."""
    return reactions_html(
        product, slug=context["request"].organisation.slug, csrf_token=context["csrf_token"]
    )


@register.simple_tag(takes_context=True)
def product_cards(context, products):
    """The cards of the product search, written in one pass."""
    return product_cards_html(
        products, organisation=context["request"].organisation, csrf_token=context["csrf_token"]
    )


@register.simple_tag(takes_context=True)
def meeting_links(context, meetings, past=False):
    """The meetings of the PLG page as linked list items (see `plg_page_html`)."""
    return meeting_links_html(meetings, plg=context["plg"], past=past)


@register.simple_tag(takes_context=True)
def meeting_agenda_rows(context):
    """The agenda rows of the meeting page (see `meeting_page_html`)."""
    return agenda_rows_html(
        context["agenda"],
        plg=context["plg"],
        meeting=context["meeting"],
        can_keep=context["can_keep"],
        csrf_token=context.get("csrf_token"),
    )


@register.simple_tag(takes_context=True)
def meeting_decision_items(context):
    """The decisions of the meeting page (see `meeting_page_html`)."""
    return decision_items_html(
        context["decisions"],
        plg=context["plg"],
        meeting=context["meeting"],
        can_keep=context["can_keep"],
        csrf_token=context.get("csrf_token"),
    )


@register.simple_tag(takes_context=True)
def meeting_action_items(context):
    """The actions of the meeting page (see `meeting_page_html`)."""
    member = context["pa"].member
    return action_items_html(
        context["actions"],
        plg=context["plg"],
        can_keep=context["can_keep"],
        member_pk=member.pk if member is not None else None,
        csrf_token=context.get("csrf_token"),
    )


@register.simple_tag(takes_context=True)
def meeting_attendance(context):
    """The members with their attendance on the meeting page (see `meeting_page_html`)."""
    return attendance_html(
        context["attendance"], can_keep=context["can_keep"], taken=context["attendance_taken"]
    )


@register.simple_tag
def form_as_p(form):
    """`form.as_p` written in one pass (see `communities.form_html`)."""
    return _form_as_p(form)


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
