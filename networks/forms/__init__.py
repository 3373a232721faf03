"""The app's forms, by what they serve; importing from `networks.forms` keeps working."""

from .editions import (
    DeadlineForm,
    EditionForm,
    GroupMembersForm,
    IntakeForm,
    LearningGroupForm,
    ParticipantsField,
    ProgrammeForm,
    QuestionForm,
    SessionForm,
    SessionSeriesForm,
    TrainerField,
)
from .learning import (
    AssignmentForm,
    CoachingMomentForm,
    CoachingRoundForm,
    FeedbackForm,
    LiteratureForm,
    ReflectionForm,
    ResearchGroupForm,
    ResearchScheduleForm,
    SubmissionForm,
)
from .registration import ApplicationForm, CatalogueFilterForm
from .widgets import DATE, DATETIME, TIME

__all__ = [
    "ApplicationForm",
    "AssignmentForm",
    "CatalogueFilterForm",
    "CoachingMomentForm",
    "CoachingRoundForm",
    "DATE",
    "DATETIME",
    "DeadlineForm",
    "EditionForm",
    "FeedbackForm",
    "GroupMembersForm",
    "IntakeForm",
    "LearningGroupForm",
    "LiteratureForm",
    "ParticipantsField",
    "ProgrammeForm",
    "QuestionForm",
    "ReflectionForm",
    "ResearchGroupForm",
    "ResearchScheduleForm",
    "SessionForm",
    "SessionSeriesForm",
    "SubmissionForm",
    "TIME",
    "TrainerField",
]
