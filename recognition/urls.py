from django.urls import path

from recognition import views

app_name = "recognition"

urlpatterns = [
    path("people/<int:person_id>/thanks/new/", views.thanks_create, name="thanks"),
    path("colleagues/", views.colleague_list, name="colleagues"),
    path("colleagues/<int:colleague_id>/", views.colleague_detail, name="colleague"),
    path("colleagues/<int:colleague_id>/recognise/", views.recognition_create, name="recognise"),
]
