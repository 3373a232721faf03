"""The geometry of a map's drawing: the steps as boxes in a row and, beneath them, a timeline
whose segments are as wide as each step's process and waiting time, with the pain points'
texts under their step. The template (valuestreams/_map_svg.html) draws it; nothing here is
markup."""

import textwrap
from dataclasses import dataclass, field

BOX_W, BOX_H, GAP, MARGIN = 176, 96, 28, 12
TIMELINE_GAP, BAR_H = 40, 26
LINE_H = 15
NAME_CHARS, PAIN_CHARS = 19, 24  # characters per line in a box, and under it
LABEL_MIN_WIDTH = 60  # a segment narrower than this has its time in the table only


@dataclass
class Segment:
    x: float
    width: float
    minutes: int
    kind: str  # "process" or "wait"
    longest: bool = False

    @property
    def centre(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def label_x(self) -> float:
        return round(self.x + 3, 1)

    @property
    def labelled(self) -> bool:
        return self.width >= LABEL_MIN_WIDTH


@dataclass
class Box:
    step: object
    x: int
    name_lines: list[tuple[int, str]]  # (y, text)
    pain_lines: list[tuple[int, str]]
    segments: list[Segment] = field(default_factory=list)
    arrow: tuple[int, int, str] | None = None  # to the next box: x from, x to, the head's points

    @property
    def centre(self) -> int:
        return self.x + BOX_W // 2

    @property
    def right(self) -> int:
        return self.x + BOX_W


@dataclass
class Drawing:
    boxes: list[Box]
    width: int
    height: int
    longest: Segment | None
    box_y: int = MARGIN
    box_w: int = BOX_W
    box_h: int = BOX_H
    gap: int = GAP
    timeline_y: int = MARGIN + BOX_H + TIMELINE_GAP
    bar_h: int = BAR_H

    @property
    def label_y(self) -> int:
        return self.timeline_y + self.bar_h + 16

    @property
    def longest_y(self) -> int:
        return self.timeline_y + self.bar_h + 34

    @property
    def arrow_y(self) -> int:
        return self.box_y + self.box_h // 2

    @property
    def longest_x(self) -> float:
        """Where the longest wait's label starts: under its segment, inside the picture (the
        label is about 300 wide)."""
        if self.longest is None:
            return 0
        return max(min(self.longest.x, self.width - MARGIN - 300), MARGIN)


def _pain_lines(pains, top: int) -> list[tuple[int, str]]:
    lines, y = [], top
    for pain in pains:
        for text in textwrap.wrap(f"⚠ {pain.description}", PAIN_CHARS)[:4]:
            lines.append((y, text))
            y += LINE_H
        y += 5
    return lines


def draw(steps, longest_wait=None) -> Drawing:
    """Steps already read (with `pains`, their pain points) and the step with the longest
    wait (flow.longest_wait) as a drawing."""
    steps = list(steps)
    count = len(steps)
    width = max(2 * MARGIN + count * BOX_W + max(count - 1, 0) * GAP, 320)
    timeline_width = width - 2 * MARGIN
    lead = sum(step.process_minutes + step.waiting_minutes for step in steps)
    drawing = Drawing(boxes=[], width=width, height=0, longest=None)
    pain_top = drawing.longest_y + 30
    x_time, bottom = float(MARGIN), drawing.longest_y + 12
    for index, step in enumerate(steps):
        names = textwrap.wrap(f"{step.position}. {step.name}", NAME_CHARS)[:2]
        box = Box(
            step=step,
            x=MARGIN + index * (BOX_W + GAP),
            name_lines=[(MARGIN + 20 + 16 * n, text) for n, text in enumerate(names)],
            pain_lines=_pain_lines(getattr(step, "pains", ()), pain_top),
        )
        for kind, minutes in (("process", step.process_minutes), ("wait", step.waiting_minutes)):
            share = minutes / lead * timeline_width if lead else 0
            segment = Segment(x=round(x_time, 1), width=round(share, 1), minutes=minutes, kind=kind)
            if kind == "wait" and longest_wait is not None and step.pk == longest_wait.pk:
                segment.longest = True
                drawing.longest = segment
            box.segments.append(segment)
            x_time += share
        if index < count - 1:
            start, end, y = box.right, box.right + GAP, drawing.arrow_y
            box.arrow = (start, end - 7, f"{end - 8},{y - 5} {end},{y} {end - 8},{y + 5}")
        if box.pain_lines:
            bottom = max(bottom, box.pain_lines[-1][0] + 8)
        drawing.boxes.append(box)
    drawing.height = bottom + MARGIN
    return drawing
