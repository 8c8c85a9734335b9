from django.urls import path

from signposting import views

app_name = "signposting"

urlpatterns = [
    path("services/", views.service_list, name="services"),
    path("services/new/", views.service_create, name="service_create"),
    path("services/<int:service_id>/", views.service_detail, name="service"),
    path("services/<int:service_id>/edit/", views.service_edit, name="service_edit"),
    path("people/<int:person_id>/signpost/", views.signposting_create, name="signpost"),
]
