"""The catalogue's filter and a school's application for an edition."""

from django import forms
from django.db.models import Case, Q, Value, When
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from organisations.access import user_memberships
from organisations.models import Membership, Organisation, TeamMembership

from ..models import (
    Programme,
    Question,
)


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    audience = forms.ChoiceField(
        label=_("Audience"),
        required=False,
        choices=[("", _("all audiences")), *Programme.Audience.choices],
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    month = forms.ChoiceField(label=_("Month"), required=False)
    place = forms.ChoiceField(label=_("Place"), required=False)

    def __init__(self, *args, themes, months, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("all themes"))] + [(t, t) for t in themes]
        self.fields["month"].choices = [("", _("all months"))] + months
        self.fields["place"].choices = [("", _("all places"))] + [(p, p) for p in places]


def _people_choices(user, memberships):
    """Colleagues a person may register with them: everyone at the schools they manage
    (including the schools of a community they lead), and the leaders of the other schools of
    their community (a leaders' learning group). Leaders first, then the rest by name."""
    managed = [m.organisation for m in memberships if m.can_manage]
    community_ids = {o.pk for o in managed if o.kind == Organisation.Kind.COMMUNITY}
    community_ids |= {o.parent_id for o in managed if o.kind == Organisation.Kind.SCHOOL}
    community_ids.discard(None)
    school_ids = {o.pk for o in managed if o.kind == Organisation.Kind.SCHOOL}
    led = [o.pk for o in managed if o.kind == Organisation.Kind.COMMUNITY]
    everyone_at = Q(organisation_id__in=school_ids) | Q(organisation__parent_id__in=led)
    leaders_at = Q(organisation__parent_id__in=community_ids) & Q(
        role__in=Membership.MANAGING_ROLES
    )
    leaders_first = Case(When(role__in=Membership.MANAGING_ROLES, then=Value(0)), default=Value(1))
    # The same people, but PostgreSQL can only use the memberships' organisation index
    # when a condition names their organisations (the OR above spans the joined table).
    schools = Organisation.objects.filter(
        Q(pk__in=school_ids) | Q(parent_id__in=community_ids) | Q(parent_id__in=led)
    )
    return (
        Membership.objects.filter(organisation__in=schools)
        .filter(everyone_at | leaders_at, is_active=True)
        .exclude(user=user)
        .select_related("user", "organisation")
        .order_by(leaders_first, "organisation__name", "user__last_name", "user__first_name")
    )


class ApplicationForm(forms.Form):
    """The provider's own questions, plus the school and (for leaders) the colleagues to
    register with them. Required answers are checked by the service, which names the question."""

    school = forms.ModelChoiceField(
        label=_("Your school"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    colleagues = forms.ModelMultipleChoiceField(
        label=_("Register colleagues with you (one application for the whole group)"),
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # An opt-out rather than a ticked box: a form sent without it keeps the applicant in.
    leave_me_out = forms.BooleanField(
        label=_("Register only the colleagues I chose, not myself"),
        required=False,
        help_text=_("For example when you set up a learning group you do not join yourself."),
    )

    def __init__(self, *args, user, questions, with_colleagues=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        memberships = user_memberships(user)
        school = self.fields["school"]
        school.queryset = Organisation.objects.filter(
            memberships__user=user, memberships__is_active=True, kind=Organisation.Kind.SCHOOL
        )
        # Shown from the memberships the request already read (as the queryset, by name);
        # validation still goes through the queryset.
        schools = [m.organisation for m in memberships if m.organisation.is_school]
        self.has_schools = bool(schools)
        school.choices = [("", school.empty_label), *((o.pk, o.name) for o in schools)]
        if len(schools) == 1:
            school.initial = schools[0].pk
        self.fields["colleagues"].queryset = _people_choices(user, memberships)
        # The colleagues as (membership id, label), or None until the page asks for them:
        # a school has hundreds, and most applicants register only themselves.
        self.colleague_rows = self._colleague_rows() if with_colleagues else None
        self.colleague_teams = self._colleague_teams() if with_colleagues else None
        for question in questions:
            name = f"q_{question.pk}"
            label = question.text
            if question.kind == Question.Kind.CHOICE:
                choices = [("", "—"), *((c, c) for c in question.choice_list)]
                field = forms.ChoiceField(label=label, choices=choices, required=False)
            elif question.kind == Question.Kind.YES_NO:
                choices = [("yes", _("yes")), ("no", _("no"))]
                field = forms.ChoiceField(
                    label=label, choices=choices, required=False, widget=forms.RadioSelect
                )
            else:
                field = forms.CharField(
                    label=label, required=False, widget=forms.Textarea(attrs={"rows": 3})
                )
            if question.required:
                field.widget.attrs["aria-required"] = "true"
                field.label = f"{label} *"
            self.fields[name] = field

    def clean(self):
        data = super().clean()
        # Without a colleague list (most people), nobody can register others: the box is
        # not shown and the applicant always takes part.
        if not self.has_colleagues:
            data["leave_me_out"] = False
        elif data.get("leave_me_out") and not data.get("colleagues"):
            self.add_error(
                "colleagues", _("Choose the colleagues to register, or take part yourself.")
            )
        return data

    @cached_property
    def has_colleagues(self) -> bool:
        return self.fields["colleagues"].queryset.exists()

    def _colleague_rows(self) -> list[tuple[int, str]]:
        # Plain (id, label) rows that the template loops over: a school has hundreds of
        # colleagues, and a widget per person costs far more.
        roles = {value: str(label) for value, label in Membership.Role.choices}
        rows = self.fields["colleagues"].queryset.values_list(
            "pk", "user__first_name", "user__last_name", "role", "organisation__name"
        )
        return [
            (pk, f"{f'{first} {last}'.strip()} ({roles[role]}, {school})")
            for pk, first, last, role, school in rows
        ]

    def _colleague_teams(self) -> list[tuple[str, str]]:
        """The teams of the listed colleagues as (label, their membership ids separated by
        spaces), so that choosing one ticks its members."""
        rows = (
            TeamMembership.objects.filter(membership__in=self.fields["colleagues"].queryset)
            .order_by("team__organisation__name", "team__name", "membership_id")
            .values_list("team_id", "team__name", "team__organisation__name", "membership_id")
        )
        teams = {}
        for team_id, name, school, membership_id in rows:
            label, ids = teams.setdefault(team_id, (f"{name} ({school})", []))
            ids.append(str(membership_id))
        return [(label, " ".join(ids)) for label, ids in teams.values()]

    def chosen_colleagues(self) -> set[str]:
        """The membership ids ticked in the sent form, as the checkboxes' values."""
        return {str(value) for value in self["colleagues"].value() or []}

    def people(self, user) -> list:
        """The people of the application: the applicant (unless they left themselves out)
        and the chosen colleagues."""
        me = [] if self.cleaned_data.get("leave_me_out") else [user]
        return [*me, *(m.user for m in self.cleaned_data["colleagues"])]

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"q_{q.pk}") or "" for q in self.questions}
