"""Who is signed in, read on every request as statements (rapport.lib.statements).

Every page, the floor's bare one included, first reads the session and then the member of
staff it names. Django's own backends build and compile both queries each time; these do
the same reads with the same rules (an expired session is no session; an inactive account
is no one) from SQL written once per process.
"""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.db.models import CharField, DateTimeField
from django.utils import timezone

from accounts.models import User
from rapport.lib.statements import Slot, Statement

SESSION = Statement(
    lambda: Session.objects.filter(
        session_key=Slot("key", CharField()), expire_date__gt=Slot("now", DateTimeField())
    )
)
STAFF = Statement(lambda: User.objects.filter(pk=Slot("user")))


class SessionStore(DatabaseSessionStore):
    """SESSION_ENGINE = "accounts.signed_in": sessions in the database, as Django keeps them."""

    def _get_session_from_db(self) -> Any:
        found = SESSION.rows(key=self.session_key, now=timezone.now())
        if not found:
            self._session_key = None
            return None
        return found[0]


class StaffBackend(ModelBackend):
    """Django's ModelBackend (passwords, permissions), reading the signed-in user through a
    statement."""

    def get_user(self, user_id: Any) -> Any:
        found = STAFF.rows(user=user_id)
        return found[0] if found and self.user_can_authenticate(found[0]) else None
