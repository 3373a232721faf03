"""The region's surveys (see core/region.py): per school a 360° about the leader and a team
pulse, each over two finished rounds, with their invitations, responses and answers.

The answers (10 million in a full region) are loaded without the table's indexes and foreign
keys, which are put back afterwards in one pass each.
"""

import datetime
import hashlib

from django.utils import timezone

from .loader import load_all
from .models import Answer, InstrumentVersion, Invitation, RaterGroup, Response, Round, Survey

# Last, where it always was: its raters and answers are drawn from the shared Random after the
# PLG's, so a seed keeps giving the same data.
AFTER = ("communities", "networks")
RESPONSES = 230_000
ANSWERS = 10_000_000


def _digest(*parts) -> str:
    return hashlib.sha256(":".join(str(p) for p in parts).encode()).hexdigest()


def build(region) -> None:
    surveys = region.table(
        Survey, ["id", "organisation_id", "version_id", "title", "subject_id", "created_by_id"]
    )
    groups = region.table(RaterGroup, ["id", "survey_id", "kind", "position", "threshold"])
    rounds = region.table(
        Round, ["id", "survey_id", "version_id", "number", "opens_on", "closes_on"]
    )
    invitations = region.table(
        Invitation, ["round_id", "rater_group_id", "email", "token", "status", "sent_at"]
    )
    responses = region.table(
        Response,
        ["id", "round_id", "rater_group_id", "pseudonym", "status", "language", "submitted_on"],
    )
    answers = region.table(Answer, ["response_id", "item_id", "value", "score"])
    if not InstrumentVersion.objects.exists():
        load_all()
    versions = {
        v.instrument.code: v
        for v in InstrumentVersion.objects.filter(instrument__owner__isnull=True)
        .select_related("instrument")
        .prefetch_related("items__scale")
        .order_by("number")
    }
    feedback, pulse = versions["gedeeld-leiderschap-360"], versions["teampols"]
    items = {
        code: {
            kind: [
                (i.pk, i.scale.minimum, i.scale.maximum, i.reverse, i.scale.allow_unknown)
                for i in version.items.all()
                if i.is_for(kind)
            ]
            for kind in version.rater_groups
        }
        for code, version in (("360", feedback), ("pulse", pulse))
    }
    # Raters per round, so that responses and answers both reach the region's totals.
    left_responses = region.wanted(RESPONSES, Response.objects.count())
    left_answers = region.wanted(ANSWERS, Answer.objects.count())
    per_360 = len(items["360"]["teachers"])
    per_pulse = len(items["pulse"]["teachers"])
    rounds_total = 2 * len(region.schools)
    mean = left_answers / left_responses
    share_360 = min(1.0, max(0.3, (mean - per_pulse) / max(per_360 - per_pulse, 1)))
    raters_pulse = max(3, round(left_responses * (1 - share_360) / rounds_total))
    # The answers decide: the instruments have at most per_360 items a response.
    raters_360 = max(4, round((left_answers / rounds_total - raters_pulse * per_pulse) / per_360))
    rng = region.rng
    noise = [rng.gauss(0, 0.6) for _ in range(1024)]
    today = region.today
    dates = [
        (today - datetime.timedelta(days=245), today - datetime.timedelta(days=228)),
        (today - datetime.timedelta(days=35), today - datetime.timedelta(days=20)),
    ]
    sent = timezone.now()
    rows = {"surveys": [], "groups": [], "rounds": [], "invitations": [], "responses": []}
    pending = []  # (response id, its items, the rater's leniency), answered after the COPY

    def answer_rows():
        for response, kind_items, leniency in pending:
            for pk, low, high, reverse, unknown in kind_items:
                if unknown and rng.random() < 0.03:
                    yield (response, pk, None, None)
                    continue
                wanted = min(high, max(low, round(leniency + noise[rng.getrandbits(10)])))
                yield (response, pk, low + high - wanted if reverse else wanted, float(wanted))

    def survey(school, version, code, title, subject, raters, base):
        survey_id = surveys.next_id()
        leader_mid, leader_uid, *_ = school.members[0]
        rows["surveys"].append((survey_id, school.id, version.pk, title, subject, leader_uid))
        group_ids = {}
        for position, kind in enumerate(version.rater_groups):
            if subject is None and kind in ("self", "superior"):
                continue
            group_ids[kind] = groups.next_id()
            threshold = 1 if kind in ("self", "superior") else 3
            rows["groups"].append((group_ids[kind], survey_id, kind, position, threshold))
        for number, (opens, closes) in enumerate(dates, start=1):
            round_id = rounds.next_id()
            rows["rounds"].append((round_id, survey_id, version.pk, number, opens, closes))
            for kind, email in raters:
                if kind not in group_ids:
                    continue
                token = _digest(region.seed, round_id, email)[:48]
                rows["invitations"].append(
                    (round_id, group_ids[kind], email, token, "completed", sent)
                )
                response = responses.next_id()
                pseudonym = _digest(region.seed, survey_id, email)
                rows["responses"].append(
                    (response, round_id, group_ids[kind], pseudonym, "submitted", "nl-be", closes)
                )
                leniency = base + (0.3 if number == 2 else 0) + rng.gauss(0, 0.35)
                pending.append((response, items[code][kind], leniency))

    with region.phase("surveys", [surveys, groups, rounds, invitations, responses]):
        for school in region.schools:
            leader_mid, _uid, leader_email, _f = school.members[0]
            staff = school.members[1:] or school.members
            raters = [("self", leader_email), ("superior", region.directors[school.community])]
            for n in range(raters_360 - 2):
                kind = "leadership" if n < 3 else ("support" if n % 7 == 6 else "teachers")
                raters.append((kind, _rater(staff, n, school)))
            survey(school, feedback, "360", "360° gedeeld leiderschap", leader_mid, raters, 3.3)
            raters = [("teachers", _rater(staff, n, school)) for n in range(raters_pulse)]
            survey(school, pulse, "pulse", "Teampols", None, raters, 3.5)
        for table, key in (
            (surveys, "surveys"),
            (groups, "groups"),
            (rounds, "rounds"),
            (invitations, "invitations"),
            (responses, "responses"),
        ):
            table.write(rows[key])
    with region.phase("answers", [answers]), region.without_indexes(Answer):
        answers.write(answer_rows())


def _rater(staff, n, school) -> str:
    """The n-th rater of a school: its staff first, then invited outsiders (a school may ask
    more raters than it has staff, e.g. parents)."""
    if n < len(staff):
        return staff[n][2]
    return f"betrokkene{n}@{school.slug}.example"
