from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership, Organisation, Team

from .invitees import group_for_function
from .models import Instrument, InstrumentVersion, RaterGroup, Survey
from .services import parse_emails


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _people(organisation):
    return (
        organisation.memberships.filter(is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.function})" if obj.function else str(obj.user)


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.function})" if obj.function else str(obj.user)


def chosen_version(versions: list, value) -> InstrumentVersion | None:
    """The version among `versions` (the newest of each instrument) whose pk is `value`."""
    return next((v for v in versions if str(v.pk) == str(value or "")), None)


class InstrumentChoiceForm(forms.Form):
    """The first step of a new survey: which instrument. The rest of the form depends on it
    (SurveyCreateForm), so choosing reloads it: in place with HTMX, else as the next page."""

    version = forms.ChoiceField(label=_("Instrument"))

    def __init__(self, *args, versions: list, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        # The versions are read already, with their instrument's owner: shipped ones, then
        # the organisation's own, then those others shared with it.
        groups = {"shipped": [], "own": [], "shared": []}
        for v in versions:
            owner = v.instrument.owner_id
            key = "shipped" if owner is None else "own" if owner == organisation.pk else "shared"
            groups[key].append((v.pk, str(v)))
        labels = {
            "shipped": _("Shipped with Leerkring"),
            "own": _("Own instruments"),
            "shared": _("Shared with you"),
        }
        choices = [(labels[key], rows) for key, rows in groups.items() if rows]
        if self.initial.get("version") is None:
            choices.insert(0, ("", _("Choose an instrument")))
        self.fields["version"].choices = choices


class SurveyCreateForm(forms.Form):
    """A new survey of the chosen instrument version, with that instrument's own fields: a
    360° asks who is rated and offers the superior as a rater group; other instruments are
    about the whole school and offer neither."""

    # Its own id: the instrument choice above the form is `id_version`.
    version = forms.ModelChoiceField(
        queryset=InstrumentVersion.objects.none(),
        widget=forms.HiddenInput(attrs={"id": "id_chosen_version"}),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the instrument's name."),
    )
    subject = PersonChoiceField(
        queryset=Membership.objects.none(),
        label=_("Who is being rated?"),
        help_text=_("The colleague this 360° is about. They answer as “self” and read the report."),
    )
    rater_groups = forms.MultipleChoiceField(
        label=_("Rater groups"),
        choices=RaterGroup.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to use the instrument's usual groups."),
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=DateInput())
    closes_on = forms.DateField(label=_("Closes on"), widget=DateInput())
    language = forms.ChoiceField(
        label=_("Language of the invitations"),
        choices=Survey._meta.get_field("language").choices,
        required=False,
        initial=Survey._meta.get_field("language").default,
        help_text=Survey._meta.get_field("language").help_text,
    )

    def __init__(self, *args, organisation, version: InstrumentVersion, **kwargs):
        kwargs.setdefault("initial", {})["version"] = version.pk
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = InstrumentVersion.objects.filter(pk=version.pk)
        self.is_360 = version.instrument.kind == Instrument.Kind.FEEDBACK_360
        if self.is_360:
            self.fields["subject"].queryset = _people(organisation)
        else:
            del self.fields["subject"]
        # "Self" is the subject, invited with the survey: never a group to tick. The superior
        # only exists for a 360°.
        left_out = {"self"} if self.is_360 else {"self", "superior"}
        self.fields["rater_groups"].choices = [
            (kind, label) for kind, label in RaterGroup.Kind.choices if kind not in left_out
        ]

    def clean(self):
        data = super().clean()
        data.setdefault("subject", None)
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The close date cannot be before the open date."))
        return data


class InviteesForm(forms.Form):
    PEOPLE, STAFF, TEAM = "people", "staff", "team"

    rater_group = forms.ModelChoiceField(
        queryset=RaterGroup.objects.none(), label=_("Rater group"), empty_label=None
    )
    # A school of eighty does not tick eighty boxes: whole groups are one choice.
    source = forms.ChoiceField(
        label=_("Whom to invite"),
        choices=[
            (PEOPLE, _("The staff members I tick")),
            (STAFF, _("The whole staff")),
            (TEAM, _("The members of one team")),
        ],
        initial=PEOPLE,
        required=False,
        widget=forms.RadioSelect,
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.none(),
        label=_("Team"),
        required=False,
        empty_label=_("Choose a team"),
    )
    by_function = forms.BooleanField(
        label=_("Put each staff member in the rater group of their function"),
        required=False,
        help_text=_(
            "Staff members whose function the instrument does not name join the group above."
        ),
    )
    people = PeopleChoiceField(
        queryset=Membership.objects.none(),
        label=_("Staff members"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    emails = forms.CharField(
        label=_("Other email addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For parents, partners or others without an account: one per line."),
    )

    def __init__(self, *args, survey: Survey, group_choices=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = survey.organisation
        self.fields["rater_group"].queryset = survey.rater_groups.exclude(kind="self")
        self.fields["team"].queryset = survey.organisation.teams.order_by("name")
        self.fields["people"].queryset = _people(survey.organisation)
        self.group_functions = survey.version.group_functions
        if not self.group_functions:
            del self.fields["by_function"]
        # For display, reuse lists the page already loaded instead of querying again.
        if group_choices is not None:
            self.fields["rater_group"].choices = group_choices
        # The school's people as (membership id, label), or None until the page asks for them.
        self.people_choices = people

    def _chosen_people(self, data) -> list:
        source = data.get("source") or self.PEOPLE
        if source == self.STAFF:
            return list(_people(self.organisation))
        if source == self.TEAM:
            if not data.get("team"):
                self.add_error("team", _("Choose a team."))
                return []
            return list(_people(self.organisation).filter(team_memberships__team=data["team"]))
        return list(data.get("people") or [])

    def clean(self):
        data = super().clean()
        valid, invalid = parse_emails(data.get("emails") or "")
        if invalid:
            self.add_error(
                "emails",
                _("Not a valid email address: %(list)s") % {"list": ", ".join(invalid)},
            )
        chosen = data.get("rater_group")
        batches = {chosen: []}
        groups = {group.kind: group for group in self.fields["rater_group"].queryset}
        for person in self._chosen_people(data):
            group = chosen
            if data.get("by_function"):
                kind = group_for_function(self.group_functions, person.function)
                group = groups.get(kind, chosen)
            batches.setdefault(group, []).append(person.user.email.lower())
        batches[chosen] += valid
        # Per rater group the addresses to invite, the chosen group first.
        data["batches"] = [
            (group, list(dict.fromkeys(emails))) for group, emails in batches.items() if emails
        ]
        if not self.errors and not data["batches"]:
            raise forms.ValidationError(_("Choose staff members or type email addresses."))
        return data


class RoundForm(forms.Form):
    opens_on = forms.DateField(label=_("Opens on"), widget=DateInput())
    closes_on = forms.DateField(label=_("Closes on"), widget=DateInput())

    def __init__(self, *args, versions=(), **kwargs):
        """`versions`: the pre-measurement's version and a newer one to choose from (the
        newer one first, as the default); none to choose when the instrument has no newer
        version."""
        super().__init__(*args, **kwargs)
        if len(versions) > 1:
            self.fields["version"] = forms.TypedChoiceField(
                label=_("Version of the instrument"),
                choices=[
                    (
                        versions[0].pk,
                        _("Version %(number)s, the newest") % {"number": versions[0].number},
                    ),
                    *(
                        (
                            v.pk,
                            _("Version %(number)s, as in the pre-measurement")
                            % {"number": v.number},
                        )
                        for v in versions[1:]
                    ),
                ],
                coerce=int,
                initial=versions[0].pk,
                widget=forms.RadioSelect,
            )
            self.versions = {v.pk: v for v in versions}

    def clean(self):
        data = super().clean()
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The close date cannot be before the open date."))
        if data.get("version") is not None:
            data["version"] = self.versions[data["version"]]
        return data


class ThresholdForm(forms.Form):
    threshold = forms.IntegerField(label=_("Anonymity threshold"), min_value=1, max_value=50)


class ShareForm(forms.Form):
    """Whom to share a 360° report with. The page finds the person through a search
    (selectors.share_candidates) rather than a list of the whole school."""

    person = PersonChoiceField(queryset=Membership.objects.none(), label=_("Share with"))

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people(survey.organisation).exclude(pk=survey.subject_id)


class ProviderShareForm(forms.Form):
    provider = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Share with a provider")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.PROVIDER
        ).order_by("name")
