from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.meeting_list, name="list"),
    path("meetings/new/", views.meeting_create, name="create"),
    path("meetings/people/", views.people_pick, name="pick"),
    path("meetings/<int:meeting_id>/", views.meeting_detail, name="detail"),
]
