"""Surveys on a school leader's overview: the rounds open now, with how far answering is."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Invitation, Round


def sections(request) -> list[dict]:
    school, today = request.organisation, timezone.localdate()
    rounds = list(
        Round.objects.filter(
            survey__organisation=school, closed=False, opens_on__lte=today, closes_on__gte=today
        )
        .select_related("survey")
        .annotate(
            invited=Count("invitations"),
            completed=Count(
                "invitations", filter=Q(invitations__status=Invitation.Status.COMPLETED)
            ),
        )
        .order_by("closes_on", "pk")
    )
    items = [
        (
            _("%(survey)s: %(completed)d of %(invited)d answered, until %(date)s")
            % {
                "survey": round_.survey.title,
                "completed": round_.completed,
                "invited": round_.invited,
                "date": date_format(round_.closes_on, "j F Y"),
            },
            reverse("surveys:survey_detail", kwargs={"slug": school.slug, "pk": round_.survey_id}),
        )
        for round_ in rounds[:5]
    ]
    return [
        {
            "template": "core/_overview_card.html",
            "title": _("Surveys"),
            "figure": len(rounds),
            "summary": ngettext("round open now", "rounds open now", len(rounds)),
            "attention": False,
            "items": items,
            "url": reverse("surveys:survey_list", kwargs={"slug": school.slug}),
            "link_label": _("All surveys"),
        }
    ]
