from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Case, Max, Q, Value, When
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from organisations.access import user_memberships
from organisations.models import Membership, Organisation, TeamMembership

from .models import (
    Application,
    Assignment,
    Edition,
    LearningGroup,
    LiteratureItem,
    Participant,
    Programme,
    Question,
    ResearchGroup,
    Session,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _trainers(provider):
    return Membership.objects.filter(
        organisation=provider, role=Membership.Role.TRAINER, is_active=True
    ).select_related("user", "organisation")


class TrainerField(forms.ModelChoiceField):
    """A trainer shown as "Name (Organisation)"."""

    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.organisation})"


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "code",
            "title",
            "kind",
            "audience",
            "theme",
            "summary",
            "goals",
            "programme_text",
            "instruments",
            "trainer",
            "fee",
            "selection",
            "is_published",
        ]
        field_classes = {"trainer": TrainerField}

    def __init__(self, *args, provider, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.provider = provider
        self.fields["trainer"].queryset = _trainers(provider)


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = [
            "name",
            "starts_on",
            "ends_on",
            "location",
            "city",
            "room",
            "is_online",
            "what_to_bring",
            "capacity",
            "capacity_unit",
            "registration_deadline",
            "offer_days",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE, "registration_deadline": DATETIME}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        # Places unless the trainer chooses group places (a form that leaves it out too).
        self.fields["capacity_unit"].required = False
        if self.instance.pk:
            # A changed deadline goes through DeadlineForm, which keeps a record of it.
            del self.fields["registration_deadline"]

    def clean_capacity_unit(self):
        return self.cleaned_data.get("capacity_unit") or Edition.CapacityUnit.PLACES

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The edition cannot end before it starts."))
        return data


class DeadlineForm(forms.Form):
    new_deadline = forms.DateTimeField(label=_("New deadline"), widget=DATETIME)
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "kind", "choices", "required"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        if self.instance.pk is None:
            # A new question comes last; "move up" and "move down" order them afterwards.
            top = programme.questions.aggregate(top=Max("position"))["top"]
            self.instance.position = 0 if top is None else top + 1

    def clean(self):
        data = super().clean()
        if data.get("kind") == Question.Kind.CHOICE and not (data.get("choices") or "").strip():
            self.add_error("choices", _("A choice question needs at least one choice."))
        return data


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = [
            "kind",
            "title",
            "group",
            "date",
            "end_date",
            "start_time",
            "end_time",
            "location",
            "room",
            "online_link",
            "programme",
            "materials",
        ]
        widgets = {"date": DATE, "end_date": DATE, "start_time": TIME, "end_time": TIME}
        # A link typed without its scheme is a secure one.
        field_classes = {"online_link": partial(forms.URLField, assume_scheme="https")}

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.edition = edition
        self.fields["group"].queryset = edition.groups.all()
        self.fields["group"].empty_label = _("all participants")
        if self.instance.pk is None and not edition.is_online:
            # Most sessions take place where the edition does; an online one has no room.
            self.initial.setdefault("location", edition.location)
            self.initial.setdefault("room", edition.room)

    def clean(self):
        data = super().clean()
        end_date, date = data.get("end_date"), data.get("date")
        if end_date and date and end_date < date:
            self.add_error("end_date", _("The last day cannot be before the first."))
        same_day = not end_date or end_date == date
        start, end = data.get("start_time"), data.get("end_time")
        if same_day and start and end and end <= start:
            self.add_error("end_time", _("The session must end after it starts."))
        return data


class SessionSeriesForm(forms.ModelForm):
    """What each session of a series is (the dates come from core.forms.SeriesForm)."""

    class Meta:
        model = Session
        fields = ["kind", "title", "group", "end_time", "location", "room", "online_link"]
        widgets = {"end_time": TIME}
        field_classes = {"online_link": partial(forms.URLField, assume_scheme="https")}
        help_texts = {
            "title": _("Each session gets its number after the title: Training day 1, 2, …"),
        }

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.edition = edition
        self.fields["group"].queryset = edition.groups.all()
        self.fields["group"].empty_label = _("all participants")
        if not edition.is_online:
            self.initial.setdefault("location", edition.location)
            self.initial.setdefault("room", edition.room)


class LearningGroupForm(forms.ModelForm):
    class Meta:
        model = LearningGroup
        fields = ["name", "trainer"]
        field_classes = {"trainer": TrainerField}

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.edition = edition
        self.fields["trainer"].queryset = _trainers(edition.programme.provider)


class ParticipantsField(forms.ModelMultipleChoiceField):
    """Participants by id, where an id that is not a whole number in the range of the
    database's ids is no choice (rather than a query the database cannot run)."""

    def clean(self, value):
        low, high = connection.ops.integer_field_range(
            self.queryset.model._meta.pk.get_internal_type()
        )
        id_field = forms.IntegerField(min_value=max(low or 1, 1), max_value=high)
        for pk in value or []:
            try:
                id_field.clean(pk)
            except ValidationError:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                ) from None
        return super().clean(value)


