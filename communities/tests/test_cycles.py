from django.utils import translation

from communities.cycles import CYCLES, cycle_for
from communities.models import PLG


def test_every_plg_type_has_a_cycle_with_unique_phase_codes():
    assert set(PLG.Type.values) == set(CYCLES)
    for cycle in CYCLES.values():
        codes = [p.code for p in cycle.phases]
        assert len(codes) == len(set(codes)) >= 5


def test_every_phase_has_purpose_questions_and_products_in_both_languages():
    for cycle in CYCLES.values():
        for phase in cycle.phases:
            assert phase.questions and phase.products
            for text in (phase.name, phase.purpose, *phase.questions, *phase.products):
                assert text.en.strip() and text.nl.strip()


def test_the_data_team_follows_the_eight_steps():
    cycle = cycle_for("data_team")
    assert [p.code for p in cycle.phases] == [
        "problem",
        "hypotheses",
        "collect",
        "quality",
        "analyse",
        "interpret",
        "measures",
        "evaluate",
    ]


def test_lesson_study_moves_from_study_to_revise_and_stops_there():
    cycle = cycle_for("lesson_study")
    assert cycle.first.code == "study"
    assert cycle.next_phase("study").code == "plan"
    assert cycle.next_phase("revise") is None


def test_texts_follow_the_active_language():
    phase = cycle_for("intervision").first
    with translation.override("en"):
        assert str(phase.name) == "Case"
    with translation.override("nl-be"):
        assert str(phase.name) == "Casus"
