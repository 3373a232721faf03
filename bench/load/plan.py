"""What the load test requests, prepared in the database before it starts and read back after.

`prepare(respondents)` adds one open 360° survey round to the main demo school with that many
fresh invitations (each token is submitted once by the load test), signs the demo logins in
(sessions made directly, so that no password hash is computed under load) and returns the
plan the locustfile reads: per role the session cookie and the pages to open.

`verify(plan, completed)` counts what was stored for the load survey against the tokens the
load test saw completed: a lost submission (the harness got the thank-you page, nothing was
stored) or a duplicated one (two responses or twice the answers for one link) is reported.
"""

import datetime

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from accounts.models import User
from core.bench import bench_pages
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG
from core.tokens import new_token
from organisations.models import Membership
from surveys.answering import questions_for
from surveys.models import (
    Answer,
    InstrumentVersion,
    Invitation,
    RaterGroup,
    Response,
    Round,
    Survey,
)

LOAD_SURVEY_TITLE = "Belastingtest 360°"
# The bench pages each role opens (by name in the apps' bench_pages.py), beside its home page.
ROLE_PAGES = {
    "staff": ["PLG list", "team charter"],
    "leader": ["360° report", "school team goals", "team collaboration"],
    "trainer": ["edition overview"],
}
ANONYMOUS_PAGES = ["public catalogue"]
WANTED_ITEMS = 44


def _session_cookie(user: User) -> str:
    """A signed-in session for the user, stored by the configured session engine."""
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.set_expiry(datetime.timedelta(hours=2))
    store.save()
    return store.session_key


def _load_round(respondents: int) -> tuple[Round, RaterGroup, int]:
    """A fresh open round of a 360° on the main school's coach (the bench's pages read the
    leader's), with the rater group whose form is nearest to 44 items, and `respondents`
    invitations to it."""
    subject = Membership.objects.select_related("organisation", "user").get(
        organisation__slug=MAIN_SCHOOL_SLUG, user__email=LOGIN_EMAILS["coach"]
    )
    version = (
        InstrumentVersion.objects.filter(instrument__code="gedeeld-leiderschap-360")
        .order_by("-number")
        .first()
    )
    survey = Survey.objects.create(
        organisation=subject.organisation,
        version=version,
        title=f"{LOAD_SURVEY_TITLE} {timezone.now():%Y-%m-%d %H:%M:%S}",
        subject=subject,
        created_by=subject.user,
    )
    groups = RaterGroup.objects.bulk_create(
        RaterGroup(survey=survey, kind=kind, position=n, threshold=3)
        for n, kind in enumerate(version.rater_groups)
    )
    today = timezone.localdate()
    round_ = Round.objects.create(
        survey=survey,
        number=1,
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=14),
    )
    probe = Invitation(round=round_, email="probe@example.invalid")
    sizes = {}
    for group in groups:
        probe.rater_group = group
        sizes[group.pk] = len(questions_for(probe)[0])
    group = min(groups, key=lambda g: (abs(sizes[g.pk] - WANTED_ITEMS), -sizes[g.pk]))
    Invitation.objects.bulk_create(
        Invitation(
            round=round_,
            rater_group=group,
            email=f"belasting-{n}@example.invalid",
            token=new_token(),
            sent_at=timezone.now(),
        )
        for n in range(respondents)
    )
    return round_, group, sizes[group.pk]


def prepare(respondents: int) -> dict:
    by_name = {page.name: page for page in bench_pages()}
    round_, group, items = _load_round(respondents)
    tokens = list(
        Invitation.objects.filter(round=round_).order_by("pk").values_list("token", flat=True)
    )
    roles = {}
    for role, names in ROLE_PAGES.items():
        user = User.objects.get(email=LOGIN_EMAILS[role])
        pages = {"home": reverse("dashboard")}
        pages.update({name: by_name[name].url for name in names})
        roles[role] = {"session": _session_cookie(user), "pages": pages}
    return {
        "round": round_.pk,
        "items": items,
        "rater_group": group.kind,
        "tokens": tokens,
        "answer_url": reverse("surveys:answer", args=["TOKEN"]),
        "roles": roles,
        "anonymous": {name: by_name[name].url for name in ANONYMOUS_PAGES},
        "session_cookie": settings.SESSION_COOKIE_NAME,
    }


def verify(plan: dict, completed: list[str], sent: list[str]) -> dict:
    """Stored responses of the load round against the tokens the harness completed (its
    thank-you page came back) and sent (the submit went out; the run may have ended before
    its answer came back)."""
    round_id = plan["round"]
    responses = Response.objects.filter(round_id=round_id)
    answers = list(
        Answer.objects.filter(response__round_id=round_id)
        .values("response")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
    done = set(
        Invitation.objects.filter(
            round_id=round_id, status=Invitation.Status.COMPLETED
        ).values_list("token", flat=True)
    )
    harness, went_out = set(completed), set(sent)
    stored = responses.count()
    submitted = responses.filter(status=Response.Status.SUBMITTED).count()
    return {
        "harness_completed": len(harness),
        "stored_responses": stored,
        "stored_submitted": submitted,
        "invitations_completed": len(done),
        # Completed for the harness, but no completed invitation, no submitted response or
        # fewer answers than the form has items.
        "lost": len(harness - done)
        + max(0, len(done) - submitted)
        + sum(1 for n in answers if n < plan["items"]),
        # A link stored twice (more responses than completed links), a response with more
        # answers than the form has items, a link completed that was never submitted by the
        # harness, or a thank-you page twice for one link.
        "duplicated": max(0, stored - len(done))
        + sum(1 for n in answers if n > plan["items"])
        + len(done - went_out)
        + (len(completed) - len(harness)),
        # Submits that were stored but whose answer the harness did not see: cut off when the
        # run ended (at most one for each respondent user).
        "unconfirmed": len((done & went_out) - harness),
        "answers": sum(answers),
        "items_per_response": plan["items"],
    }
