"""Signals other apps listen to, so `organisations` needs to know none of them."""

from django.dispatch import Signal

# Sent after a team's mission text was saved with a different text: team, old, new,
# old_since (when the old text was saved) and actor.
# The team charter keeps the history of the mission (teams.MissionVersion).
mission_changed = Signal()
