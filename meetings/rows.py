"""“Add another row” that works without JavaScript.

The button is a submit button named `add_<prefix>`: the server shows the form again with one
more empty row and everything typed kept, and saves nothing. static/js/rows.js adds the row
in the page instead when scripts run. The formsets' absolute_max still bounds the rows built,
whatever TOTAL_FORMS says.
"""

from django.http import HttpRequest, QueryDict


def with_added_row(request: HttpRequest, most: dict[str, int]) -> QueryDict | None:
    """The posted data with one more row in the formset whose "Add another" was pressed
    (never more than its most), or None when the form was sent to be saved."""
    if request.method != "POST":
        return None
    for prefix, limit in most.items():
        if f"add_{prefix}" in request.POST:
            data = request.POST.copy()
            key = f"{prefix}-TOTAL_FORMS"
            raw = data.get(key, "0")
            rows = int(raw) if raw.isdigit() and len(raw) < 6 else 0
            data[key] = str(min(rows + 1, limit))
            return data
    return None
