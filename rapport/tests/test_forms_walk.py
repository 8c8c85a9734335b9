"""Every form of the app, walked as a worker, a leader and an administrator (issue 9, item 11).

Each group of fields has a legend that says what it is for, every field has a label, radio
buttons and checkbox lists sit in a fieldset, and a form sent empty comes back with the error
summary (which js/errors.js focuses) and a title starting "Error:".
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from people.models import Person
from rapport.testing.long_words import seed_full_circle
from rapport.testing.urlwalk import fill, project_patterns

NOT_PAGES = {"logout", "reminders:feed", "share_packs:fhir", "consent:subject_access"}
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


@dataclass
class Form:
    method: str
    action: str
    fields: set[str] = field(default_factory=set)


class FormAudit(HTMLParser):
    """What a page's forms get wrong: fieldsets without a legend, fields without a label,
    radio buttons or checkbox lists outside a fieldset."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.forms: list[Form] = []
        self.title = ""
        self._in_title = False
        self._labels_for: set[str] = set()
        self._label_depth = 0
        # Each field: its tag, its attributes, whether a <label> wraps it, how many fieldsets do.
        self._fields: list[tuple[str, dict[str, str | None], bool, int]] = []
        self._fieldsets: list[list[str]] = []  # the legend texts of each open fieldset
        self._legend: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "title" and not self.title:  # the page's, not an SVG chart's
            self._in_title = True
        elif tag == "form":
            self.forms.append(Form((attr.get("method") or "get").lower(), attr.get("action") or ""))
        elif tag == "label":
            self._label_depth += 1
            if attr.get("for"):
                self._labels_for.add(str(attr["for"]))
        elif tag == "fieldset":
            self._fieldsets.append([])
        elif tag == "legend" and self._fieldsets:
            self._legend = self._fieldsets[-1]
            self._legend.append("")
        elif tag in ("input", "select", "textarea"):
            if (attr.get("type") or "text").lower() in UNLABELLED_TYPES:
                return
            self._fields.append((tag, attr, self._label_depth > 0, len(self._fieldsets)))
            if self.forms and attr.get("name"):
                self.forms[-1].fields.add(str(attr["name"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "label":
            self._label_depth = max(0, self._label_depth - 1)
        elif tag == "legend":
            self._legend = None
        elif tag == "fieldset" and self._fieldsets:
            legend = self._fieldsets.pop()
            if not legend or not legend[0].strip():
                self.problems.append("a fieldset without a legend")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._legend is not None:
            self._legend[-1] += data

    def close(self) -> None:
        super().close()
        names: dict[str, list[int]] = {}
        for tag, attr, in_label, fieldsets in self._fields:
            labelled = in_label or attr.get("id") in self._labels_for
            labelled = labelled or bool(attr.get("aria-label") or attr.get("aria-labelledby"))
            if not labelled:
                self.problems.append(f"<{tag} name={attr.get('name')}> has no label")
            kind = (attr.get("type") or "").lower()
            if tag == "input" and kind in ("radio", "checkbox"):
                names.setdefault(f"{kind}:{attr.get('name')}", []).append(fieldsets)
        for name, depths in names.items():
            grouped = name.startswith("radio") or len(depths) > 1
            if grouped and min(depths) == 0:
                self.problems.append(f"the {name} group is not in a fieldset")


def audit(html: str) -> FormAudit:
    parser = FormAudit()
    parser.feed(html)
    parser.close()
    return parser


def form_pages(client: Client, values: dict[str, object]) -> dict[str, str]:
    """Path -> HTML of every page this client may open that holds a form."""
    pages = {}
    for name, route, _ in project_patterns():
        if name in NOT_PAGES:
            continue
        path = fill(route, values)
        response = client.get(path)
        body = response.content.decode()
        html = response["Content-Type"].startswith("text/html")
        if response.status_code == 200 and html and "<form" in body:
            pages[path] = body
    return pages


@pytest.fixture
def staff(worker: User, leader: User, administrator: User) -> dict[str, User]:
    return {"worker": worker, "leader": leader, "administrator": administrator}


@pytest.mark.parametrize("who", ["worker", "leader", "administrator"])
def test_every_group_has_a_legend_and_every_field_a_label(client, staff, who, person: Person) -> None:
    values = seed_full_circle(person, staff["worker"], staff["leader"])
    client.force_login(staff[who])
    pages = form_pages(client, values)
    assert len(pages) > 20
    problems = {path: audit(html).problems for path, html in pages.items()}
    assert {path: p for path, p in problems.items() if p} == {}


@pytest.mark.parametrize("who", ["worker", "leader", "administrator"])
def test_a_form_sent_empty_comes_back_with_one_error_summary(client, staff, who, person: Person) -> None:
    """What a browser sends for an untouched form: every field, empty. A form that accepts
    that (every field optional) redirects; any other answer must say "Error:" first in the
    title and hold exactly one summary for js/errors.js to focus."""
    values = seed_full_circle(person, staff["worker"], staff["leader"])
    client.force_login(staff[who])
    refused = []
    for path, html in form_pages(client, values).items():
        for form in audit(html).forms:
            if form.method != "post" or form.action == reverse("logout"):
                continue
            target = form.action or path
            response = client.post(target, {"csrfmiddlewaretoken": "x", **dict.fromkeys(form.fields, "")})
            if response.status_code == 302:
                continue
            body = response.content.decode()
            summaries = body.count('id="form-problems"') + body.count('id="conflict"')
            assert (audit(body).title.startswith("Error:"), summaries) == (True, 1), f"{path} -> {target}"
            refused.append(target)
    assert len(refused) > 10


def test_the_audit_finds_what_it_looks_for() -> None:
    bad = (
        "<form><fieldset><div></div><input type=radio name=a id=a1><label for=a1>A</label></fieldset>"
        "<input name=b><input type=radio name=c aria-label=C></form>"
    )
    assert audit(bad).problems == [
        "a fieldset without a legend",
        "<input name=b> has no label",
        "the radio:c group is not in a fieldset",
    ]
