from django.urls import path

from circles import views

app_name = "circles"

urlpatterns = [
    path("people/<int:person_id>/circle/add/<str:group>/", views.circle_add, name="add"),
    path("people/<int:person_id>/circle/pick/<str:group>/", views.circle_pick, name="pick"),
    path(
        "people/<int:person_id>/circle/<int:relationship_id>/edit/",
        views.relationship_edit,
        name="edit",
    ),
    path(
        "people/<int:person_id>/circle/<int:relationship_id>/end/",
        views.relationship_end,
        name="end",
    ),
    path("contacts/", views.contact_list, name="contacts"),
    path("keeping-in-touch/", views.keeping_in_touch, name="lapsed"),
    path("contacts/<int:contact_id>/edit/", views.contact_edit, name="contact_edit"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/choose/", views.organisation_choice, name="organisation_choice"),
    path("organisations/<int:organisation_id>/", views.organisation_detail, name="organisation"),
    path(
        "organisations/<int:organisation_id>/edit/",
        views.organisation_edit,
        name="organisation_edit",
    ),
]
