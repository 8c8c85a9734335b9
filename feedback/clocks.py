"""Response clocks for complaints and concerns, counted in working days."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from commitments.clock import add_working_days, working_days_between
from feedback.models import Feedback


@dataclass(frozen=True)
class Clock:
    label: str
    due: date
    done_on: date | None
    today: date

    @property
    def met(self) -> bool:
        return self.done_on is not None and self.done_on <= self.due

    @property
    def late(self) -> bool:
        finished = self.done_on or self.today
        return finished > self.due

    @property
    def working_days_left(self) -> int:
        return working_days_between(self.today, self.due)

    @property
    def state(self) -> str:
        if self.done_on is not None:
            return "met" if self.met else "met late"
        if self.late:
            return "overdue"
        return "due today" if self.due == self.today else "running"


def deadlines(kind: str, received_on: date) -> tuple[date | None, date | None]:
    """(acknowledge by, respond by) for newly received feedback."""
    if kind == "complaint":
        return (
            add_working_days(received_on, settings.RAPPORT_COMPLAINT_ACKNOWLEDGE_DAYS),
            add_working_days(received_on, settings.RAPPORT_COMPLAINT_RESPOND_DAYS),
        )
    if kind == "concern":
        return None, add_working_days(received_on, settings.RAPPORT_CONCERN_RESPOND_DAYS)
    return None, None


def clocks_for(feedback: Feedback, today: date) -> list[Clock]:
    clocks = []
    if feedback.acknowledge_by:
        clocks.append(Clock("Acknowledge", feedback.acknowledge_by, feedback.acknowledged_on, today))
    if feedback.respond_by:
        clocks.append(Clock("Respond", feedback.respond_by, feedback.responded_on, today))
    return clocks
