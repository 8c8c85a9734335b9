from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("feedback/", views.feedback_team, name="team"),
    path("people/<int:person_id>/feedback/new/", views.feedback_create, name="create"),
    path("people/<int:person_id>/feedback/<int:feedback_id>/", views.feedback_detail, name="detail"),
    path(
        "people/<int:person_id>/feedback/<int:feedback_id>/acknowledge/",
        views.feedback_acknowledge,
        name="acknowledge",
    ),
    path("people/<int:person_id>/feedback/<int:feedback_id>/close/", views.feedback_close, name="close"),
]
