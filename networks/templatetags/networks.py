from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with another page number (keeps the catalogue's filters)."""
    query = context["request"].GET.copy()
    query["page"] = number
    return query.urlencode()


@register.inclusion_tag("networks/_status.html")
def status_badge(application):
    return {"status": application.status, "label": application.get_status_display()}


@register.filter
def places_left(edition, free):
    """The free places of an edition in its unit: "nog 3 plaatsen", "nog 1 groepsplaats"."""
    return edition.places_left_text(max(free or 0, 0))
