"""The starting list of information topics; administrators can change it later."""

from typing import Any

DEFAULT_TOPICS = [
    ("care", "Care updates", "How the person is, day-to-day care and wellbeing."),
    ("health", "Health", "Health conditions, medication, appointments and results."),
    ("incidents", "Incidents and safeguarding", "Falls, accidents, incidents and safeguarding concerns."),
    ("finances", "Money and finances", "Benefits, bills, spending and financial affairs."),
    ("plans", "Care plans and reviews", "The care plan, reviews and decisions about support."),
]


def ensure_default_topics(topic_model: Any) -> None:
    for position, (code, name, description) in enumerate(DEFAULT_TOPICS):
        topic_model.objects.get_or_create(
            code=code, defaults={"name": name, "description": description, "position": position}
        )
