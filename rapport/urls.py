from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from accounts.views_auth import SignInView, SignOutView
from myday.views import my_day_page

urlpatterns = [
    path("", my_day_page, name="home"),
    path("accounts/login/", login_not_required(SignInView.as_view()), name="login"),
    path("accounts/logout/", SignOutView.as_view(), name="logout"),
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
    path("", include("audit.urls")),
    path("admin/", admin.site.urls),
]
