"""What the meeting form sends, for tests that post it."""

from django.utils import timezone


def meeting_form_data(team, **extra) -> dict:
    return {
        "kind": "team",
        "title": "Rota for the holidays",
        "team": team.pk,
        "held_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "decisions-TOTAL_FORMS": "1",
        "decisions-INITIAL_FORMS": "0",
        "decisions-0-text": "Cover Christmas Day in pairs",
        "actions-TOTAL_FORMS": "1",
        "actions-INITIAL_FORMS": "0",
        **extra,
    }
