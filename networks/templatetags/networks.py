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
