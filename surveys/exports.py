"""The anonymised raw data of a survey as XLSX: one row per published response, labelled only
with its published cell (a merged group is never named on its own), in random order, without
any key; open answers on their own sheet, detached from the rows. Rounds answered with two
versions of the instrument share a column for each item the versions share unchanged; every
other item of the later version has a column of its own, named with its version."""

import random
from collections import defaultdict
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from core.exports import xlsx_append

from .aggregation import TOTAL, round_cells
from .models import Answer, Comment, Response
from .selectors import version_questions
from .version_pairs import pair_items


def _columns(rounds) -> tuple[list[tuple[str, object]], dict, dict]:
    """The answer columns as (heading, item), the column of each item id and the open
    questions by id, over the versions the rounds were answered with."""
    columns, column_of, questions, previous = [], {}, {}, None
    for version in dict.fromkeys(r.version for r in rounds):
        items, open_questions = version_questions(version)
        questions.update((q.pk, q) for q in open_questions)
        paired = {}
        if previous is not None:
            paired = {after.pk: before.pk for before, after in pair_items(previous, items).pairs}
        for item in items:
            if item.pk in paired:
                column_of[item.pk] = column_of[paired[item.pk]]
                continue
            heading = item.code if previous is None else f"{item.code} (v{version.number})"
            column_of[item.pk] = len(columns)
            columns.append((heading, item))
        previous = items
    return columns, column_of, questions


def report_xlsx_bytes(survey) -> bytes:
    rounds = [r for r in survey.rounds.select_related("version") if r.is_finished()]
    columns, column_of, questions = _columns(rounds)
    cells = round_cells(rounds) if rounds else {}
    label_of = {}  # (round id, group id) -> published cell label
    for round_id, data in cells.items():
        for cell in data.cells:
            if cell.key == TOTAL:
                continue
            for group_id in cell.group_ids:
                label_of[(round_id, group_id)] = cell.label
    released = {
        "response__status": Response.Status.SUBMITTED,
        "response__round__in": rounds,
        "response__rater_group_id__in": {g for _r, g in label_of},
    }
    rows = defaultdict(dict)
    owner = {}
    for response_id, round_id, group_id, item_id, value in Answer.objects.filter(
        **released
    ).values_list(
        "response_id", "response__round_id", "response__rater_group_id", "item_id", "value"
    ):
        if (round_id, group_id) in label_of and item_id in column_of:
            rows[response_id][column_of[item_id]] = value
            owner[response_id] = (round_id, group_id)
    numbers = {r.pk: r.number for r in rounds}

    book = Workbook()
    sheet = book.active
    sheet.title = _("Answers")[:31]
    xlsx_append(sheet, [_("Round"), _("Group"), *[heading for heading, _item in columns]])
    lines = [
        [
            numbers[owner[rid][0]],
            str(label_of[owner[rid]]),
            *[values.get(n) for n in range(len(columns))],
        ]
        for rid, values in rows.items()
    ]
    random.SystemRandom().shuffle(lines)
    for line in sorted(lines, key=lambda line: line[0]):
        xlsx_append(sheet, line)
    for cell in sheet[1]:
        cell.font = Font(bold=True)

    legend = book.create_sheet(_("Items")[:31])
    xlsx_append(
        legend, [_("Code"), _("Dimension"), _("Statement"), _("Scale"), _("Reverse-scored")]
    )
    for heading, item in columns:
        xlsx_append(
            legend,
            [
                heading,
                str(item.dimension.title),
                item.text,
                f"{item.scale.minimum}–{item.scale.maximum}",
                _("yes") if item.reverse else _("no"),
            ],
        )

    remarks = book.create_sheet(_("Comments")[:31])
    xlsx_append(remarks, [_("Round"), _("Question"), _("Comment")])
    texts = [
        [numbers[round_id], questions[qid].text, text]
        for qid, text, round_id, group_id in Comment.objects.filter(**released).values_list(
            "question_id", "text", "response__round_id", "response__rater_group_id"
        )
        if (round_id, group_id) in label_of and qid in questions
    ]
    random.SystemRandom().shuffle(texts)
    for line in sorted(texts, key=lambda line: line[0]):
        xlsx_append(remarks, line)

    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
