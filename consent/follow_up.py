"""Work that consent hands to another app to keep: a team leader's review of every safety
override, and the cancelling of updates still owed when consent is withdrawn or refused.

consent is the foundation of disclosure (`consent.sharing.share` is the one gate), and the
apps that share depend on it, commitments among them, so consent cannot import them. The
app that keeps this work registers how, once, from its AppConfig.ready() (commitments does);
consent calls it inside its own transaction, so the review and the cancellations are
written and audited together with the decision, or not at all.

A registered keeper rather than a signal: the override needs its review back, and a
decision must never pass with no one keeping its follow-up, so asking before anyone
registered raises instead of doing nothing."""

from datetime import date
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from accounts.models import User
from consent.models import ConsentRecord, SafetyOverride


class Keeper(Protocol):
    def open_override_review(
        self,
        *,
        actor: User,
        safety: SafetyOverride,
        title: str,
        owner: User,
        due_on: date,
        request: HttpRequest | None,
    ) -> None:
        """Open the review, audited, and point `safety.review` at it (the caller saves it)."""

    def cancel_updates_owed(self, *, actor: User, record: ConsentRecord, request: HttpRequest | None) -> None:
        """Cancel, audited, the updates still owed to the record's recipient about its topic."""


_keeper: Keeper | None = None


def register(keeper: Keeper) -> None:
    global _keeper
    _keeper = keeper


def keeper() -> Keeper:
    if _keeper is None:
        raise ImproperlyConfigured(
            "No app keeps consent's follow-up work: commitments registers it when ready."
        )
    return _keeper
