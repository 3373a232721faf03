"""A person's own growth: the private learning journal, the agreements of an appraisal
conversation with their progress notes, and the school's yearly professionalisation plan."""

from django.conf import settings
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


class DevelopmentAgreement(models.Model):
    """An agreement made in an appraisal conversation (functioneringsgesprek): a goal, the
    support the school gives and by when. Read by the person and the leader who made it only."""

    class Status(models.TextChoices):
        AGREED = "agreed", _("agreed")
        ON_TRACK = "on_track", _("under way")
        ACHIEVED = "achieved", _("achieved")
        DROPPED = "dropped", _("dropped")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="development_agreements",
        verbose_name=_("school"),
    )
    person = models.ForeignKey(
        Membership,
        on_delete=models.CASCADE,
        related_name="development_agreements",
        verbose_name=_("person"),
    )
    leader = models.ForeignKey(
        Membership,
        on_delete=models.PROTECT,
        related_name="agreements_made",
        verbose_name=_("leader"),
    )
    conversation_on = models.DateField(_("date of the appraisal conversation"))
    goal = models.TextField(_("goal"))
    support = models.TextField(_("support"), blank=True, help_text=_("What the school offers."))
    due_on = models.DateField(_("by when"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.AGREED
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("development agreement")
        verbose_name_plural = _("development agreements")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["agreed", "on_track", "achieved", "dropped"]),
                name="development_agreement_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(person=models.F("leader")),
                name="development_agreement_not_with_oneself",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "due_on"], name="agreement_person_idx"),
            models.Index(fields=["leader", "due_on"], name="agreement_leader_idx"),
        ]

    def __str__(self):
        return self.goal[:60]


class ProgressNote(models.Model):
    """What the person writes about their progress on an agreement."""

    agreement = models.ForeignKey(
        DevelopmentAgreement,
        on_delete=models.CASCADE,
        related_name="progress_notes",
        verbose_name=_("agreement"),
    )
    text = models.TextField(_("progress"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]
