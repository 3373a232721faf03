from django import template
from django.utils import timezone

from ..form_html import form_as_p as _form_as_p
from ..markdown import render_markdown
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
