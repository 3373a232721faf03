"""The public pages behind a stakeholder group's token link (no account needed): sending a
contribution and, later, spreading points over the themes. Nothing about the visitor is
stored; the rate limit counts requests per link."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from core.ratelimit import allow

from .. import services
from ..access import get_group_by_token
from ..forms import ContributionForm
from ..models import VisionProcess

Phase = VisionProcess.Phase
# Sends per link per minute: enough for a parents' evening with a QR code on the screen,
# too few to flood a school with texts.
SENDS_PER_MINUTE = 30


def _limited(request, group, context):
    if allow("vision-link", group.token, limit=SENDS_PER_MINUTE):
        return None
    context["limited"] = True
    return render(request, "vision/public_closed.html", context, status=429)


def _context(group):
    process = group.process
    return {"group": group, "process": process, "school": process.organisation}


def contribute(request, token):
    group = get_group_by_token(token)
    context = _context(group)
    if group.process.phase != Phase.COLLECT:
        return render(
            request,
            "vision/public_closed.html",
            context,
            status=410 if request.method == "POST" else 200,
        )
    form = ContributionForm(request.POST or None)
    if request.method == "POST":
        if response := _limited(request, group, context):
            return response
        if form.is_valid():
            try:
                services.contribution_add(group=group, text=form.cleaned_data["text"])
            except LeerkringError as error:
                form.add_error("text", error.message)
            else:
                return redirect("vision:thanks", token=token)
    context["form"] = form
    return render(request, "vision/contribute.html", context, status=400 if form.errors else 200)


def thanks(request, token):
    group = get_group_by_token(token)
    return render(request, "vision/thanks.html", _context(group))


def _spread_raw(request, themes):
    return {theme.pk: request.POST.get(f"t-{theme.pk}", "") for theme in themes}


def _fields(themes, raw):
    return [
        {"theme": theme, "name": f"t-{theme.pk}", "value": raw.get(theme.pk, "")}
        for theme in themes
    ]


def _total(raw) -> int | None:
    try:
        return sum(int(value) for value in raw.values() if str(value).strip())
    except ValueError:
        return None


def prioritise(request, token):
    group = get_group_by_token(token)
    context = _context(group)
    process = group.process
    if process.phase != Phase.PRIORITISE:
        return render(
            request,
            "vision/public_closed.html",
            context,
            status=410 if request.method == "POST" else 200,
        )
    themes = list(process.themes.order_by("name", "pk"))
    raw = _spread_raw(request, themes) if request.method == "POST" else {}
    error = None
    if request.method == "POST":
        if response := _limited(request, group, context):
            return response
        try:
            services.points_submit(group=group, spread=services.parse_spread(raw))
        except LeerkringError as problem:
            error = problem.message
        else:
            return redirect("vision:points_thanks", token=token)
    context.update({"fields": _fields(themes, raw), "total": _total(raw) or 0, "error": error})
    return render(request, "vision/prioritise.html", context, status=400 if error else 200)


@require_POST
def points_total(request, token):
    """The live total while a participant types (HTMX): reads the form, writes nothing."""
    group = get_group_by_token(token)
    themes = list(group.process.themes.order_by("name", "pk"))
    context = {"process": group.process, "total": _total(_spread_raw(request, themes))}
    return render(request, "vision/prioritise.html#total", context)


def points_thanks(request, token):
    group = get_group_by_token(token)
    context = _context(group) | {"points": True}
    return render(request, "vision/thanks.html", context)
