"""Assertions the task tests share."""

import re

from readingpack.exercises import INCORRECT, check_value


def wrong(task_id, answer, *phrases, reason=None, hidden=()):
    """Check that `answer` is marked wrong, for `reason` (the Feedback's reason code) where one is
    given, with each phrase in the message (where the wording itself is tested) and none of
    `hidden`."""
    result = check_value(task_id, answer)
    assert result.status == INCORRECT, result
    if reason is not None:
        assert result.reason == reason, (reason, result.reason, result.message)
    for phrase in phrases:
        assert phrase in result.message, (phrase, result.message)
    for secret in hidden:
        assert not re.search(rf"(?<![\w.]){re.escape(str(secret))}(?!\w)", result.message), (secret, result)
    assert "Hint:" not in result.message  # hints come only from check()
    return result

