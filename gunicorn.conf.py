"""Gunicorn's settings for Rapport, read from the working directory by every `gunicorn`
started there (the README's production command, the load benchmark, the two-hosts test).

Why the garbage collector is tuned. A worker holds Django, every app and its compiled
templates: about 150,000 Python objects that live as long as the process. Left alone, the
collector walks all of them each time it reaches its oldest generation, which `make bench`
caught as one request in a few hundred taking 300 ms longer than it should (a whole
collection). Freezing what exists once the app is loaded moves those objects out of the
collector's reach, so a full collection looks only at what requests leave behind. Young
collections are made ten times rarer: a page makes tens of thousands of short-lived
objects, and collecting every 700 of them cost a page about 1 ms. Neither change keeps
garbage alive: objects in cycles are still collected, and frozen ones are the app itself.
"""

import gc
from typing import Any

YOUNG_THRESHOLD = 7000  # Python's default is 700


def post_worker_init(worker: Any) -> None:
    """Once this worker has loaded the app and its views (the URL patterns import them):
    move what it holds out of the collector's walk."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imported now, not by the first request
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
