"""Who goes in which rater group when a whole staff or team is invited."""


def group_for_function(group_functions: dict[str, list[str]], function: str) -> str | None:
    """The first rater group (in the instrument's order) one of whose words is part of this
    function: "leraar Frans" is a teacher, "adjunct-directeur" leadership."""
    function = function.lower()
    for kind, words in group_functions.items():
        if any(word in function for word in words):
            return kind
    return None
