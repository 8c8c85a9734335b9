"""The same form sent twice is saved once.

Save a conversation, press Back, press Save again: the browser sends exactly what it sent
before. A key written into the page would not survive that, because pages with personal
data are `no-store` and Back fetches the form anew with a new key. So a submission is known
by a fingerprint of what was sent (user, address, every field but the CSRF token). The
first one claims it inside the request's transaction; a repeat within
RAPPORT_REPEAT_WINDOW_MINUTES is sent where the first one went, with a message, and saves
nothing. Two sent at once queue on the unique constraint: the second sees the first's
result. A refused form (re-shown with errors) releases its claim, so it can be corrected
and sent again.
"""

import hashlib
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from rapport.models import RecentSubmission

Handler = Callable[[HttpRequest], HttpResponse]
_NOT_PART_OF_IT = {"csrfmiddlewaretoken"}
_NEVER_GUARDED = ("/accounts/",)  # sign-in, codes, passwords: each try must really run


def fingerprint(request: HttpRequest) -> str:
    digest = hashlib.sha256()
    digest.update(f"{request.user.pk}\n{request.path}\n".encode())
    for key in sorted(request.POST):
        if key not in _NOT_PART_OF_IT:
            for value in request.POST.getlist(key):
                digest.update(f"{key}={value}\n".encode())
    for key in sorted(request.FILES):
        for upload in request.FILES.getlist(key):
            digest.update(f"{key}:{upload.name}:{upload.size}\n".encode())
    return digest.hexdigest()


def _guarded(request: HttpRequest) -> bool:
    return (
        request.method == "POST"
        and request.user.is_authenticated
        and not request.path.startswith(_NEVER_GUARDED)
        and not request.headers.get("HX-Request")
    )


def once_per_submission(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        if not _guarded(request):
            return get_response(request)
        mark = fingerprint(request)
        user_id: int = request.user.pk  # type: ignore[assignment]  # signed in: checked above
        window = timedelta(minutes=settings.RAPPORT_REPEAT_WINDOW_MINUTES)
        with transaction.atomic():
            # This user's claims older than the window are finished with (keeps the table small).
            RecentSubmission.objects.filter(user_id=user_id, created_at__lt=timezone.now() - window).delete()
            try:
                with transaction.atomic():
                    claim = RecentSubmission.objects.create(
                        user_id=user_id, fingerprint=mark, created_at=timezone.now()
                    )
            except IntegrityError:
                first = RecentSubmission.objects.filter(user_id=user_id, fingerprint=mark).first()
                messages.info(request, "That was already saved a moment ago, so it was not saved twice.")
                return HttpResponseRedirect(first.result_url if first and first.result_url else request.path)
            response = get_response(request)
            if response.status_code in (301, 302, 303) and response.get("Location"):
                claim.result_url = response["Location"][:255]
                claim.save(update_fields=["result_url"])
            else:
                claim.delete()
            return response

    return middleware
