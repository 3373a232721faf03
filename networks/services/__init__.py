"""Writes for networks. Views call these; each raises LeerkringError with a message for users."""
