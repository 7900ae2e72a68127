"""Help lines checked against the services' public pages (issue: blind tests and safety)."""

from __future__ import annotations

from openup.coach.safety import how_to_reach, resources_for


def _reach(country: str, crisis: bool) -> list[str]:
    return [how_to_reach(r.to_dict()) for r in resources_for(country, crisis)]


def test_text_lines_that_the_services_publish() -> None:
    assert any("0458 737 732" in line for line in _reach("AU", crisis=False))  # 1800RESPECT by text
    assert any("HELP to 4357" in line for line in _reach("NZ", crisis=True))  # Lifeline Aotearoa by text
    assert any("116 123" in line for line in _reach("DE", crisis=True))  # TelefonSeelsorge


def test_50808_is_shown_without_a_keyword_or_hours() -> None:
    rows = [r for r in resources_for("IE", crisis=True) if "50808" in r.name]
    assert rows
    assert how_to_reach(rows[0].to_dict()).startswith("text 50808,")
    assert "24" not in rows[0].name and "HELLO" not in how_to_reach(rows[0].to_dict())
