from django.utils import translation

from surveys.templatetags.survey_tags import one, signed


def test_a_mean_is_rounded_not_cut_off_with_the_dutch_decimal_comma():
    with translation.override("nl-be"):
        assert one(3.96) == "4,0"
        assert one(2.44) == "2,4"
        assert one(4) == "4,0"
        assert one(None) == "–"
        assert signed(0.46) == "+0,5"
        assert signed(-0.04) == "−0,04"
        assert signed(0.001) == "0,00"
    with translation.override("en"):
        assert one(3.96) == "4.0"
