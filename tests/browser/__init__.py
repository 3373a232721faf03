"""End-to-end tests: real people's paths through Leerkring in headless Chromium.

See conftest.py for the fixtures (`page`, `phone_page`, `login_as`, `check_accessibility`).
"""
