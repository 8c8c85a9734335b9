"""The topic list: codes are fixed once used, names and order can change, topics can be retired."""

from typing import Any

from django import forms

from consent.models import Topic


class TopicForm(forms.ModelForm[Topic]):
    class Meta:
        model = Topic
        fields = ["code", "name", "description", "position", "is_active"]
        labels = {"is_active": "Ask about this topic", "position": "Order on the consent page"}
        help_texts = {"code": "A short fixed name for this topic, such as 'housing'."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = "Fixed: past decisions refer to it."
