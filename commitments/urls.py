from django.urls import path

from commitments import views, views_work

app_name = "commitments"

urlpatterns = [
    path("work/", views_work.work_list, name="work"),
    path("people/<int:person_id>/commitments/new/", views.commitment_create, name="create"),
    path("commitments/<int:commitment_id>/close/", views.commitment_close, name="close"),
    path("commitments/<int:commitment_id>/hand-over/", views.commitment_reassign, name="reassign"),
]
