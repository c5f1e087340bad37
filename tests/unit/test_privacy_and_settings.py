"""Masking of personal data; settings from the environment and a config file."""
from pathlib import Path

import pytest

from hotline.domain.privacy import mask_name, mask_phone, mask_text
from hotline.settings import SettingsError, load_settings, normalise_database_url


def test_phone_and_id_numbers_in_text_are_masked():
    text = "我叫李四，手机13912345678，身份证42010219900101123X，家里电话027-85551234，门牌号88号"
    masked = mask_text(text)
    assert "13912345678" not in masked and "139****5678" in masked
    assert "42010219900101123X" not in masked and "420102" in masked
    assert "85551234" not in masked
    assert "门牌号88号" in masked


def test_mask_helpers():
    assert mask_phone("13912345678") == "139****5678"
    assert mask_phone("+86 139-1234-5678").endswith("5678") and "1234" not in mask_phone("13912345678")[3:7]
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name(None) is None and mask_text("") == ""


def test_embedded_default_with_nothing_set(tmp_path):
    s = load_settings(environ={})
    assert s.embedded
    assert s.effective_database_url.startswith("sqlite:///")
    assert s.port == 8080


def test_environment_and_config_file(tmp_path):
    cfg = tmp_path / "hotline.toml"
    cfg.write_text('[hotline]\nport = 9000\nredis_url = "redis://r:6379/0"\ncallcenter_secret = "s"\n')
    s = load_settings(cfg, environ={"HOTLINE_DATABASE_URL": "postgresql://u@h/db", "HOTLINE_PORT": "9100",
                                    "HOTLINE_DATA_DIR": str(tmp_path)})
    assert s.port == 9100                                  # the environment wins over the file
    assert s.redis_url == "redis://r:6379/0" and not s.embedded
    assert s.effective_database_url == "postgresql+psycopg://u@h/db"
    assert s.extra == {"callcenter_secret": "s"}
    assert s.data_dir == Path(tmp_path)


@pytest.mark.parametrize("env, message", [
    ({"HOTLINE_PORT": "eighty"}, "integer"),
    ({"HOTLINE_SWEEP_INTERVAL": "0"}, "positive"),
    ({"HOTLINE_CONFIG": "/nonexistent.toml"}, "not found"),
])
def test_bad_settings_are_clear_errors(env, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(environ=env)


def test_replica_and_retention_settings(tmp_path):
    cfg = tmp_path / "hotline.toml"
    cfg.write_text('[hotline]\nretention_notices_months = 12\n')
    s = load_settings(cfg, environ={"HOTLINE_DATABASE_REPLICA_URL": "postgres://u@replica/db",
                                    "HOTLINE_RETENTION_MESSAGES_MONTHS": "24"})
    assert s.effective_replica_url == "postgresql+psycopg://u@replica/db"
    assert s.retention == {"audit_events": 0, "notices": 12, "channel_messages": 24}
    assert load_settings(environ={}).effective_replica_url == ""
    assert load_settings(environ={}).retention == {"audit_events": 0, "notices": 0, "channel_messages": 0}
    with pytest.raises(SettingsError, match="months"):
        load_settings(environ={"HOTLINE_RETENTION_AUDIT_MONTHS": "a year"})


def test_postgres_urls_use_psycopg3():
    assert normalise_database_url("postgres://a@b/c") == "postgresql+psycopg://a@b/c"
    assert normalise_database_url("sqlite:///x") == "sqlite:///x"


def test_spreadsheet_cells_drop_control_characters_and_never_become_formulas():
    import io

    from openpyxl import load_workbook

    from hotline.console.xlsx import sanitize_cell, write_xlsx

    assert sanitize_cell("占道\u0001经营\u0000") == "占道经营"
    assert sanitize_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    out = io.BytesIO()
    assert write_xlsx(out, "工单", ["内容"], [["占道\u0001经营\t堵路"], ["=1+1"]]) == 2
    ws = load_workbook(io.BytesIO(out.getvalue())).active
    assert [ws["A2"].value, ws["A3"].value] == ["占道经营\t堵路", "'=1+1"]
