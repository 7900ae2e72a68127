"""Helpers the reply tests share: the texts of a reply's suggestions, and one move's text."""

from __future__ import annotations

from openup.coach.listen import reply


def texts(message: str) -> list[str]:
    """The suggestions' texts for `message` (template path), the say-back as composed (see `composed`)."""
    return list(composed(message).values())


def shown(message: str) -> list[str]:
    """The suggestions' texts as shown (template path): a say-back left out is not among them."""
    return [s.text for s in reply(message, llm=False).suggestions]


def move(message: str, name: str) -> str:
    """The text of the suggestion for move `name`; the test fails when there is none."""
    r = reply(message, llm=False)
    s = r.said_back if name == "reflect" else r.suggestion(name)  # the say-back as composed
    assert s is not None, (message, name)
    return s.text


def composed(message: str, **kwargs: object) -> dict[str, str]:
    """Each move's text as composed: the say-back as written, also where the reply cut it to its detail or left it
    out because it retold the message (`ReplyCoaching.retold`), so its wording stays tested; the rest as shown."""
    c = reply(message, llm=False, **kwargs)  # type: ignore[arg-type]
    out = {s.move: s.text for s in c.suggestions}
    if c.said_back is not None:
        if "reflect" in out:
            out["reflect"] = c.said_back.text
        else:  # left out: it opened the answer, as the say-back does
            out = {"reflect": c.said_back.text} | out
    return out


def said_back(message: str, **kwargs: object) -> str:
    """The say-back as composed (see `composed`); the test fails when there is none."""
    found = reply(message, **kwargs).said_back  # type: ignore[arg-type]
    assert found is not None, message
    return found.text
