from django.urls import path

from changes import views

app_name = "changes"

urlpatterns = [
    path("people/<int:person_id>/changes/new/", views.change_create, name="create"),
    path("people/<int:person_id>/changes/<int:change_id>/", views.change_detail, name="detail"),
]
