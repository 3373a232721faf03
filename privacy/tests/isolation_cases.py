from organisations.models import Membership
from organisations.tests.factories import MembershipFactory


def build(w):
    """An administrator of the world's school: the one person who may erase its staff."""
    w.privacy_admin = MembershipFactory(organisation=w.school, role=Membership.Role.ADMIN)
    owners = w.__dict__.setdefault("owner_for", {})
    owners["privacy:person_erase"] = w.privacy_admin.user


URLS = {
    # A leader of another school, a trainer and an anonymous visitor never see or erase the
    # school's staff member.
    "privacy:person_erase": lambda w: {"slug": w.school.slug, "pk": w.staff.pk},
}

OPEN = {
    "privacy:sessions": "the signed-in user's own sessions and token names",
    "privacy:sessions_sign_out_others": "ends only the signed-in user's own other sessions",
    "privacy:my_data": "a fixed explanation",
    "privacy:my_data_download": "the signed-in user's own data, never another person's",
}
