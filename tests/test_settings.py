"""Settings are declared once (hqd.settings); the README's table must list each of them."""

from pathlib import Path

from hqd import settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_in_the_readme_table():
    rows = [line for line in README.read_text("utf-8").splitlines() if line.startswith("|")]
    for setting in settings.ALL:
        row = next((r for r in rows if f"`{setting.env}`" in r), None)
        assert row is not None, f"{setting.env} is missing from the README's settings table"


def test_settings_read_the_environment(monkeypatch):
    monkeypatch.setenv(settings.BULK_DOCUMENTS.env, "7")
    assert settings.BULK_DOCUMENTS.value() == "7"
    monkeypatch.delenv(settings.BULK_DOCUMENTS.env)
    assert settings.BULK_DOCUMENTS.value() == settings.BULK_DOCUMENTS.default
