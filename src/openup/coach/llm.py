"""Optional LLM backend: an OpenAI-compatible chat endpoint (Ollama, llama.cpp server, vLLM, a hosted API).

Off by default. Turned on by the config file (`[llm] url = ..., model = ...`, see `openup.config`) or by
`OPENUP_LLM_URL` and `OPENUP_LLM_MODEL` (the environment wins); an API key is read from
`OPENUP_LLM_API_KEY` only. Standard library only (`urllib`), with a short timeout.

Every generated text passes through openup's own detectors before it is shown: an answer with criticism,
contempt, dismissal, pressure, leverage, advice or minimizing (or that misses what it was asked for) is
rejected and asked for once more; then the template answer is used. Timeouts and errors fall back to the
templates too, with a note saying so. A URL that is not on this machine gets a one-time notice on
stderr, because messages then leave the machine.
"""

from __future__ import annotations

import ipaddress
import json
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from openup.errors import UserError
from openup.method import group

if TYPE_CHECKING:
    from openup.coach.heard import Heard

DEFAULT_TIMEOUT = 8.0
REJECT_KINDS = frozenset(group("unfit_reply"))
_notified: set[str] = set()

SYSTEM_PROMPT = (
    "You help a person answer their partner warmly. Write only the sentence(s) asked for, in plain words, "
    "speaking directly to the partner as 'you'. Never give advice, never judge, never say 'at least', "
    "never talk about yourself. Keep it under 35 words. No quotes, no preamble."
)
# What every suggestion is asked to do, as the templates of method/replies.toml do: take in what they told
# you outright as fact (no "it sounds like" for it; hedge only what you infer, such as a feeling), refer to it
# in a few words of your own rather than copying their message or their slang back, and keep the person
# right (their "my" is your "your"; what they say about you, the listener, is said as "I" and "me").
SAY_IT = (
    " Take in what they told you as fact, without 'It sounds like'; hedge only what you infer. Refer to it in a few "
    "words of your own: do not copy their message, their slang or their names' spelling back. Keep the person "
    "right: what is theirs is 'your', what is about you, the listener, is 'I' or 'me'."
)
MOVE_INSTRUCTIONS = {
    "reflect": "In one short sentence, say back the heart of what happened to them, and name the feeling they "
    "likely have only if it is clear." + SAY_IT,
    "validate": "In one or two short sentences, say why their feeling makes sense (for example starting "
    "with 'It makes sense that you'd feel' or 'No wonder')." + SAY_IT,
    "ask": "Ask one open question about what they said, about what they think or what happened (start with "
    "'What' or 'How'); do not ask how they feel. Fit the question to the message: something still to come is "
    "asked about as ahead ('What are you most looking forward to?')." + SAY_IT,
    "celebrate": "They shared good news: in one or two short sentences, be glad with them, warmly and specifically "
    "about their news. No advice, no 'but'." + SAY_IT,
    "receive": "They thanked or praised you: in one or two short sentences, take it in warmly and thank them. "
    "Do not brush it off or turn it back on them.",
    "miss_back": "They said they miss you: in one short sentence, say you miss them too, warmly. No question "
    "about how they are coping.",
    "soon": "In one short sentence, look forward to being together again soon, lightly.",
    "love_back": "They said they love you: in one short sentence, say it back first, warmly.",
    "lucky_back": "They said they are lucky or grateful to have you, or that you make them happy: in one short "
    "sentence, say you feel the same about them.",
    "accept": "They apologised to you: in one or two short sentences, thank them for saying it. No 'but', no "
    "blame, no lecture.",
    "room": "They asked not to be questioned or advised: in one short sentence, say they need not say more and "
    "that you are there. No question, no advice.",
    "reassure": "They asked about the two of you: in one or two short sentences, answer yes, warmly and first.",
    "not_cross": "They asked whether you are cross with them: in one or two short sentences, say you are not, and "
    "that you are glad they asked.",
    "own": "In one short sentence, own whatever may have made them wonder, without explaining it away.",
    "wonder": "Ask one open question about what made them wonder (start with 'What').",
    "yes": "They asked you to do something: in one short sentence, say yes, plainly and first. No conditions.",
    "allow": "They asked whether something they need is okay with you: in one short sentence, say yes, warmly and "
    "first. No conditions, no questions.",
    "allow_there": "In one short sentence, say you are around if they want you, and fine if they don't.",
    "go_on": "They asked you to listen: in one short sentence, invite them to tell you, and promise nothing but "
    "listening. No advice.",
    "face": "They told you they saw something of yours (texts, messages): in one or two short sentences, face it "
    "openly, without defending yourself, and say you will answer anything they ask.",
    "face_ask": "In one short open question, ask what they saw and how it landed for them.",
    "will_stop": "They asked you to stop doing something: in one short sentence, say yes, you will stop, and own "
    "it without explaining yourself.",
    "future": "They asked whether you think about a future together (moving in, marrying): in one or two short "
    "sentences, answer warmly and honestly that you want to talk about it.",
    "anything_else": "In one short sentence, offer to help with anything else they need.",
    "come": "They asked you to come with them: in one short sentence, say yes, you will be there with them.",
    "ask_ahead": "Ask one open question about what is coming up for them (start with 'What').",
    "yes_talk": "They asked to talk: in one short sentence, say yes, gladly.",
    "steady": "In one short sentence, make it easy for them to bring it up: whatever it is, you will face it "
    "together.",
    "keep": "They asked you to keep something to yourself: in one short sentence, promise you will.",
    "door": "In one short sentence, say you are there if they want to talk about it, with no pressure.",
    "yes_invite": "They invited you to do something together: in one short sentence, say yes, gladly.",
    "noted": "They told you something in passing: in one short sentence, thank them for letting you know, warmly. "
    "No sympathy, no question.",
    "keep_posted": "In one short sentence, ask them to keep you posted or text you when they can.",
    "luck": "They asked you to wish them luck: in one short sentence, wish them luck warmly and say they will do "
    "well. No question.",
    "after": "In one short sentence, say you want to hear how it went afterwards.",
    "plan": "Ask one short question about the plan they suggested.",
    "hug": "They asked you for a hug: in one short sentence, say yes, warmly, and ask them nothing.",
    "company": "They asked what you are up to and said they feel low: in one short sentence, offer your company "
    "(come over, or call).",
    "check_now": "Their baby is moving less than usual (or another pregnancy worry) right now: in one short sentence, "
    "say to call the maternity unit or midwife now, as they always want to check. No other medical advice.",
    "with_you": "In one short sentence, offer to go with them to be checked, now.",
    "get_help": "Something medical and urgent is happening now: in one short sentence, say to call an ambulance or "
    "get to hospital now. No other medical advice.",
    "on_my_way": "In one short sentence, say you are coming to them now.",
    "safe_first": "They are stuck somewhere right now: in one short question, ask whether they are safe and where "
    "they are.",
    "come_get": "In one short sentence, say you will come and get them.",
    "choice_fun": "They are stuck on a small everyday choice (a paint colour, what to cook): in one short sentence, "
    "show warm, light interest in the options.",
    "help_pick": "In one short sentence, offer to help them pick.",
    "sorrow": "They lost a pregnancy: in one short sentence, say how sorry you are. No questions, nothing about "
    "worry.",
    "be_there": "In one short sentence, say you are coming to them and are there for them. No questions.",
    "checked_today": "Signs of a stroke came and went: in one short sentence, say to call emergency services or an "
    "urgent medical line now anyway, as they can come back. No other medical advice.",
    "ring_now": "A baby or child is shut in a hot car: in one short sentence, say to ring emergency services now.",
    "stay_by": "In one short sentence, say you are coming now and they should stay by the car.",
    "ring_now_bleeding": "A miscarriage is happening with heavy bleeding or pain: in one short sentence, say to get "
    "help now (the early pregnancy unit or an urgent medical line, or an ambulance if the bleeding is heavy). No other "
    "medical advice.",
    "they_check_now": "Someone else's baby is moving less (or another pregnancy worry): in one short sentence, say "
    "they should call the maternity unit or midwife now.",
    "help_them": "In one short sentence, offer to help your partner help them (a lift, taking something off their "
    "hands). Do not offer to go with your partner as if it were their own pregnancy.",
    "get_out": "There is a fire at their home right now: in one short sentence, say to get out now and call the fire "
    "service from outside, and not to go back in. Nothing about putting it out.",
    "coming_out": "In one short sentence, say you are coming now and ask them to tell you when they are out.",
    "hide_call": "Someone is breaking in or is in their home right now: in one short sentence, say to get somewhere "
    "safe (out, or a locked room) and call the police now. Never tell them to go and look.",
    "coming_quiet": "In one short sentence, say you are coming now and they should stay on the phone with the police.",
    "on_the_way_bag": "Their labour has started: in one short, glad sentence, say this is it and you are on your way "
    "(grab the bag). No jokes.",
    "ring_unit": "In one short sentence, say to ring the maternity unit to let them know, and that you are coming. No "
    "other medical advice.",
    "ring_birth_now": "Their labour or birth has a warning sign right now (bleeding, green waters, the baby moving "
    "less, the cord or the baby coming): in one short, calm sentence, say to get the maternity unit or an ambulance "
    "on the phone now. Not glad, no jokes, no other medical advice.",
}
# What kind of message it is, told to the LLM with the task (`reply_prompt`).
KIND_HINTS = {
    "good_news": "It is good news: meet it with gladness, not a flat summary.",
    "playful": "They are telling it lightly, as a joke: keep your answer light and playful, not a problem to solve.",
}
REWRITE_INSTRUCTION = (
    "Rewrite this message to my partner so it keeps my meaning but complains about the behaviour, not the "
    "person: say what happened and how I feel, in the first person, and what I'd like. No insults, no "
    "'always' or 'never', no demands. Reply with the rewritten message only.\n\nMessage: {text}"
)


