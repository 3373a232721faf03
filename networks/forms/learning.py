"""The learning of an edition: assignments, literature, submissions, reflection, peer
coaching and research groups."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ..models import (
    Application,
    Assignment,
    LiteratureItem,
    Participant,
    ResearchGroup,
)
from .widgets import DATE


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
