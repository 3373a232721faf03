"""Shared state for `manage.py demo`.

The demo command builds organisations, teams and people first (organisations/demo.py), then
calls `build(ctx)` in every other project app that has a `demo.py`, in INSTALLED_APPS order.
Each builder must be deterministic (use `ctx.rng` or its own seeded Random), write Dutch
content, use bulk_create for anything that grows with `large`, and may add demo logins.
"""

import random
from dataclasses import dataclass, field

SIZES = ("small", "large")


@dataclass
class DemoContext:
    size: str
    password: str
    rng: random.Random = field(default_factory=lambda: random.Random(20261125))
    provider: object = None  # Organisation of kind provider
    communities: list = field(default_factory=list)  # Organisation(kind=community)
    schools: list = field(default_factory=list)  # Organisation(kind=school)
    teams_by_school: dict = field(default_factory=dict)  # school.pk -> [Team]
    members_by_school: dict = field(default_factory=dict)  # school.pk -> [Membership]
    leaders_by_school: dict = field(default_factory=dict)  # school.pk -> Membership (leader)
    trainers: list = field(default_factory=list)  # provider memberships with role trainer
    logins: list = field(default_factory=list)  # (description, email) printed at the end

    @property
    def is_large(self) -> bool:
        return self.size == "large"

    def add_login(self, description: str, email: str) -> None:
        self.logins.append((description, email))
