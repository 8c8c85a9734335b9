from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from accounts.forms import SetPasswordLinkForm
from accounts.views_auth import SignInView, SignOutView, session_check
from myday.views import my_day_page

urlpatterns = [
    path("", my_day_page, name="home"),
    path("accounts/login/", login_not_required(SignInView.as_view()), name="login"),
    path("accounts/logout/", SignOutView.as_view(), name="logout"),
    path("accounts/session/", session_check, name="session_check"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "accounts/password/reset/",
        login_not_required(
            auth_views.PasswordResetView.as_view(
                form_class=SetPasswordLinkForm, email_template_name="registration/password_reset_email.txt"
            )
        ),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        login_not_required(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        login_not_required(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        login_not_required(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    path("people/", include("people.urls")),
    path("", include("person_page.urls")),
    path("", include("overview.urls")),
    path("", include("circles.urls")),
    path("", include("contact_page.urls")),
    path("", include("changes.urls")),
    path("", include("chronology.urls")),
    path("", include("commitments.urls")),
    path("", include("consent.urls")),
    path("", include("feedback.urls")),
    path("", include("interactions.urls")),
    path("", include("meetings.urls")),
    path("", include("recognition.urls")),
    path("", include("reminders.urls")),
    path("", include("share_packs.urls")),
    path("", include("signposting.urls")),
    path("", include("accounts.urls")),
    path("", include("audit.urls")),
    path("admin/", admin.site.urls),
]
