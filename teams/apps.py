from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Team charters and decisions")

    def ready(self):
        from organisations.signals import mission_changed

        mission_changed.connect(_record_mission, dispatch_uid="teams.mission_record")


def _record_mission(sender, *, team, old, new, old_since, actor, **kwargs):
    from .services import mission_record

    mission_record(team=team, old=old, new=new, old_since=old_since, actor=actor)
