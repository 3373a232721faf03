"""The coverage computation, over plain rows."""

from competences.coverage import (
    Rule,
    Rules,
    Status,
    count_at_risk,
    if_leaves,
    school_cells,
    status,
    team_cells,
)


def test_status_by_number_of_holders():
    rule = Rule(min_people=2, min_level=3)
    assert status(0, rule) == Status.MISSING
    assert status(1, rule) == Status.FRAGILE
    assert status(2, rule) == Status.ASSURED
    assert status(5, rule) == Status.ASSURED
    assert status(2, Rule(3, 3)) == Status.SHORT
    assert status(1, Rule(1, 3)) == Status.ASSURED  # the rule asks for one: not fragile


def test_a_member_holds_a_competence_from_the_rules_level_up():
    levels = {(1, 10): 3, (2, 10): 2, (3, 10): 4, (1, 11): 3}
    cells = team_cells(
        team_id=7, member_ids=[1, 2, 3], competence_ids=[10, 11, 12], levels=levels, rules=Rules()
    )
    assert cells[10].status == Status.ASSURED and cells[10].holders == [1, 3]
    assert cells[11].status == Status.FRAGILE and cells[11].holders == [1]
    assert cells[12].status == Status.MISSING and cells[12].holders == []


def test_a_teams_own_rule_wins_over_the_schools():
    rules = Rules(default=Rule(2, 3), overrides={(7, 10): Rule(1, 2)})
    levels = {(1, 10): 2}
    cells = team_cells(team_id=7, member_ids=[1], competence_ids=[10], levels=levels, rules=rules)
    assert cells[10].status == Status.ASSURED and cells[10].rule == Rule(1, 2)
    other = team_cells(team_id=8, member_ids=[1], competence_ids=[10], levels=levels, rules=rules)
    assert other[10].status == Status.MISSING


def test_rules_from_rows_take_the_row_without_a_team_as_default():
    class Row:
        def __init__(self, team_id, competence_id, min_people, min_level):
            self.team_id, self.competence_id = team_id, competence_id
            self.min_people, self.min_level = min_people, min_level

    rules = Rules.from_rows([Row(None, None, 3, 2), Row(7, 10, 1, 4)])
    assert rules.default == Rule(3, 2)
    assert rules.for_cell(7, 10) == Rule(1, 4) and rules.for_cell(7, 11) == Rule(3, 2)


def test_if_a_person_leaves_their_teams_lose_what_they_held():
    members = {1: [1, 2], 2: [1, 3, 4], 3: [5]}
    levels = {(1, 10): 3, (2, 10): 3, (1, 11): 4, (3, 11): 3, (4, 11): 3, (5, 10): 3}
    changes = if_leaves(
        person_id=1, members_by_team=members, competence_ids=[10, 11], levels=levels, rules=Rules()
    )
    found = {(c.team_id, c.competence_id): (c.before.status, c.after.status) for c in changes}
    # Team 1: 10 goes from assured to fragile, 11 from fragile (person 1) to missing.
    assert found == {
        (1, 10): (Status.ASSURED, Status.FRAGILE),
        (1, 11): (Status.FRAGILE, Status.MISSING),
        (2, 10): (Status.FRAGILE, Status.MISSING),
    }
    # Team 2 still has two others on competence 11; team 3 does not have person 1.


def test_counting_at_risk_cells_across_teams():
    members = {1: [1], 2: []}
    cells = school_cells(
        members_by_team=members, competence_ids=[10, 11], levels={(1, 10): 4}, rules=Rules()
    )
    assert count_at_risk(cells) == {Status.FRAGILE: 1, Status.MISSING: 3}
