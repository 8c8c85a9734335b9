"""Everyone around a person: family and carers, practitioners, partner organisations.

A contact or organisation is entered once and can stand in many circles; the
relationship holds what is particular to one person (role, legal authority, cadence).
"""

from datetime import date

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from people.models import Person
from rapport.lib.labels import field_label
from rapport.lib.search_text import FoldedSearch


class Channel(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video call"
    SECURE_EMAIL = "secure_email", "Secure email"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    PORTAL = "portal", "Secure portal"
    TEXT = "text", "Text message"


class Organisation(FoldedSearch):
    class Kind(models.TextChoices):
        GP_SURGERY = "gp", "GP surgery"
        PHARMACY = "pharmacy", "Pharmacy"
        HOSPITAL = "hospital", "Hospital or trust"
        COMMUNITY_HEALTH = "community", "Community health service"
        COUNCIL = "council", "Council or social services"
        HOUSING = "housing", "Housing provider"
        VOLUNTARY = "voluntary", "Voluntary or community group"
        OTHER = "other", "Other"

    SEARCH_FIELDS = ("name",)

    name = models.CharField(max_length=160)
    kind = models.CharField("type", max_length=12, choices=Kind.choices)
    ods_code = models.CharField(
        "ODS code",
        max_length=10,
        blank=True,
        help_text="The NHS Organisation Data Service code, if it has one (e.g. Y02494).",
    )
    secure_channel = models.CharField(
        "agreed secure channel", max_length=16, choices=Channel.choices, blank=True
    )
    secure_address = models.CharField(
        "secure address or number",
        max_length=200,
        blank=True,
        help_text="The shared mailbox, portal or number agreed for personal information.",
    )
    phone = models.CharField(max_length=32, blank=True)
    address = models.TextField(blank=True)
    dsa_scope = models.TextField(
        "data-sharing agreement: what it covers",
        blank=True,
        help_text="The purposes and kinds of information the agreement allows.",
    )
    dsa_signed_on = models.DateField("data-sharing agreement signed", null=True, blank=True)
    dsa_expires_on = models.DateField("data-sharing agreement expires", null=True, blank=True)
    notes = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["version", "search_text"])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def agreement_lapsed_on(self, day: date) -> date | None:
        """The expiry date if a signed agreement had expired by `day`."""
        if self.dsa_signed_on and self.dsa_expires_on and self.dsa_expires_on < day:
            return self.dsa_expires_on
        return None


class Contact(FoldedSearch):
    class Kind(models.TextChoices):
        FAMILY = "family", "Parent, carer or family member"
        PRACTITIONER = "practitioner", "Health or social care practitioner"
        PARTNER = "partner", "Contact at a partner organisation"

    SEARCH_FIELDS = ("given_name", "family_name", "form_of_address", "profession", "email")

    kind = models.CharField(max_length=14, choices=Kind.choices)
    title = models.CharField(max_length=20, blank=True, help_text="Mrs, Mr, Ms, Mx, Dr…")
    given_name = models.CharField("first name", max_length=80)
    family_name = models.CharField("surname", max_length=80, blank=True)
    form_of_address = models.CharField(
        "likes to be called",
        max_length=80,
        blank=True,
        help_text="How they like to be addressed, e.g. “Mrs Okafor” or “Grace”.",
    )
    profession = models.CharField(
        max_length=80, blank=True, help_text="For practitioners: GP, district nurse, social worker…"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    phone = models.CharField(max_length=32, blank=True)
    email = models.EmailField(blank=True)
    preferred_channel = models.CharField(
        "prefers to be contacted by", max_length=16, choices=Channel.choices, blank=True
    )
    availability = models.CharField(
        max_length=200, blank=True, help_text="When they can be reached, e.g. “weekdays after 4pm”."
    )
    notes = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["version", "search_text"])

    class Meta:
        ordering = ["family_name", "given_name", "id"]
        indexes = [
            models.Index(fields=["kind", "family_name"], name="contact_kind_name"),
            # The directory in its own order: a page of it is read from the start of this
            # index, checking each contact against the reader's circles, however many
            # practitioners the service keeps.
            models.Index(fields=["family_name", "given_name", "id"], name="contact_in_order"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.title, self.given_name, self.family_name) if p)

    @property
    def addressed_as(self) -> str:
        return self.form_of_address or self.full_name


