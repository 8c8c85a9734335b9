"""Small bar charts drawn on the server as SVG: no script, no library, readable without
colour (each bar is labelled in the table beside it)."""

from dataclasses import dataclass

WIDTH, HEIGHT, GAP, TOP = 360, 140, 6, 16


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: nothing to measure that week (not the same as 0)
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    title: str
    unit: str
    bars: list[Bar]
    top: float
    width: int = WIDTH
    height: int = HEIGHT


def bar_chart(
    title: str, unit: str, points: list[tuple[str, float | None]], top: float | None = None
) -> Chart:
    top = top or max([value or 0 for _, value in points] + [1])
    slot = WIDTH / max(1, len(points))
    bars = [
        Bar(
            label=label,
            value=value,
            x=round(i * slot + GAP / 2, 1),
            y=round(TOP + (HEIGHT - TOP) * (1 - (value or 0) / top), 1),
            width=round(slot - GAP, 1),
            height=round((HEIGHT - TOP) * (value or 0) / top, 1),
        )
        for i, (label, value) in enumerate(points)
    ]
    return Chart(title, unit, bars, top)
