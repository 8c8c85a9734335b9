from django.urls import path

from person_page import views

app_name = "person"

urlpatterns = [
    path("people/<int:person_id>/", views.person_page, name="page"),
    path("people/<int:person_id>/history/", views.person_history, name="history"),
]