@dataclass(frozen=True, slots=True)
class LLMClient:
    """Where to send chat requests. Make one with `client_from_config()` or directly."""

    url: str  # base URL, e.g. http://127.0.0.1:11434/v1 (".../chat/completions" is added)
    model: str
    api_key: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    temperature: float = 0.4
    max_tokens: int = 120

    @property
    def endpoint(self) -> str:
        base = self.url.rstrip("/")
        return base if base.endswith("/chat/completions") else base + "/chat/completions"

    @property
    def local(self) -> bool:
        return is_loopback(self.url)

    def chat(self, messages: list[dict[str, str]]) -> str:
        """One chat completion; raises `LLMError` on any failure (network, timeout, bad answer)."""
        notify_if_remote(self.url)
        body = json.dumps(
            {
                "model": self.model,
                "messages": messages,
                "temperature": self.temperature,
                "max_tokens": self.max_tokens,
                "stream": False,
            }
        ).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        req = urllib.request.Request(self.endpoint, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                data = json.loads(resp.read(1_000_000).decode("utf-8"))
        except TimeoutError as exc:
            raise LLMError(f"the LLM at {self.url} did not answer within {self.timeout:g} s") from exc
        except urllib.error.HTTPError as exc:
            raise LLMError(f"the LLM at {self.url} answered HTTP {exc.code}") from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                raise LLMError(f"the LLM at {self.url} did not answer within {self.timeout:g} s") from exc
            raise LLMError(f"could not reach the LLM at {self.url} ({reason})") from exc
        except (OSError, ValueError) as exc:
            raise LLMError(f"the LLM at {self.url} gave no usable answer ({exc})") from exc
        try:
            text = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise LLMError(f"the LLM at {self.url} gave an answer in an unexpected shape") from exc
        if not isinstance(text, str) or not text.strip():
            raise LLMError(f"the LLM at {self.url} gave an empty answer")
        return clean_output(text)


class LLMError(Exception):
    """The LLM could not be used for this request; callers fall back to templates."""


@dataclass(frozen=True, slots=True)
class Generated:
    """What `generate_checked()` got: accepted `text`, or None and a `note` saying why not."""

    text: str | None
    note: str | None
    attempts: int


def is_loopback(url: str) -> bool:
    """Whether `url` points at this machine (localhost, 127.0.0.0/8, ::1)."""
    host = (urlparse(url).hostname or "").strip("[]").lower()
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def notify_if_remote(url: str) -> None:
    """Print, once per URL and process, that messages will leave this machine."""
    if is_loopback(url) or url in _notified:
        return
    _notified.add(url)
    host = urlparse(url).hostname or url
    print(
        f"openup: note: the LLM backend is at {host}, which is not this machine; the messages you give "
        "openup "
        "are sent there. Remove [llm] from your config (or unset OPENUP_LLM_URL) to keep everything local.",
        file=sys.stderr,
    )


def client_from_config(config: dict[str, Any] | None = None) -> LLMClient | None:
    """The configured client, or None when no LLM is set up (the default).

    The environment (`OPENUP_LLM_URL`, `OPENUP_LLM_MODEL`, `OPENUP_LLM_API_KEY`, `OPENUP_LLM_TIMEOUT`)
    wins over the `[llm]` table of the config file.
    """
    env_url = os.environ.get("OPENUP_LLM_URL", "").strip()
    if env_url.lower() in ("off", "none", "0", "false"):
        return None
    section: dict[str, Any] = {}
    if not env_url:
        if config is None:
            from openup.config import load_config

            config = load_config()
        raw = config.get("llm")
        if isinstance(raw, dict):
            section = raw
    url = env_url or str(section.get("url", "")).strip()
    if not url:
        return None
    if urlparse(url).scheme not in ("http", "https"):
        raise UserError(f"The LLM URL {url!r} must start with http:// or https://.")
    model = os.environ.get("OPENUP_LLM_MODEL", "").strip() or str(section.get("model", "")).strip()
    if not model:
        raise UserError("An LLM URL is set but no model: set `model` under [llm] or OPENUP_LLM_MODEL.")
    timeout_raw = os.environ.get("OPENUP_LLM_TIMEOUT") or section.get("timeout") or DEFAULT_TIMEOUT
    try:
        timeout = float(timeout_raw)
    except (TypeError, ValueError):
        raise UserError(f"The LLM timeout {timeout_raw!r} is not a number of seconds.") from None
    key = os.environ.get("OPENUP_LLM_API_KEY") or None
    return LLMClient(url=url, model=model, api_key=key, timeout=timeout)


def clean_output(text: str) -> str:
    """Strip what small models wrap around an answer: quotes, labels, extra lines."""
    text = text.strip()
    for prefix in ("Answer:", "Reply:", "Response:", "Rewritten message:", "Rewrite:", "Here is", "Sure"):
        if text.lower().startswith(prefix.lower()) and ":" in text[:60]:
            text = text.split(":", 1)[1].strip()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    text = lines[0] if lines else ""
    return text.strip().strip("\"“”'").strip()


def rejection_reason(text: str, detector: Callable[[str], list[Any]] | None = None) -> str | None:
    """Why a generated text must not be shown (a harmful or safety signal), or None when it may be."""
    from openup.method import SAFETY_KINDS
    from openup.text.detect import detect

    found = detector(text) if detector else detect(text, model=False)
    bad = sorted({s.kind for s in found if s.kind in REJECT_KINDS or s.kind in SAFETY_KINDS})
    if bad:
        return "it contained " + ", ".join(k.replace("_", " ") for k in bad)
    return None


def generate_checked(
    client: LLMClient,
    messages: list[dict[str, str]],
    accept: Callable[[str], tuple[bool, str]] | None = None,
    retries: int = 1,
) -> Generated:
    """Ask, check with our detectors, ask once more if rejected; a `note` explains any fallback."""
    reasons: list[str] = []
    seen: set[str] = set()
    for attempt in range(1, retries + 2):
        try:
            text = client.chat(messages)
        except LLMError as exc:
            return Generated(None, f"used the template answer because {exc}", attempt)
        if text in seen:
            break  # a deterministic server gives the same answer again: asking once more is no use
        seen.add(text)
        why = rejection_reason(text)
        ok = why is None
        if ok and accept is not None:
            ok, why = accept(text)
        if ok and text:
            return Generated(text, None, attempt)
        reasons.append(why or "it was empty")
    return Generated(
        None,
        f"used the template answer because the LLM's suggestion was rejected ({'; '.join(reasons)})",
        len(seen),
    )


def reply_prompt(move: str, focus: str, heard: Heard | None = None) -> list[dict[str, str]]:
    """The chat messages asking for one move's suggestion."""
    hint = ""
    if heard is not None and heard.feelings:
        hint = f" They may feel {heard.feelings[0].word}."
    if heard is not None:
        from openup.coach.listen import playful

        kinds = [k for k, on in (("good_news", heard.good_news), ("playful", playful(heard))) if on]
        hint += "".join(f" {KIND_HINTS[k]}" for k in kinds)
    user = f"My partner said: {focus}\n{hint.strip()}\nTask: {MOVE_INSTRUCTIONS[move]}"
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user.strip()}]


def rewrite_prompt(text: str) -> list[dict[str, str]]:
    """The chat messages asking for a kinder rewrite of a draft."""
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": REWRITE_INSTRUCTION.format(text=text)},
    ]


__all__ = [
    "Generated",
    "LLMClient",
    "LLMError",
    "client_from_config",
    "generate_checked",
    "is_loopback",
    "notify_if_remote",
    "rejection_reason",
    "reply_prompt",
    "rewrite_prompt",
]
