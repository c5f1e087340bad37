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


@pytest.mark.parametrize("text, secret", [
    ("手机号１３８１２３４５６７８，麻烦回个电话", "１２３４"),                 # full-width digits (mini-program input)
    ("我的电话是一三八一二三四五六七八", "一二三四"),                       # spoken digits in a phone transcript
    ("你打幺三九幺二三四五六七八找我", "二三四五"),
    ("身份证号码是四二零一零六一九九零零一零一一二三四", "一九九零零一零一"),
    ("身份证 420106 19900101 123X，江岸区", "19900101"),                   # an ID number written in groups
    ("座机87654321，白天有人", "8765"),                                    # a local landline after 座机
    ("家里电话027-8765 4321", "8765"),
    ("退款打到银行卡6222 0212 3456 7890 123里", "7890"),                   # a 19-digit card in groups, to its end
    ("车牌号是鄂 A 1 2 3 4 5 的车天天堵门", "1 2 3"),                     # a plate spelled with spaces
    ("加我微信号wxid_abc123或者QQ号123456789", "wxid_abc123"),
    ("QQ号123456789", "123456789"),
    ("邮箱abc.def@qq.com", "abc.def"),
    ("护照号E12345678过期了", "12345678"),
    ("我叫王建国，住在后湖百步亭", "王建国"),                              # a caller's own name in the text
    ("本人李秀英，今年七十岁", "李秀英"),
    ("我姓张，叫张小明，住在永清街", "张小明"),
    ("姓名：刘德华 联系方式：15900001111", "刘德华"),
    ("投诉人：欧阳娜娜，江汉路步行街", "欧阳娜娜"),
    ("你好我是赵建军，电话没变", "赵建军"),
])
def test_personal_data_as_citizens_write_it_is_masked(text, secret):
    assert secret not in mask_text(text), mask_text(text)


@pytest.mark.parametrize("text", [
    "我是业主，住在江岸区", "我是王家湾的居民", "本人在汉阳上班", "我是张家湾小区的", "我是江汉区的", "我是黄陂人",
    "我是万科的业主", "本人房屋漏水", "我是房东，租客走了", "我是司机，", "我是农民，", "我是王女士", "联系人陈先生", "我是叶师傅", "我是汪阿姨", "买了个新iPhone",
    "二〇二四年三月一日停水", "打12345没人接", "门牌号88号", "三栋二单元一零零二",
])
def test_places_roles_and_dates_are_not_mistaken_for_personal_data(text):
    assert mask_text(text) == text


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
