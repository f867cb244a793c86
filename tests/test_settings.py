from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsloom.errors import SettingsError
from newsloom.settings import load_settings


def test_defaults() -> None:
    settings = load_settings(environ={})
    assert settings.db == "newsloom.db"
    assert settings.serve.host == "127.0.0.1"


def test_toml_then_environment_then_flags(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('db = "from-file.db"\n[reuse]\nmin_similarity = 0.6\nnum_perm = 64\n')
    settings = load_settings(
        config,
        environ={"NEWSLOOM_REUSE__MIN_SIMILARITY": "0.7", "NEWSLOOM_DB": "from-env.db"},
    )
    assert (settings.db, settings.reuse.min_similarity, settings.reuse.num_perm) == (
        "from-env.db",
        0.7,
        64,
    )
    assert load_settings(config, environ={}, db="from-flag.db").db == "from-flag.db"


def test_token_comes_from_its_own_variable() -> None:
    assert load_settings(environ={"NEWSLOOM_TOKEN": "secret"}).serve.token == "secret"


def test_foreign_newsloom_variables_are_ignored() -> None:
    assert load_settings(environ={"NEWSLOOM_SOMETHING_ELSE": "1"}).db == "newsloom.db"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[reuse]\nmin_similarity = 2\n", "reuse.min_similarity"),
        ("[reuse]\nunknown_field = 1\n", "reuse.unknown_field"),
        ("not toml at all [", "not valid TOML"),
    ],
)
def test_bad_config_is_named(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(text)
    with pytest.raises(SettingsError, match=re.escape(message)):
        load_settings(config, environ={})


def test_missing_config_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"missing\.toml"):
        load_settings(tmp_path / "missing.toml", environ={})


def test_bad_environment_value_is_named() -> None:
    with pytest.raises(SettingsError, match=r"serve\.port"):
        load_settings(environ={"NEWSLOOM_SERVE__PORT": "not-a-port"})
