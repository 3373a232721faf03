"""Leerkring's mixed workload for Locust, read from the plan that bench/load/run.py prepared.

- respondents open a survey through their token link and submit all its answers (one in
  twenty clicks submit twice, which must store nothing the second time); each respondent
  user is a stream of people, the next one arriving LOAD_RESPONDENT_PACE seconds (0.5) after
  the previous one opened the link, or at once when the previous one took longer; 0 sends
  them without any pause, to find what the server manages at most;
- staff open their home, the PLG list and their team's charter;
- leaders their home, the 360° report and the team pages;
- trainers their home and an edition overview;
- anonymous visitors the public catalogue.

The tokens completed (thank-you page received) and those whose submit was sent are written
to LOAD_COMPLETED when Locust exits, so that run.py can count them against what was stored.
"""

import json
import os
import random
import re
from pathlib import Path

from locust import FastHttpUser, between, constant, constant_pacing, events, task
from locust.exception import StopUser

# Seconds between the arrivals of one respondent stream's people (0: no pause at all).
RESPONDENT_PACE = float(os.environ.get("LOAD_RESPONDENT_PACE", "0.5"))
PLAN = json.loads(Path(os.environ["LOAD_PLAN"]).read_text(encoding="utf-8"))
TOKENS = list(reversed(PLAN["tokens"]))
COMPLETED: list[str] = []  # tokens whose thank-you page came back
SENT: list[str] = []  # tokens whose submit was sent (it may have been cut off at the end)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RADIO = re.compile(r'type="radio" name="(i\d+)" value="([^"]+)"')
TEXT = re.compile(r'<textarea name="(q\d+)"')
DONE_MARK = 'name="round"'  # only the answer form has it; the thank-you page does not


@events.quitting.add_listener
def _write_completed(environment, **kwargs):
    """When Locust exits, after the last user stopped."""
    Path(os.environ["LOAD_COMPLETED"]).write_text(
        json.dumps({"completed": COMPLETED, "sent": SENT}), encoding="utf-8"
    )


def answers_from(page: str) -> dict:
    """A complete submit of the form on `page`: a random answer on every item."""
    options: dict[str, list[str]] = {}
    for name, value in RADIO.findall(page):
        options.setdefault(name, []).append(value)
    data = {name: random.choice(values) for name, values in options.items()}
    data.update({name: "Duidelijke afspraken, goed gevolgd." for name in TEXT.findall(page)})
    return data


class Respondent(FastHttpUser):
    """The people who open the link from their invitation mail and submit, one after another:
    a new person every RESPONDENT_PACE seconds per stream, so that the respondents arrive at
    a steady rate (27 streams × 2 a second = 54 completions a second offered), whatever the
    server's response times. With a pace of 0 the next person follows without a pause and
    the completions a second show what the server manages at most."""

    weight = 6
    wait_time = constant_pacing(RESPONDENT_PACE) if RESPONDENT_PACE > 0 else constant(0)

    @task
    def answer_survey(self):
        if not TOKENS:
            raise StopUser()  # every link was used: this respondent stream ends
        token = TOKENS.pop()
        url = PLAN["answer_url"].replace("TOKEN", token)
        with self.client.get(url, name="survey answer page", catch_response=True) as page:
            found = CSRF.search(page.text or "")
            answers = answers_from(page.text or "")
            if page.status_code != 200 or not found:
                page.failure(f"answer page {page.status_code}")
                return
            if len([name for name in answers if name.startswith("i")]) != PLAN["items"]:
                page.failure("answer page without the expected items")
                return
        data = {
            "csrfmiddlewaretoken": found.group(1),
            "round": str(PLAN["round"]),
            "action": "submit",
            **answers,
        }
        twice = random.random() < 0.05
        for attempt in range(2 if twice else 1):
            name = "survey submit" if attempt == 0 else "survey submit again"
            if attempt == 0:
                SENT.append(token)
            with self.client.post(url, data=data, name=name, catch_response=True) as sent:
                if sent.status_code != 200 or DONE_MARK in (sent.text or ""):
                    sent.failure(f"submit {sent.status_code}")
                    return
                if attempt == 0:
                    COMPLETED.append(token)


class SignedIn(FastHttpUser):
    abstract = True
    role = ""
    wait_time = between(1, 3)

    def on_start(self):
        role = PLAN["roles"][self.role]
        self.pages = role["pages"]
        self.headers = {"Cookie": f"{PLAN['session_cookie']}={role['session']}"}

    def open(self, name: str, label: str):
        url = self.pages[name]
        with self.client.get(url, name=label, headers=self.headers, catch_response=True) as page:
            if page.status_code != 200 or 'name="username"' in (page.text or ""):
                page.failure(f"{label} {page.status_code}")


class Staff(SignedIn):
    weight = 2
    role = "staff"

    @task(2)
    def home(self):
        self.open("home", "staff home")

    @task(2)
    def plgs(self):
        self.open("PLG list", "PLG list")

    @task(1)
    def charter(self):
        self.open("team charter", "team charter")


class Leader(SignedIn):
    weight = 1
    role = "leader"

    @task(1)
    def home(self):
        self.open("home", "leader home")

    @task(2)
    def report(self):
        self.open("360° report", "360° report")

    @task(1)
    def goals(self):
        self.open("school team goals", "school team goals")

    @task(1)
    def collaboration(self):
        self.open("team collaboration", "team collaboration")


class Trainer(SignedIn):
    weight = 1
    role = "trainer"

    @task
    def overview(self):
        self.open("edition overview", "edition overview")


class Visitor(FastHttpUser):
    weight = 1
    wait_time = between(1, 3)

    @task
    def catalogue(self):
        with self.client.get(
            PLAN["anonymous"]["public catalogue"], name="public catalogue", catch_response=True
        ) as page:
            if page.status_code != 200:
                page.failure(f"public catalogue {page.status_code}")
