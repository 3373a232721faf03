import pytest

from development.models import DevelopmentPoint
from development.services import point_propose


@pytest.fixture
def propose(leader):
    """Send a development point with a team as its origin (no app governs who sees those)."""

    def _propose(team, key="K-taal", source=DevelopmentPoint.Source.COMPETENCE_MISSING, **extra):
        point, _created = point_propose(
            organisation=team.organisation,
            origin=team,
            source=source,
            key=key,
            description=extra.pop("description", f"Werk aan {key} in {team.name}."),
            actor=leader.user,
            team=team,
            anchor=extra.pop("anchor", f"/o/{team.organisation.slug}/teams/{team.pk}/charter/"),
            **extra,
        )
        return point

    return _propose