class GroupMembersForm(forms.Form):
    """The members of a learning group, from the edition's accepted participants: an id
    that is none of them (or no id at all) is refused before anything changes."""

    participants = ParticipantsField(
        queryset=Participant.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": _("Only accepted participants of this edition can join a group."),
            "invalid_pk_value": _("Only accepted participants of this edition can join a group."),
        },
    )

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = Participant.objects.filter(
            edition=edition, is_active=True, application__status=Application.Status.ACCEPTED
        )


class IntakeForm(forms.Form):
    when = forms.DateTimeField(label=_("Date and time"), widget=DATETIME)
    note = forms.CharField(label=_("Note for the applicant"), max_length=300, required=False)


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


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["title", "description", "is_group", "is_reading", "due_on"]
        widgets = {"due_on": DATE}

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.edition = edition


class LiteratureForm(forms.ModelForm):
    url = forms.URLField(label=_("link"), required=False, assume_scheme="https")

    class Meta:
        model = LiteratureItem
        fields = ["reference", "url"]

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme


class SubmissionForm(forms.Form):
    text = forms.CharField(
        label=_("Your work"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG or text; at most 5 MB."),
    )
    value_stream = forms.ModelChoiceField(
        label=_("Value stream map of your school"),
        queryset=None,
        required=False,
        empty_label=_("— no map —"),
        help_text=_(
            "Your trainer sees this map, without being able to change it, and nothing else "
            "of your school."
        ),
    )

    def __init__(self, *args, maps=None, **kwargs):
        super().__init__(*args, **kwargs)
        if maps is None:
            del self.fields["value_stream"]
        else:
            self.fields["value_stream"].queryset = maps


class FeedbackForm(forms.Form):
    feedback = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 6}))


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("What did you learn, and what will you try?"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class CoachingMomentForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    note = forms.CharField(
        label=_("What did you work on?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CoachingRoundForm(forms.Form):
    starts_on = forms.DateField(label=_("Coaching starts on"), required=False, widget=DATE)


class ResearchScheduleForm(forms.Form):
    """Where a research group sits in the two-year trajectory. The sessions come as a list so
    that one form per group costs no query."""

    year = forms.TypedChoiceField(
        label=_("Year of the trajectory"), coerce=int, choices=ResearchGroup.Year.choices
    )
    session = forms.TypedChoiceField(
        label=_("Results presented at"), coerce=int, required=False, empty_value=None
    )
    presents_on = forms.DateField(
        label=_("Presentation date"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty to use the date of the session."),
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].choices = [("", "—")] + [
            (s.pk, f"{date_format(s.date, 'j F Y')} {s.title}") for s in sessions
        ]


class ResearchGroupForm(forms.Form):
    theme = forms.CharField(label=_("Theme"), max_length=200)
    question = forms.CharField(
        label=_("Research question"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    plan = forms.CharField(
        label=_("Plan"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Your partners (one or two)"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    results = forms.FileField(label=_("Results document"), required=False)

    def __init__(self, *args, participant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = (
            Participant.objects.filter(
                edition_id=participant.edition_id,
                is_active=True,
                application__status=Application.Status.ACCEPTED,
            )
            .exclude(pk=participant.pk)
            .select_related("user", "school")
            .order_by("user__last_name", "user__first_name")
        )
        self.fields["partners"].label_from_instance = lambda p: (
            f"{p.user.get_full_name()} ({p.school.name if p.school else '—'})"
        )
