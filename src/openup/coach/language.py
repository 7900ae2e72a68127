"""Is this message English? A cheap guess from common function words, for Latin-script text.

`text.validate.validate_message` already turns away text in other scripts; this catches Spanish, French,
German, Italian, Portuguese and Dutch messages, which pass a script check but would get nonsense coaching.

>>> looks_english("I had such a long day at work")
True
>>> looks_english("Hoy tuve un día muy difícil en el trabajo y estoy cansada")
False
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

_ENGLISH = frozenset(
    """the a an and or but if so to of in on at for with about from by is are was were be been am i you he she
    it we they me my your his her our their this that these those not no yes do does did have has had will would
    can could should just what when where why how who which there here then than very really too also all some
    any more most much many one up down out get got go went know think feel like want need im i'm it's that's
    don't didn't can't won't today day work time because been being as lol ok okay""".split()
)
# Frequent function words of other languages written in Latin script; none is also a common English word.
_OTHER = frozenset(
    """el los las del por para con una uno unos pero como muy estoy estaba tengo tiene hoy más porque está
    qué cuando también mi mis tu sus le les lo se nos yo ella ellos eso esta este sí
    le la les des du un une est et je tu il elle nous vous ils avec pour dans sur pas très mais qui que
    suis c'est j'ai ai aujourd'hui travail moi toi mon ma mes ton ta
    der das und ist ich du er sie wir ihr nicht mit auf für ein eine einen dem sehr aber heute bin
    hatte habe mich dich mein meine dein arbeit
    il gli della che non sono per una ho oggi molto anche più mio mia sei
    não uma com para eu você muito hoje mas meu minha estou foi é
    het een en ik je jij niet met voor maar zijn heb vandaag erg mijn""".split()
) - _ENGLISH


def looks_english(text: str, *, min_words: int = 4) -> bool:
    """False only when a message of `min_words` or more reads clearly as another language."""
    words = [w.lower() for w in _WORDS.findall(text.replace("’", "'"))[:400]]
    if len(words) < min_words:
        return True
    english = sum(w in _ENGLISH for w in words)
    other = sum(w in _OTHER for w in words)
    return not (other >= 2 and other > english)


__all__ = ["looks_english"]
