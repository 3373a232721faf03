"""Tailoring: a learning group's combined 360° profile for its trainer.

Each leader decides (per edition) whether their 360° counts in the group's profile. The
profile only exists once at least three consenting leaders each have a closed 360° round, and
it only ever shows what their own reports publish (surveys' anonymity rules decide that): per
dimension the mean of the leaders' published results, and the dimensions that several of them
have as a development point. Nothing per leader leaves this module. Two versions of the profile
that differ by one or two leaders are never both shown: their difference would be those
leaders' results.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone

from surveys.anonymity import sets_pair_allowed
from surveys.models import Instrument, Round, RoundSummary, Survey, pick
from surveys.points import Source
from surveys.reports import report_context
from surveys.summaries import summary_of

from .models import Participant

MIN_LEADERS = 3  # the profile, and each dimension of it, rests on at least this many leaders
SEVERAL = 2  # a development point is common when this many leaders have it


@dataclass
class ProfileRow:
    code: str
    title: str
    mean: float | None  # None: fewer than MIN_LEADERS leaders have a published result
    leaders: int


@dataclass
class CommonPoint:
    code: str
    title: str
    weak: int  # leaders for whom the dimension is among their weakest
    priority: int  # leaders for whom it is important but not yet strong
    leaders: int  # leaders with either


@dataclass
class GroupProfile:
    consented: int
    qualifying: int
    rows: list = field(default_factory=list)
    points: list = field(default_factory=list)
    # The leaders' rounds behind the profile ("survey:round"), to compare versions.
    keys: frozenset = frozenset()
    # True when this version differs from one the trainer saw by only one or two rounds.
    withheld: bool = False

    @property
    def enough(self) -> bool:
        return self.qualifying >= MIN_LEADERS

    @property
    def available(self) -> bool:
        return self.enough and not self.withheld


def _latest_finished(survey, today):
    return max((r for r in survey.rounds.all() if r.is_finished(today)), key=lambda r: r.number)


def version_allowed(group, keys: frozenset) -> bool:
    """May a profile computed from these rounds be shown next to every version the trainer
    saw before? The same rounds again, or a change of at least three rounds (leaders who
    joined, withdrew or closed a new round) on each side, as in surveys' post rounds."""
    earlier = [release.keys for release in group.profile_releases.all()]
    return keys in earlier or all(sets_pair_allowed(before, keys) for before in earlier)


def consenting_participants(group) -> list[Participant]:
    return list(
        Participant.objects.filter(
            group=group, is_active=True, profile_consent_at__isnull=False
        ).select_related("user")
    )


def closed_360s(user_ids) -> dict:
    """The latest 360° about each of these users that has a finished round: user id ->
    survey. Rounds are prefetched, so this is two queries whatever the number of users."""
    surveys = (
        Survey.objects.filter(
            subject__user_id__in=user_ids, version__instrument__kind=Instrument.Kind.FEEDBACK_360
        )
        .select_related("version__instrument", "subject")
        .prefetch_related(Prefetch("rounds", queryset=Round.objects.order_by("number")))
        .order_by("-created_at", "-pk")
    )
    today = timezone.localdate()
    found = {}
    for survey in surveys:
        user_id = survey.subject.user_id
        if user_id not in found and any(r.is_finished(today) for r in survey.rounds.all()):
            found[user_id] = survey
    return found


def has_closed_360(user_id) -> bool:
    """Whether a 360° about this person has a finished round (`Round.is_finished`)."""
    return (
        Round.objects.filter(
            survey__subject__user_id=user_id,
            survey__version__instrument__kind=Instrument.Kind.FEEDBACK_360,
        )
        .filter(Q(closed=True) | Q(closes_on__lt=timezone.localdate()))
        .exists()
    )


def group_profile(group) -> GroupProfile:
    """The group's combined profile from its consenting leaders' closed 360° reports."""
    consenting = consenting_participants(group)
    surveys = closed_360s([p.user_id for p in consenting])
    qualifying = [surveys[p.user_id] for p in consenting if p.user_id in surveys]
    today = timezone.localdate()
    keys = frozenset(f"{s.pk}:{_latest_finished(s, today).pk}" for s in qualifying)
    profile = GroupProfile(consented=len(consenting), qualifying=len(qualifying), keys=keys)
    if not profile.enough:
        return profile
    if not version_allowed(group, keys):
        profile.withheld = True
        return profile
    values, titles, order = {}, {}, []
    weak, priority, either = {}, {}, {}  # dimension code -> leaders (index in qualifying)
    latest = [_latest_finished(s, today) for s in qualifying]
    stored = {s.round_id: s for s in RoundSummary.objects.filter(round__in=latest)}
    for index, (survey, round_) in enumerate(zip(qualifying, latest, strict=True)):
        # Written when the round closed; a round without one is summarised here, unsaved.
        summary = stored.get(round_.pk)
        totals, points = (
            (summary.totals, summary.points)
            if summary is not None
            else summary_of(report_context(survey, round_.number))
        )
        for code, title_nl, title_en, mean in totals:
            if code not in titles:
                titles[code] = pick(title_nl, title_en)
                order.append(code)
            # Only what the leader's own report publishes: the total of all raters but self.
            if mean is not None:
                values.setdefault(code, []).append(mean)
        for source, code in points:
            by_source = {Source.WEAK_DIMENSION: weak, Source.PRIORITY: priority}.get(source)
            if by_source is not None:
                by_source.setdefault(code, set()).add(index)
                either.setdefault(code, set()).add(index)
    for code in order:
        found = values.get(code, [])
        mean = sum(found) / len(found) if len(found) >= MIN_LEADERS else None
        profile.rows.append(ProfileRow(code, titles[code], mean, len(found)))
        leaders = len(either.get(code, ()))
        if leaders >= SEVERAL:
            profile.points.append(
                CommonPoint(
                    code,
                    titles[code],
                    len(weak.get(code, ())),
                    len(priority.get(code, ())),
                    leaders,
                )
            )
    # The most shared first; among equals the weakest in the combined profile.
    means = {row.code: row.mean if row.mean is not None else 99 for row in profile.rows}
    profile.points.sort(key=lambda p: (-p.leaders, means[p.code]))
    return profile
