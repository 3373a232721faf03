from django.core.exceptions import ValidationError

from .errors import LeerkringError


def validate(instance, **full_clean_options) -> None:
    """Run the model's `full_clean()` and turn its errors into one LeerkringError, naming
    the first field at fault, so services report invalid data the same way everywhere.
    Options (`exclude`, `validate_unique`, …) go to `full_clean()`."""
    try:
        instance.full_clean(**full_clean_options)
    except ValidationError as error:
        field = next(iter(error.message_dict), None)
        messages = [m for field_messages in error.message_dict.values() for m in field_messages]
        raise LeerkringError(" ".join(messages), field=field) from error
