"""The queries behind a report: its numbers (aggregation.py) and its comments (reports.py),
as plain SQL that SQLite and PostgreSQL both run. A report is rendered once per state of its
rounds, but then with these queries at its heart: written by hand they skip the ORM
compiling them anew on every first view, which costs more than SQLite takes to run them.

Table names come from the models, and the queries name the columns the models define
(Django's defaults: `<field>_id` for a foreign key). Each query is tested against the ORM
query it replaces."""

from core.sql import fetch as run_sql

from .models import Answer, Comment, Item, OpenQuestion, RaterGroup, Response

TABLES = {
    "response": Response._meta.db_table,
    "comment": Comment._meta.db_table,
    "question": OpenQuestion._meta.db_table,
    "group": RaterGroup._meta.db_table,
    "answer": Answer._meta.db_table,
    "item": Item._meta.db_table,
}
QUERIES = {
    key: sql.format(**TABLES)
    for key, sql in {
        # The submitted responses: their round, rater group (with what the anonymity rules
        # need of it) and pseudonymous key.
        "responses": """
            SELECT r.round_id, r.rater_group_id, g.kind, g.threshold, g.position, r.pseudonym
            FROM {response} r JOIN {group} g ON g.id = r.rater_group_id
            WHERE r.round_id IN ({{rounds}}) AND r.status = %s""",
        # How many answers per round, group, item and score; an answer without a value
        # ("I don't know") is counted per rater key instead, the key standing in the fifth
        # column (empty for the scored ones).
        "histograms": """
            SELECT r.round_id, r.rater_group_id, a.item_id, a.score,
                CASE WHEN a.score IS NULL THEN r.pseudonym ELSE '' END, COUNT(*)
            FROM {answer} a JOIN {response} r ON r.id = a.response_id
            WHERE r.round_id IN ({{rounds}}) AND r.status = %s
            GROUP BY r.round_id, r.rater_group_id, a.item_id, a.score,
                CASE WHEN a.score IS NULL THEN r.pseudonym ELSE '' END""",
        # Every rater's mean score per dimension on the quality items.
        "respondent_scores": """
            SELECT r.round_id, r.rater_group_id, r.pseudonym, i.dimension_id, AVG(a.score)
            FROM {answer} a
            JOIN {response} r ON r.id = a.response_id
            JOIN {item} i ON i.id = a.item_id
            WHERE r.round_id IN ({{rounds}}) AND r.status = %s
                AND a.score IS NOT NULL AND i.aspect = %s
            GROUP BY r.round_id, r.rater_group_id, r.pseudonym, i.dimension_id""",
        # The open answers of the given rater groups, with their question.
        "comments": """
            SELECT q.position, q.text_nl, q.text_en, c.text, r.rater_group_id
            FROM {comment} c
            JOIN {response} r ON r.id = c.response_id
            JOIN {question} q ON q.id = c.question_id
            WHERE r.round_id IN ({{rounds}}) AND r.status = %s
                AND r.rater_group_id IN ({{groups}})""",
    }.items()
}


def _marks(values) -> str:
    return ", ".join(["%s"] * len(values))


def fetch(name: str, rounds, *params, groups=()) -> list[tuple]:
    """The rows of query `name` over the submitted responses of `rounds` (and `groups`,
    for a query that asks for them)."""
    round_ids, group_ids = [r.pk for r in rounds], list(groups)
    if not round_ids or ("{groups}" in QUERIES[name] and not group_ids):
        return []
    sql = QUERIES[name].format(rounds=_marks(round_ids), groups=_marks(group_ids))
    return run_sql(sql, [*round_ids, Response.Status.SUBMITTED, *params, *group_ids])


def responses(rounds) -> list[tuple]:
    """(round id, group id, group kind, threshold, position, pseudonym) per response."""
    return fetch("responses", rounds)


def histograms(rounds) -> list[tuple]:
    """(round id, group id, item id, score or None, pseudonym or "", count)."""
    return fetch("histograms", rounds)


def respondent_scores(rounds) -> list[tuple]:
    """(round id, group id, pseudonym, dimension id, mean score) on the quality items."""
    return fetch("respondent_scores", rounds, Item.Aspect.QUALITY)


def comments(round_, groups) -> list[tuple]:
    """(question position, question in Dutch, in English, text, group id) per open answer
    of the submitted responses of `groups` in `round_`."""
    return fetch("comments", [round_], groups=groups)
