from django.urls import path

from interactions import views

app_name = "interactions"

urlpatterns = [
    path("people/<int:person_id>/conversations/new/", views.interaction_create, name="create"),
]
