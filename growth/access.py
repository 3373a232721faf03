"""Who may read and write what in `growth`. Journals and development agreements are
personal: a role (leader, administrator, superuser) gives no right to read them."""

from organisations.access import Access


def can_keep_journal(access: Access) -> bool:
    """A person keeps a journal through their own membership; inherited access (a community
    leader visiting one of its schools) has none."""
    return access.membership is not None


def can_make_agreements(access: Access) -> bool:
    return access.membership is not None and access.can_manage


def can_edit_plan(access: Access) -> bool:
    return access.can_manage
