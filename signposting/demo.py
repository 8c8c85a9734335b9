"""A synthetic local services directory for the demo."""

from signposting.models import Service

SERVICES = [
    ("Riverside Carers' Centre", "carers", "Advice, short breaks and a weekly group for unpaid carers."),
    ("Money Advice Hub", "money", "Benefits checks, help with forms and debt advice."),
    ("Northgate Housing Options", "housing", "Advice on adaptations, moving and tenancy worries."),
    ("Talking Space", "mental_health", "Free talking therapy; people can refer themselves."),
    ("Memory Lane Café", "dementia", "Monthly café for people living with dementia and their families."),
    ("Friday Friends Club", "social", "Lunch, music and company every Friday at the community hall."),
    ("Dial-a-Ride", "transport", "Door-to-door minibus for people who cannot use buses."),
    ("Stepping Stones Bereavement", "bereavement", "One-to-one and group support after a death."),
    ("Speak Up Advocacy", "advocacy", "Independent advocates, including for best-interests decisions."),
]


def load_services() -> dict[str, int]:
    services = [
        Service(
            name=name,
            topic=topic,
            helps_with=helps,
            how_to_contact=f"Phone 01632 960 {100 + n:03d}; weekdays 9am to 5pm.",
            area="Town and surrounding villages",
        )
        for n, (name, topic, helps) in enumerate(SERVICES)
    ]
    for service in services:  # bulk_create skips save(), which keeps the search column
        service.search_text = service.fold_search_fields()
    Service.objects.bulk_create(services)
    return {"local services": len(SERVICES)}
