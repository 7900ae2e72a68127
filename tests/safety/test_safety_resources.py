"""Help lines and which country's lines to show."""

from __future__ import annotations

from pathlib import Path

import pytest

from openup.coach.safety import countries, emergency_number, resolve_country, resources_for
from openup.errors import UserError
from openup.method import read_data

LISTED = ["US", "GB", "CA", "AU", "IE", "NZ", "DE", "FR", "ES", "IN", "INTL"]


@pytest.mark.parametrize("country", LISTED)
def test_each_country_has_an_abuse_line_and_a_crisis_line(country: str) -> None:
    rows = resources_for(country, crisis=False)
    assert {r.kind for r in rows} == {"abuse", "crisis"}
    assert all(r.country == country for r in rows)
    for r in rows:
        assert r.name and (r.phone or r.url or r.text), r
        assert not r.url or r.url.startswith("https://"), r.url
    assert emergency_number(country)


def test_listed_countries_are_all_present() -> None:
    assert set(LISTED) <= set(countries())


def test_known_numbers() -> None:
    us = {r.name: r for r in resources_for("US", crisis=False)}
    hotline = us["National Domestic Violence Hotline"]
    assert (hotline.phone, hotline.text, hotline.url) == ("1-800-799-7233", "START to 88788",
                                                          "https://www.thehotline.org")
    lifeline = us["988 Suicide & Crisis Lifeline"]
    assert (lifeline.phone, lifeline.text) == ("988", "988")
    gb_phones = {r.phone for r in resources_for("GB", crisis=False)}
    assert {"0808 2000 247", "116 123"} <= gb_phones
    au_phones = {r.phone for r in resources_for("AU", crisis=False)}
    assert {"1800 737 732", "13 11 14"} <= au_phones
    intl_urls = {r.url for r in resources_for("INTL", crisis=True)}
    assert "https://findahelpline.com" in intl_urls


def test_verified_note() -> None:
    assert read_data("resources.toml")["verified"] == "2026-11"


def test_crisis_first_only_when_asked() -> None:
    for country in LISTED:
        assert resources_for(country, crisis=True)[0].kind == "crisis"
        assert resources_for(country, crisis=False)[0].kind == "abuse"


def test_unknown_country_falls_back_to_intl() -> None:
    rows = resources_for("JP", crisis=True)
    assert rows and all(r.country == "INTL" for r in rows)
    assert resources_for(None, crisis=False)[0].country == "INTL"
    assert "112" in emergency_number("JP")


def test_resolve_explicit_wins(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clean_env.write_text('country = "DE"\n', encoding="utf-8")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert resolve_country("gb") == "GB"
    assert resolve_country("UK") == "GB"
    assert resolve_country("intl") == "INTL"


def test_resolve_config_then_locale_then_intl(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_country(None) == "INTL"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert resolve_country(None) == "GB"
    monkeypatch.setenv("LC_ALL", "de_DE@euro")
    assert resolve_country(None) == "DE"  # LC_ALL outranks LANG
    monkeypatch.setenv("LC_ALL", "C")
    assert resolve_country(None) == "INTL"  # the first locale variable that is set decides
    clean_env.write_text('country = "nz"\n', encoding="utf-8")
    assert resolve_country(None) == "NZ"
    assert resolve_country("") == "NZ"


def test_bad_country_is_a_user_error(clean_env: Path) -> None:
    with pytest.raises(UserError, match="not a two-letter country code"):
        resolve_country("Narnia")
    clean_env.write_text("country = 44\n", encoding="utf-8")
    with pytest.raises(UserError, match="config file"):
        resolve_country(None)
