"""Staff, team and security-policy changes made by administrators. Each grants or changes
access, so each is one transaction with an audit event saying what it was before and after."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.http import HttpRequest

from accounts.forms import SetPasswordLinkForm
from accounts.models import Membership, SitePolicy, Team, User
from audit.models import AuditEvent
from audit.services import audit_record, audited_save, changes_between


def _access_of(user: User) -> dict[str, Any]:
    """What decides what this member of staff may see and do."""
    if not user.pk:
        return {}
    memberships = user.memberships.select_related("team").order_by("team__name")
    return {
        "role": user.get_role_display(),
        "can log in": "yes" if user.is_active else "no",
        "teams": ", ".join(f"{m.team.name}{' (leads)' if m.leads else ''}" for m in memberships) or "none",
        "supervisor": str(user.supervisor) if user.supervisor_id else "none",
        "supervision every": user.get_supervision_every_days_display() or "not set",
    }


def _invite(user: User, request: HttpRequest | None) -> None:
    """A new member of staff sets their own password from an emailed link: no administrator
    ever chooses or knows it."""
    form = SetPasswordLinkForm({"email": user.email})
    if form.is_valid():
        form.save(
            request=request,
            use_https=bool(request and request.is_secure()),
            subject_template_name="registration/invite_subject.txt",
            email_template_name="registration/invite_email.txt",
        )


@transaction.atomic
def staff_save(
    *,
    actor: User,
    user: User,
    member_of: Iterable[Team],
    leads: Iterable[Team],
    request: HttpRequest | None = None,
) -> User:
    """Save a member of staff and make their team memberships exactly what was chosen."""
    new = user.pk is None
    before = _access_of(User.objects.get(pk=user.pk)) if not new else {}
    if new:
        user.set_unusable_password()
    user.is_staff = user.role == User.Role.ADMIN
    user.save()
    wanted = {team.pk: False for team in member_of}
    wanted.update({team.pk: True for team in leads})
    for membership in user.memberships.all():
        if membership.team_id not in wanted:
            membership.delete()
        elif membership.leads != wanted[membership.team_id]:
            membership.leads = wanted[membership.team_id]
            membership.save(update_fields=["leads"])
        wanted.pop(membership.team_id, None)
    for team_id, leading in wanted.items():
        Membership.objects.create(user=user, team_id=team_id, leads=leading)
    after = _access_of(user)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE if new else AuditEvent.Action.UPDATE,
        obj=user,
        summary=f"{'Added' if new else 'Changed'} staff access for {user.display_name}",
        reason=changes_between(before, after) or "No change to access",
        request=request,
    )
    if new and user.email:
        transaction.on_commit(lambda: _invite(user, request))
    return user


@transaction.atomic
def team_save(*, actor: User, team: Team, request: HttpRequest | None = None) -> Team:
    verb = "Added" if team.pk is None else "Changed"
    return audited_save(
        actor=actor,
        record=team,
        fields=["name", "kind", "is_active"],
        summary=f"{verb} team {team.name}",
        request=request,
    )


@transaction.atomic
def policy_save(*, actor: User, policy: SitePolicy, request: HttpRequest | None = None) -> SitePolicy:
    policy.pk = 1  # the one row
    return audited_save(
        actor=actor,
        record=policy,
        fields=["mfa_for_everyone"],
        summary="Changed the security policy",
        request=request,
    )
