"""The audit trail's background work: a check of the whole trail (audit.checks)."""

from django_tasks import task

from audit.checks import run_check


@task(queue_name="audit")
def check_the_trail(check_id: int) -> None:
    run_check(check_id)
