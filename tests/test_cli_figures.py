"""The CLI's tables write figures through the one formatter, as pages and CSV do (issue 17 item 4): "124.83 bn yuan",
"3,866 mu", "> 90%", never a raw "124,830,000,000  CNY  =" spread over three columns."""

from click.testing import CliRunner

from hqd.cli import cli


def table(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_show_writes_each_figure_once_formatted(seeded_db):
    out = table("show", "1", "--db", str(seeded_db))
    assert "124.83 bn yuan" in out and "+9.1%" in out
    assert "124,830,000,000" not in out and " CNY " not in out


def test_targets_and_the_profiles_targets_write_the_goal_formatted(seeded_db):
    out = table("targets", "--db", str(seeded_db), "--as-of", "2023-12-31")
    assert "3,866 mu" in out and " 3866 " not in out
    profile = table("profile", "Jiading", "--db", str(seeded_db)).split("targets:", 1)[1]
    assert "> 90%" in profile and "3,000" in profile and "percent" not in profile
