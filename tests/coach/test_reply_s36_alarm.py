"""An alarm going off while people are being got out is a fire now: act first, ask nothing (stop 36, a dev rater
found 'What would help you feel a bit steadier?' for one)."""

from __future__ import annotations

import pytest

from openup.coach.listen import reply
from openup.coach.urgent import act_now


@pytest.mark.parametrize(
    "message",
    [
        "smoke alarm is going off in the flat and i cant see any smoke, getting the kids out now",
        "fire alarm going off upstairs, getting everyone out",
        "fire alarm screaming at 3am, grabbing the dog and heading out",
    ],
)
def test_an_alarm_with_people_got_out_is_acted_on(message: str) -> None:
    assert act_now(message) == "fire"
    first = reply(message, llm=False).suggestions[0].text
    assert "fire service" in first and "?" not in first.split(".")[0], first


@pytest.mark.parametrize(
    "message",
    [
        "smoke alarm beeping, getting the kids out of bed for school is chaos",
        "the fire alarm at the office went off and they evacuated us for an hour, it was a drill",
        "the smoke alarm keeps going off every time I cook, so annoying",
    ],
)
def test_an_alarm_without_a_fire_now_is_not(message: str) -> None:
    assert act_now(message) != "fire"
