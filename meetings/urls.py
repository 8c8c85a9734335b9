from django.urls import path

from meetings import correction_views, views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.meeting_list, name="list"),
    path("meetings/new/", views.meeting_create, name="create"),
    path("meetings/people/", views.people_pick, name="pick"),
    path("meetings/organisations/", views.organisations_pick, name="pick_organisations"),
    path("meetings/<int:meeting_id>/", views.meeting_detail, name="detail"),
    path("meetings/<int:meeting_id>/correct/", correction_views.meeting_correct_view, name="correct"),
    path("meetings/<int:meeting_id>/late-action/", correction_views.late_action_add, name="late_action"),
]
