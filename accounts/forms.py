"""Log-in, and the staff and team forms administrators use."""

from collections.abc import Iterator
from typing import Any, cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm

from accounts.lockout import address_is_throttled
from accounts.models import Team, User
from rapport.lib.labels import name_the_empty_choice


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "That username and password do not match. Check them and try again; "
            "after several failed tries the account is locked for a while."
        ),
        "address_throttled": (
            "There have been too many failed log-ins from this network. "
            "Wait a few minutes, then try again, or ask your administrator."
        ),
    }

    def clean(self) -> dict[str, Any]:
        if self.request is not None and address_is_throttled(self.request):
            raise forms.ValidationError(self.error_messages["address_throttled"], code="address_throttled")
        return super().clean()


class TeamForm(forms.ModelForm[Team]):
    class Meta:
        model = Team
        fields = ["name", "kind", "description", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class StaffForm(forms.ModelForm[User]):
    member_of = forms.ModelMultipleChoiceField(
        label="Teams they work in",
        queryset=Team.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="They will see the people these teams support.",
    )
    leads = forms.ModelMultipleChoiceField(
        label="Teams they lead",
        queryset=Team.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only for team leaders.",
    )

    class Meta:
        model = User
        fields = [
            "username",
            "first_name",
            "last_name",
            "email",
            "job_title",
            "role",
            "supervisor",
            "supervision_every_days",
            "is_active",
        ]
        labels = {"is_active": "Can log in"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        supervisor = cast(forms.ModelChoiceField, self.fields["supervisor"])
        supervisor.queryset = User.objects.filter(is_active=True).exclude(role=User.Role.WORKER)
        name_the_empty_choice(supervisor, "No supervisor")
        name_the_empty_choice(self.fields["supervision_every_days"], "Not set")
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        if self.instance.pk:
            memberships = list(self.instance.memberships.all())
            self.fields["member_of"].initial = [m.team_id for m in memberships if not m.leads]
            self.fields["leads"].initial = [m.team_id for m in memberships if m.leads]
        else:  # they set their own password from an emailed link
            self.fields["email"].required = True
            self.fields["email"].help_text = "They are emailed a link to set their own password."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("supervisor") is not None and data["supervisor"].pk == self.instance.pk:
            self.add_error("supervisor", "Someone cannot supervise themself.")
        if data.get("supervisor") and not data.get("supervision_every_days"):
            self.add_error("supervision_every_days", "Say how often supervision happens.")
        role = data.get("role")
        leads = data.get("leads") or []
        member_of = data.get("member_of") or []
        if leads and role != User.Role.LEADER:
            self.add_error("leads", "Only team leaders lead teams. Change the role or untick these.")
        if role == User.Role.LEADER and not leads:
            self.add_error("leads", "Choose at least one team this team leader leads.")
        if role == User.Role.WORKER and not member_of:
            self.add_error("member_of", "Choose at least one team this worker works in.")
        return data


class SetPasswordLinkForm(PasswordResetForm):
    """Emails a link to choose a password: for "Forgot your password?" and for new staff,
    whose account has no password until they choose one (Django's own form skips them)."""

    def get_users(self, email: str) -> Iterator[User]:
        return (
            u
            for u in User.objects.filter(email__iexact=email, is_active=True)
            if u.email.lower() == email.lower()
        )
