from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("privacy/sessions/", views.session_list, name="sessions"),
    path(
        "privacy/sessions/sign-out-others/",
        views.sessions_sign_out_others,
        name="sessions_sign_out_others",
    ),
    path("privacy/my-data/", views.my_data, name="my_data"),
    path("privacy/my-data/download/", views.my_data_download, name="my_data_download"),
    path("o/<slug:slug>/people/<id:pk>/erase/", views.person_erase_view, name="person_erase"),
]
