from django.contrib.auth import views as auth_views
from django.urls import path

from . import views, views_tokens

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("tokens/", views_tokens.token_list, name="tokens"),
    path("tokens/<id:pk>/revoke/", views_tokens.token_revoke, name="token_revoke"),
]
