from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="list"),
    path("new/", views.person_create, name="create"),
    path("duplicates/", views.person_duplicates, name="duplicates"),
    path("<int:person_id>/edit/", views.person_edit, name="edit"),
    path("<int:person_id>/discharge/", views.person_discharge, name="discharge"),
    path("<int:person_id>/readmit/", views.person_readmit, name="readmit"),
    path("<int:person_id>/access-log/", views.person_audit, name="audit"),
]
