"""Appreciation notes: those the person wrote (shared with their team: kept under a former
staff member on erasure) and those addressed to them (deleted on erasure)."""

from privacy.registry import Part, record

from .models import Appreciation


def export(user) -> list[Part]:
    related = ("organisation", "team", "membership__user", "author")
    written = Appreciation.objects.filter(author=user).select_related(*related)
    received = Appreciation.objects.filter(membership__user=user).select_related(*related)
    return [
        Part("appreciations_written", [record(a) for a in written]),
        Part("appreciations_received", [record(a) for a in received]),
    ]


def erase(user) -> None:
    Appreciation.objects.filter(membership__user=user).delete()
