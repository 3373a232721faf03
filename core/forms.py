"""Forms shared by apps."""

import datetime

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .series import MAX_COUNT, SeriesDate, school_holiday_calendar, series_plan

MAX_WEEKS = 52
MAX_MONTHS = 12


class SeriesForm(forms.Form):
    """A series of dates: the first one, the start time, the rhythm (every n weeks or months)
    and the number of dates, with dates in a school holiday or on a public holiday skipped or
    moved to the next school day. The page that uses it adds what each date becomes (a
    session, a meeting) and shows the `plan` before anything is created."""

    first_date = forms.DateField(
        label=_("First date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Give the first date."),
            "invalid": _("Give the first date as a date."),
        },
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Give the start time."),
            "invalid": _("Give the start time as hours and minutes."),
        },
    )
    every = forms.ChoiceField(
        label=_("Rhythm"),
        choices=[("weeks", _("every few weeks")), ("month", _("every few months"))],
        initial="weeks",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rhythm."), "invalid_choice": _("Choose a rhythm.")},
    )
    interval = forms.IntegerField(
        label=_("Every how many weeks or months"),
        initial=2,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_WEEKS}),
        help_text=_("1 is every week or every month, 2 every other week or month."),
        error_messages={
            "required": _("Say every how many weeks or months."),
            "invalid": _("Give a whole number of weeks or months."),
        },
    )
    count = forms.IntegerField(
        label=_("Number of dates"),
        initial=8,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_COUNT}),
        help_text=_("At most 60."),
        error_messages={
            "required": _("Give the number of dates."),
            "invalid": _("Give the number of dates as a whole number."),
        },
    )
    on_holiday = forms.ChoiceField(
        label=_("A date in a school holiday or on a public holiday"),
        choices=[
            ("skip", _("is skipped; the series gets a date more at its end")),
            ("move", _("moves to the next school day")),
        ],
        initial="skip",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what happens to a date in a holiday."),
            "invalid_choice": _("Choose what happens to a date in a holiday."),
        },
    )

    def clean_interval(self):
        interval = self.cleaned_data["interval"]
        if interval < 1:
            raise forms.ValidationError(_("Every how many weeks or months is at least 1."))
        return interval

    def clean_count(self):
        count = self.cleaned_data["count"]
        if not 1 <= count <= MAX_COUNT:
            raise forms.ValidationError(
                _("A series has between 1 and %(max)d dates.") % {"max": MAX_COUNT}
            )
        return count

    def clean(self):
        data = super().clean()
        interval, every = data.get("interval"), data.get("every")
        if interval and every == "weeks" and interval > MAX_WEEKS:
            self.add_error("interval", _("Every %(max)d weeks at most.") % {"max": MAX_WEEKS})
        if interval and every == "month" and interval > MAX_MONTHS:
            self.add_error("interval", _("Every %(max)d months at most.") % {"max": MAX_MONTHS})
        return data

    def plan(self) -> list[SeriesDate]:
        """Every date of the series with the holidays it met, named in the page's language."""
        data = self.cleaned_data
        return series_plan(
            data["first_date"],
            every=data["every"],
            interval=data["interval"],
            count=data["count"],
            skip=school_holiday_calendar(language=get_language() or "nl"),
            on_holiday=data["on_holiday"],
        )

    def starts(self, plan: list[SeriesDate]) -> list[datetime.datetime]:
        """The naive start of each date of the plan that is not skipped."""
        time = self.cleaned_data["start_time"]
        return [datetime.datetime.combine(step.date, time) for step in plan if step.date]

    def fingerprint(self) -> str:
        """The series as it was previewed: a page creates the dates only when the form it
        receives is the one whose preview the user saw."""
        data = self.cleaned_data
        return "|".join(
            str(data[name])
            for name in ("first_date", "start_time", "every", "interval", "count", "on_holiday")
        )

    @property
    def previewed_name(self) -> str:
        return self.add_prefix("previewed")

    def previewed(self, post) -> bool:
        """Whether `post` confirms the series whose preview was shown."""
        return post.get("confirm") == "yes" and post.get(self.previewed_name) == self.fingerprint()

    @staticmethod
    def preview(plan: list[SeriesDate]) -> dict:
        """What the preview shows (core/_series_preview.html): each step of the plan with its
        number among the dates created (None for a skipped date), and the number of dates."""
        rows, number = [], 0
        for step in plan:
            if step.date is not None:
                number += 1
            rows.append({"number": None if step.skipped else number, "step": step})
        return {"rows": rows, "dates": number}
