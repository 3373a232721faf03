from django import forms
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_upload

from .models import Product, Resource

# Roomier than elsewhere: a library holds slide decks and scanned lesson material.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ResourceForm(forms.ModelForm):
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    class Meta:
        model = Resource
        fields = ["kind", "title", "url", "file", "note", "tags"]
        widgets = {"note": forms.Textarea(attrs={"rows": 4})}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "size"):
            validate_upload(upload, max_bytes=MAX_UPLOAD_BYTES)
        return upload

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == Resource.Kind.LINK and not cleaned.get("url"):
            self.add_error("url", _("A link needs its web address."))
        if kind == Resource.Kind.FILE and not cleaned.get("file") and "file" not in self.errors:
            self.add_error("file", _("Choose the file to add."))
        if kind == Resource.Kind.NOTE and not cleaned.get("note"):
            self.add_error("note", _("Write the note."))
        return cleaned


class ProductForm(forms.ModelForm):
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    class Meta:
        model = Product
        fields = ["kind", "title", "summary", "subject", "grade", "tags", "url", "file", "audience"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "title": {"required": _("Give the product a title, so that colleagues find it.")}
        }

    def __init__(self, *args, can_share_with_community: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_share_with_community:
            self.fields["audience"].choices = [
                c for c in Product.Audience.choices if c[0] == Product.Audience.SCHOOL
            ]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "size"):
            validate_upload(upload, max_bytes=MAX_UPLOAD_BYTES)
        return upload


class ProductSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    subject = forms.CharField(label=_("Subject"), required=False, max_length=80)
    grade = forms.CharField(label=_("Grade"), required=False, max_length=40)
    tag = forms.CharField(label=_("Tag"), required=False, max_length=60)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("all kinds")), *Product.Kind.choices]
    )
