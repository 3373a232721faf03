"""What the development app asks of the apps its points come from (see
development/selectors.py): the survey rounds whose points a user may see, that is the rounds
of the reports they may read."""

from . import selectors
from .models import Round


def origins(access) -> list[tuple[type, object]]:
    return [(Round, selectors.point_rounds(access=access))]
