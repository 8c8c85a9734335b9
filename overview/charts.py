"""Small bar charts drawn on the server as SVG: no script, no library, readable without
colour (each bar is labelled in the table beside it)."""

from dataclasses import dataclass

WIDTH, HEIGHT, GAP, TOP = 360, 140, 6, 16


@dataclass(frozen=True)
class Bar:
    """A week's bar. Its figures are written out here, once: the SVG's coordinates need a
    point for decimals whatever the locale, and a template localising each of a page's few
    hundred numbers was a tenth of the overview's work."""

    label: str
    value: float | None  # None: nothing to measure that week (not the same as 0)
    x: str
    y: str
    width: str
    height: str

    @property
    def figure(self) -> str | None:
        return None if self.value is None else f"{self.value:.0f}"


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
            x=_svg(i * slot + GAP / 2),
            y=_svg(TOP + (HEIGHT - TOP) * (1 - (value or 0) / top)),
            width=_svg(slot - GAP),
            height=_svg((HEIGHT - TOP) * (value or 0) / top),
        )
        for i, (label, value) in enumerate(points)
    ]
    return Chart(title, unit, bars, top)


def _svg(number: float) -> str:
    return f"{round(number, 1):g}"
