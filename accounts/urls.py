from django.urls import path

from accounts import views, views_mfa

app_name = "accounts"

urlpatterns = [
    path("staff/", views.staff_list, name="staff"),
    path("staff/new/", views.staff_edit, name="staff_create"),
    path("staff/<int:user_id>/", views.staff_edit, name="staff_edit"),
    path("teams/", views.team_list, name="teams"),
    path("teams/new/", views.team_edit, name="team_create"),
    path("teams/<int:team_id>/", views.team_edit, name="team_edit"),
    path("staff/security/", views_mfa.security_policy, name="policy"),
    path("accounts/mfa/setup/", views_mfa.mfa_setup, name="mfa_setup"),
    path("accounts/mfa/verify/", views_mfa.mfa_verify, name="mfa_verify"),
    path("accounts/security/", views_mfa.my_security, name="security"),
]
