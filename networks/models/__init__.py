"""Learning networks and the course catalogue of providers.

A provider's Programme (course or trajectory) runs in Editions; people apply to an edition
(alone or as a group), are accepted or waitlisted, and then take part in learning groups and
sessions.
"""

from .catalogue import DeadlineChange, Edition, Programme, Question, Session
from .learning import (
    Assignment,
    CoachingGroup,
    CoachingMoment,
    LiteratureItem,
    Reflection,
    ResearchGroup,
    Submission,
)
from .registration import Answer, Application, Participant
from .running import Attendance, LearningGroup, ProfileRelease

__all__ = [
    "Answer",
    "Application",
    "Assignment",
    "Attendance",
    "CoachingGroup",
    "CoachingMoment",
    "DeadlineChange",
    "Edition",
    "LearningGroup",
    "LiteratureItem",
    "Participant",
    "ProfileRelease",
    "Programme",
    "Question",
    "Reflection",
    "ResearchGroup",
    "Session",
    "Submission",
]
