from django.urls import path

from consent import views

app_name = "consent"

urlpatterns = [
    path("people/<int:person_id>/consent/", views.consent_page, name="page"),
    path("people/<int:person_id>/consent/new/", views.consent_create, name="create"),
    path("people/<int:person_id>/subject-access/", views.subject_access, name="subject_access"),
]
