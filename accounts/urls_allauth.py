"""The parts of allauth Leerkring uses: two-step login, single sign-on and the password
confirmation they ask for. allauth's names for the login, logout and password reset pages
point at Leerkring's own (the first pattern of a path wins: accounts.urls comes first)."""

from allauth.account import views as allauth_views
from allauth.socialaccount import views as social_views
from allauth.urls import build_provider_urlpatterns
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="account_login"),
    path("logout/", auth_views.LogoutView.as_view(), name="account_logout"),
    path("password-reset/", views.password_reset, name="account_reset_password"),
    path("inactive/", allauth_views.account_inactive, name="account_inactive"),
    path("reauthenticate/", allauth_views.reauthenticate, name="account_reauthenticate"),
    path("2fa/", include("allauth.mfa.urls")),
    path("sso/cancelled/", social_views.login_cancelled, name="socialaccount_login_cancelled"),
    path("sso/error/", social_views.login_error, name="socialaccount_login_error"),
    path("sso/", include(build_provider_urlpatterns())),
]
