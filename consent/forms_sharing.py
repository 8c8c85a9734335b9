"""Fields any sharing form adds: what was shared, and the safety override."""

from typing import Any

from django import forms

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
