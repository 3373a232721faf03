from accounts.services import audit_log


def audit(*, actor, action, obj, plg, summary=""):
    audit_log(actor=actor, action=action, obj=obj, organisation=plg.organisation, summary=summary)
