"""Fields any sharing form adds: what was shared, and the safety override."""

from typing import Any

from django import forms
from django.utils.html import format_html

from consent.models import SafetyOverride, Topic
from consent.sharing import Override, ShareRefused


class OverrideFieldsMixin(forms.Form):
    override = forms.BooleanField(label="Someone's safety is at risk: share without consent", required=False)
    override_reason = forms.CharField(
        label="Why someone's safety is at risk", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    override_basis = forms.ChoiceField(
        label="Lawful basis", required=False, choices=[("", "Choose…"), *SafetyOverride.Basis.choices]
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("override"):
            if not (data.get("override_reason") or "").strip():
                self.add_error("override_reason", "Say why someone's safety is at risk.")
            if not data.get("override_basis"):
                self.add_error("override_basis", "Choose the lawful basis for sharing.")
        return data

    @property
    def safety_override(self) -> Override | None:
        if not self.cleaned_data.get("override"):
            return None
        return Override(self.cleaned_data["override_reason"], self.cleaned_data["override_basis"])

    def explain_refusal(self, refused: ShareRefused) -> None:
        for line in refused.explain():
            self.add_error(None, line)


class SharingFieldsMixin(OverrideFieldsMixin):
    shared_topics = forms.ModelMultipleChoiceField(
        label="What did you share?",
        queryset=Topic.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick what you told them. Rapport checks the person agreed.",
    )


class WhatWasSharedMixin(SharingFieldsMixin):
    """For closing something done with someone in the circle (answering a request, a
    referral followed up, a complaint answered): say what was shared, or that nothing about
    the person was, so the consent gate can check it."""

    nothing_shared = forms.BooleanField(label="Nothing about the person was shared", required=False)
    _SHARING_FIELDS = ("shared_topics", "nothing_shared", "override", "override_reason", "override_basis")

    def ask_what_was_shared(self, *, to: str | None, topic_fixed: bool = False) -> None:
        """`to` names the recipient; None when nothing leaves the team (no questions asked).
        With `topic_fixed` (an update owed says what it shares) only the override is asked."""
        if to is None:
            for name in self._SHARING_FIELDS:
                del self.fields[name]
        elif topic_fixed:
            del self.fields["shared_topics"], self.fields["nothing_shared"]
        else:
            self.fields["shared_topics"].label = format_html("What did you share with <bdi>{}</bdi>?", to)
            self.fields[
                "shared_topics"
            ].help_text = "Tick what you told them. Rapport checks the person agreed."

    def sharing_applies(self, data: dict[str, Any]) -> bool:
        return True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "shared_topics" in self.fields and self.sharing_applies(data):
            if not data.get("shared_topics") and not data.get("nothing_shared"):
                self.add_error(
                    "shared_topics", "Say what you shared, or tick that nothing about the person was shared."
                )
            elif data.get("shared_topics") and data.get("nothing_shared"):
                self.add_error("nothing_shared", "You ticked topics you shared; untick this or them.")
        return data

    @property
    def topics_shared(self) -> list[Topic]:
        return list(self.cleaned_data.get("shared_topics") or []) if "shared_topics" in self.fields else []

    @property
    def safety_override(self) -> Override | None:
        return super().safety_override if "override" in self.fields else None
