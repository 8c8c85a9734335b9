from django.urls import path

from share_packs import views

app_name = "share_packs"

urlpatterns = [
    path("people/<int:person_id>/share-packs/new/", views.share_pack_create, name="create"),
    path("people/<int:person_id>/share-packs/<int:pack_id>/", views.share_pack_detail, name="detail"),
    path("people/<int:person_id>/share-packs/<int:pack_id>/fhir.json", views.share_pack_fhir, name="fhir"),
]
