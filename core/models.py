"""Abstract bases for the fields many records share: when a record was made and last changed,
and by whom. A model that names one of these fields differently on purpose (a pain point is
"noted by", a progress note "written at") overrides just that field with the same function,
so the column, its nullability and its deletion rule stay the same everywhere."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def created_at_field(verbose_name) -> models.DateTimeField:
    return models.DateTimeField(verbose_name, auto_now_add=True)


def changed_at_field(verbose_name) -> models.DateTimeField:
    return models.DateTimeField(verbose_name, auto_now=True)


def author_field(verbose_name) -> models.ForeignKey:
    """The account that made or changed a record. The record outlives the account (SET_NULL),
    and a user has no reverse accessor for it: nothing is read from the user's side."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


class Created(models.Model):
    created_at = created_at_field(_("created at"))

    class Meta:
        abstract = True


class Changed(models.Model):
    updated_at = changed_at_field(_("changed at"))

    class Meta:
        abstract = True


class CreatedBy(Created):
    created_by = author_field(_("created by"))

    class Meta:
        abstract = True


class ChangedBy(Changed):
    updated_by = author_field(_("last changed by"))

    class Meta:
        abstract = True
