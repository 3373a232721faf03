"""Professional learning communities (PLG's): the group, its people, its cycle and its work."""

from .library import Product, ProductReaction, Resource
from .meetings import ActionItem, AgendaItem, Attendance, Decision, Meeting, MeetingRole
from .plgs import (
    LEADING_ROLES,
    MEETING_KEEPING_ROLES,
    PLG,
    Evidence,
    MemberRole,
    PhaseRecord,
    PLGMember,
    Role,
)

__all__ = [
    "LEADING_ROLES",
    "MEETING_KEEPING_ROLES",
    "PLG",
    "ActionItem",
    "AgendaItem",
    "Attendance",
    "Decision",
    "Evidence",
    "Meeting",
    "MeetingRole",
    "MemberRole",
    "PLGMember",
    "PhaseRecord",
    "Product",
    "ProductReaction",
    "Resource",
    "Role",
]
