from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from .models import User
from .services import mail_send


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _("This email address and password do not match. Please try again."),
        "inactive": _("This account is inactive."),
    }


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)


class MailedPasswordResetForm(PasswordResetForm):
    """Django's reset form, its mail in the user's own language and sent as a task like the
    project's other mails. Unknown addresses get no mail and the same answer."""

    def get_users(self, email):
        # Imported staff have no usable password yet: a reset link lets them choose their
        # first one as well as an invitation does.
        return User.objects.filter(email__iexact=email, is_active=True)

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        mail_send(user=context["user"], template="password_reset", context=context)
