"""The usual consultation bodies of a Flemish school, offered when a school first opens its
consultation structure: names and purposes in the language of whoever opens it first.

Each: (kind, name, purpose, rhythm, stakeholder groups, rule, weeks, weekday, time)."""

import datetime

from django.utils.translation import gettext_lazy as _

from .models import Body

K, R = Body.Kind, Body.Rule

STARTER = [
    (
        K.STAFF_MEETING,
        _("Staff meeting"),
        _("Inform and consult the whole staff on what concerns the school."),
        _("Monthly, on the first Monday, 15:45–17:00"),
        [],
        R.MONTHLY,
        None,
        0,
        datetime.time(15, 45),
    ),
    (
        K.POLICY_TEAM,
        _("Policy team"),
        _("Prepare and follow up the school's policy and its action plan."),
        _("Every other Tuesday, 12:30–13:30"),
        [],
        R.WEEKS,
        2,
        1,
        datetime.time(12, 30),
    ),
    (
        K.PUPIL_CARE,
        _("Pupil care meeting (MDO)"),
        _("Discuss pupils' needs with class teachers, the care team and the CLB."),
        _("Every six weeks, on Wednesday afternoon"),
        [_("pupil guidance centre (CLB)")],
        R.WEEKS,
        6,
        2,
        datetime.time(13, 30),
    ),
    (
        K.PARENTS_COUNCIL,
        _("Parents' council"),
        _("Parents' voice in school life; organises activities with the school."),
        _("About six times a year, in the evening"),
        [_("parents")],
        R.NONE,
        None,
        None,
        None,
    ),
    (
        K.SCHOOL_COUNCIL,
        _("School council"),
        _("Consultation and advice by parents, staff and the local community."),
        _("Four times a year"),
        [_("parents"), _("staff"), _("local community")],
        R.NONE,
        None,
        None,
        None,
    ),
    (
        K.PUPILS_COUNCIL,
        _("Pupils' council"),
        _("Pupils speak up about their school and take part in decisions."),
        _("Monthly, on Friday morning"),
        [_("pupils")],
        R.MONTHLY,
        None,
        4,
        datetime.time(11, 0),
    ),
    (
        K.INSPECTORATE,
        _("Inspectorate visit"),
        _("Preparing and following up the visit of the education inspectorate."),
        _("When the inspectorate announces a visit"),
        [_("education inspectorate")],
        R.NONE,
        None,
        None,
        None,
    ),
    (
        K.PARTNERS,
        _("Consultation with partner companies"),
        _("Internships, projects and equipment with companies and organisations nearby."),
        _("Once a year"),
        [_("partner companies")],
        R.NONE,
        None,
        None,
        None,
    ),
]
