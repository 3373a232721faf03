"""The versions of an action plan, a school's or a person's own: the list of saves, the plan
as it was at one of them, and two of them compared. The pages are the same for both kinds of
plan; `PlanPages` says which plan and where its pages are."""

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.pagination import paginate
from organisations.access import organisation_view

from . import history
from .forms import CompareForm
from .views import _school


@dataclass
class PlanPages:
    scope: history.PlanScope
    title: str  # the plan's name in headings and breadcrumbs
    crumbs: list  # [(label, url)] before the plan
    plan_url: str
    history_url: str
    compare_url: str
    version_name: str  # the URL name of a version's page
    url_kwargs: dict

    def version_url(self, key: str) -> str:
        return reverse(self.version_name, kwargs={**self.url_kwargs, "key": key})

    def context(self, **extra) -> dict:
        return {"plans": self, **extra}


def history_page(request, pages: PlanPages):
    page = paginate(request, history.plan_versions(pages.scope))
    rows = history.version_rows(page.object_list)
    for row in rows:
        row["url"] = pages.version_url(row["key"])
        if "previous" in row:
            query = urlencode({"van": row["previous"], "tot": row["key"]})
            row["compare_url"] = f"{pages.compare_url}?{query}"
    return render(request, "development/plan_history.html", pages.context(page=page, versions=rows))


def version_page(request, pages: PlanPages, key: str):
    record, _kind = history.version_at(pages.scope, key)
    snapshot = history.plan_as_of(pages.scope, record.history_date)
    context = pages.context(record=record, snapshot=snapshot, key=key)
    return render(request, "development/plan_version.html", context)


def compare_page(request, pages: PlanPages):
    form = CompareForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Choose two versions of the plan to compare."))
        return redirect(pages.history_url)
    first, _kind = history.version_at(pages.scope, form.cleaned_data["van"])
    second, _kind = history.version_at(pages.scope, form.cleaned_data["tot"])
    if first.history_date == second.history_date:
        messages.error(request, _("Choose two different versions of the plan."))
        return redirect(pages.history_url)
    older, newer = sorted((first, second), key=lambda record: record.history_date)
    before = history.plan_as_of(pages.scope, older.history_date)
    after = history.plan_as_of(pages.scope, newer.history_date)
    context = pages.context(
        older=older,
        newer=newer,
        before=before,
        after=after,
        diffs=history.plan_compare(before, after),
    )
    return render(request, "development/plan_compare.html", context)


def _school_pages(request) -> PlanPages:
    school = _school(request)
    slug = {"slug": school.slug}
    return PlanPages(
        scope=history.PlanScope(organisation_id=school.pk),
        title=_("Action plan"),
        crumbs=[(school.name, reverse("organisations:overview", kwargs=slug))],
        plan_url=reverse("development:plan", kwargs=slug),
        history_url=reverse("development:plan_history", kwargs=slug),
        compare_url=reverse("development:plan_compare", kwargs=slug),
        version_name="development:plan_version",
        url_kwargs=slug,
    )


# The school's plan: the same readers as the plan page (its leaders and administrators).


@organisation_view(manage=True)
def plan_history(request):
    return history_page(request, _school_pages(request))


@organisation_view(manage=True)
def plan_version(request, key):
    return version_page(request, _school_pages(request), key)


@organisation_view(manage=True)
def plan_compare(request):
    return compare_page(request, _school_pages(request))
