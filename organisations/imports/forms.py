from django import forms
from django.utils.translation import gettext_lazy as _

from core.errors import LeerkringError

from .parsing import check_upload


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label=_("Staff list"),
        help_text=_(
            "A CSV or Excel (.xlsx) file of at most 5 MB with the columns first name, last name, "
            "email, function, home team and other teams."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx"}),
        error_messages={
            "required": _("Choose a file to import."),
            "empty": _("The file is empty."),
        },
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            check_upload(uploaded)  # name and size only: a 20 MB upload is never read
        except LeerkringError as error:
            raise forms.ValidationError(error.message) from error
        return uploaded
