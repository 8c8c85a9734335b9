from django.urls import path

from chronology import views

app_name = "chronology"

urlpatterns = [
    path("people/<int:person_id>/timeline/", views.timeline, name="timeline"),
]