class RelationshipQuerySet(models.QuerySet["Relationship"]):
    def current(self, on: date | models.Expression | None = None) -> "RelationshipQuerySet":
        """Relationships not ended before `on` (today, or a statement's slot): the database
        twin of `is_current`."""
        day = on or timezone.localdate()
        return self.filter(models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=day))


class Relationship(models.Model):
    """One contact or organisation in one person's circle."""

    class Group(models.TextChoices):
        FAMILY = "family", "Family, parents and carers"
        PRACTITIONER = "practitioner", "Health and social care practitioners"
        PARTNER = "partner", "External partners"

    class Frequency(models.IntegerChoices):
        WEEKLY = 7, "Every week"
        FORTNIGHTLY = 14, "Every two weeks"
        MONTHLY = 28, "Every four weeks"
        QUARTERLY = 91, "Every three months"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relationships")
    group = models.CharField(max_length=14, choices=Group.choices)
    contact = models.ForeignKey(
        Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="relationships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="relationships"
    )
    role = models.CharField(
        "role for this person",
        max_length=80,
        help_text="For example: daughter, GP, social worker, pharmacy.",
    )
    next_of_kin = models.BooleanField(default=False)
    lpa_health_welfare = models.BooleanField(
        "Lasting Power of Attorney for health and welfare", default=False
    )
    lpa_property_finance = models.BooleanField(
        "Lasting Power of Attorney for property and finance", default=False
    )
    deputy = models.BooleanField("court-appointed deputy", default=False)
    parental_responsibility = models.BooleanField(default=False)
    is_key_contact = models.BooleanField("key contact", default=False)
    kept_informed = models.BooleanField(
        "keep informed of changes",
        default=False,
        help_text="The person wants them told when something changes.",
    )
    contact_channel = models.CharField(
        "agreed way of keeping in touch", max_length=16, choices=Channel.choices, blank=True
    )
    contact_every_days = models.PositiveSmallIntegerField(
        "agreed frequency of contact", choices=Frequency.choices, null=True, blank=True
    )
    last_contact_at = models.DateTimeField(
        "last contact",
        null=True,
        blank=True,
        editable=False,
        help_text="When someone last spoke with them: kept by the conversation log, so My day "
        "finds lapsed contact without reading years of conversations.",
    )
    started_on = models.DateField("from", default=timezone.localdate)
    ended_on = models.DateField("until", null=True, blank=True)
    end_reason = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["version", "last_contact_at"])

    objects = RelationshipQuerySet.as_manager()

    class Meta:
        ordering = ["-is_key_contact", "role", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(contact__isnull=False, organisation__isnull=True)
                    | models.Q(contact__isnull=True, organisation__isnull=False)
                ),
                name="relationship_one_party",
                violation_error_message="A relationship is with one contact or one organisation.",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="relationship_ends_after_start",
                violation_error_message="The end date cannot be before the start date.",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "ended_on"], name="relationship_person_current"),
            models.Index(
                fields=["contact_every_days", "last_contact_at"],
                condition=models.Q(contact_every_days__isnull=False),
                name="relationship_rhythm",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party} ({self.role}) for {self.person_id}"

    @property
    def party(self) -> Contact | Organisation:
        party = self.contact or self.organisation
        assert party is not None
        return party

    @property
    def party_organisation(self) -> Organisation | None:
        """The organisation itself, or the one a practitioner or partner contact works for."""
        if self.organisation is not None:
            return self.organisation
        return self.contact.organisation if self.contact is not None else None

    def is_current_on(self, day: date) -> bool:
        return self.ended_on is None or self.ended_on >= day

    @property
    def is_current(self) -> bool:
        """The Python twin of `Relationship.objects.current()`."""
        return self.is_current_on(timezone.localdate())

    @property
    def legal_roles(self) -> list[str]:
        names = [
            "lpa_health_welfare",
            "lpa_property_finance",
            "deputy",
            "parental_responsibility",
            "next_of_kin",
        ]
        return [field_label(Relationship, n) for n in names if getattr(self, n)]
