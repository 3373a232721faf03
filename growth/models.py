"""A person's own growth: the private learning journal, the agreements of an appraisal
conversation with their progress notes, and the school's yearly professionalisation plan."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership


class JournalEntry(models.Model):
    """One entry of a person's learning journal. Private unless its author shares it with one
    coach, a learning group or a PLG they are in; read only through `growth.selectors`."""

    class Sharing(models.TextChoices):
        PRIVATE = "private", _("only me")
        COACH = "coach", _("shared with a coach")
        GROUP = "group", _("shared with a learning group")
        PLG = "plg", _("shared with a PLG")

    membership = models.ForeignKey(
        Membership,
        on_delete=models.CASCADE,
        related_name="journal_entries",
        verbose_name=_("author"),
    )
    date = models.DateField(_("date"))
    what_happened = models.TextField(_("what happened"))
    what_i_learned = models.TextField(_("what I learned"), blank=True)
    what_i_will_try = models.TextField(_("what I will try"), blank=True)
    sharing = models.CharField(
        _("who may read this"), max_length=10, choices=Sharing.choices, default=Sharing.PRIVATE
    )
    coach = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coach"),
    )
    learning_group = models.ForeignKey(
        "networks.LearningGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("learning group"),
    )
    plg = models.ForeignKey(
        "communities.PLG",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("PLG"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["membership", "-date"], name="journal_entry_author_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(sharing__in=["private", "coach", "group", "plg"]),
                name="journal_entry_sharing_valid",
            ),
        ]
        # No constraint ties `sharing` to its reader: when a coach leaves, SET_NULL empties the
        # reader and the entry is then read by nobody but its author, as a private one.

    def __str__(self):
        return f"{self.date:%Y-%m-%d}"

    @property
    def is_private(self) -> bool:
        return self.sharing == self.Sharing.PRIVATE

    @property
    def shared_with(self):
        """The coach, learning group or PLG the entry is shared with, or None."""
        return {
            self.Sharing.COACH: self.coach,
            self.Sharing.GROUP: self.learning_group,
            self.Sharing.PLG: self.plg,
        }.get(self.sharing)
