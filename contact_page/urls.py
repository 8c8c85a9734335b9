from django.urls import path

from contact_page import views

app_name = "contact"

urlpatterns = [
    path("contacts/<int:contact_id>/", views.contact_page, name="page"),
]
