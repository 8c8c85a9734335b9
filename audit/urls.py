from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [path("audit/check/", views.chain_check, name="check")]
