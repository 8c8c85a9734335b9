from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from accounts.forms import LoginForm
from myday.views import my_day_page

urlpatterns = [
    path("", my_day_page, name="home"),
    path(
        "accounts/login/",
        login_not_required(
            auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True)
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("people/", include("people.urls")),
    path("", include("circles.urls")),
    path("", include("changes.urls")),
    path("", include("commitments.urls")),
    path("", include("consent.urls")),
    path("", include("feedback.urls")),
    path("", include("interactions.urls")),
    path("", include("meetings.urls")),
    path("", include("recognition.urls")),
    path("", include("reminders.urls")),
    path("", include("signposting.urls")),
    path("", include("accounts.urls")),
    path("admin/", admin.site.urls),
]
