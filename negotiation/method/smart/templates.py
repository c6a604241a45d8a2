"""Criterion templates proposed from the intake's complaints, to be completed in the room.

A slow service desk becomes "From DATE, N % of priority-1 incidents are resolved within
H business hours, measured monthly from SYSTEM". The capitals are placeholders: the SMART check
flags them until the mediator fills them in. Only the Complaint's stable fields are read
(id, category, raised_by).
"""
from __future__ import annotations

from dataclasses import dataclass

from negotiation.data.intake import Complaint
from negotiation.data.intake import ComplaintCategory as Cat
from negotiation.data.smart import Area, DateKind, Direction, Frequency, SmartCriterion
from negotiation.kernel.i18n import t

# category -> (area, unit, direction, frequency, date kind)
TEMPLATES: dict[Cat, tuple[Area, str, Direction, Frequency, DateKind]] = {
    Cat.SYSTEM_DEFECTS: (Area.DEFECTS, "open defects", Direction.AT_MOST, Frequency.WEEKLY, DateKind.FROM),
    Cat.PROMISES_NOT_KEPT: (Area.FUNCTIONALITY, "%", Direction.AT_LEAST, Frequency.MONTHLY, DateKind.BY),
    Cat.INVOICING_WRONG: (Area.INVOICING, "%", Direction.AT_MOST, Frequency.MONTHLY, DateKind.FROM),
    Cat.SERVICE_DESK_SLOW: (Area.SERVICE_DESK, "%", Direction.AT_LEAST, Frequency.MONTHLY, DateKind.FROM),
    Cat.EXTRA_WORK_EXPENSIVE: (Area.EXTRA_WORK_PRICING, "EUR per day", Direction.AT_MOST, Frequency.PER_EVENT,
                               DateKind.FROM),
    Cat.NO_BUSINESS_UNDERSTANDING: (Area.BUSINESS_FIT, "%", Direction.AT_LEAST, Frequency.PER_EVENT, DateKind.FROM),
    Cat.RELEASES_MISS_NEEDS: (Area.RELEASES, "%", Direction.AT_LEAST, Frequency.PER_EVENT, DateKind.FROM),
    Cat.REQUIREMENTS_LATE: (Area.BUSINESS_FIT, "%", Direction.AT_LEAST, Frequency.MONTHLY, DateKind.BY),
    Cat.DECISIONS_LATE: (Area.OTHER, "%", Direction.AT_LEAST, Frequency.MONTHLY, DateKind.FROM),
    Cat.CLIENT_UNAVAILABLE: (Area.OTHER, "%", Direction.AT_LEAST, Frequency.MONTHLY, DateKind.FROM),
    Cat.INVOICES_UNPAID: (Area.INVOICING, "%", Direction.AT_LEAST, Frequency.MONTHLY, DateKind.FROM),
    Cat.OTHER: (Area.OTHER, "", Direction.AT_LEAST, Frequency.MONTHLY, DateKind.FROM),
}


@dataclass(frozen=True)
class Template:
    complaint_id: str
    area: Area
    statement: str
    unit: str
    direction: Direction
    frequency: Frequency
    date_kind: DateKind
    metric: str

    def criterion(self) -> SmartCriterion:
        """A draft criterion answering the complaint; the mediator completes it in the room."""
        return SmartCriterion(statement=self.statement, area=self.area, metric=self.metric, unit=self.unit,
                              direction=self.direction, frequency=self.frequency, date_kind=self.date_kind,
                              complaint_ids=[self.complaint_id])


def template_for(complaint: Complaint) -> Template:
    """The criterion template of the area matching `complaint`'s category, in the screen's language."""
    area, unit, direction, frequency, date_kind = TEMPLATES.get(complaint.category, TEMPLATES[Cat.OTHER])
    key = complaint.category.value
    return Template(complaint_id=complaint.id, area=area, statement=t(f"system.template.{key}"),
                    unit=unit, direction=direction, frequency=frequency, date_kind=date_kind,
                    metric=t(f"system.template_metric.{key}"))


def templates_for(complaints: list[Complaint], answered: set[str] | None = None) -> list[Template]:
    """A template for each complaint that no criterion answers yet (all of them when `answered` is None)."""
    answered = answered or set()
    return [template_for(c) for c in complaints if c.id not in answered]
