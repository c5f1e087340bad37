"""`hotline route explain` and `hotline routing train`, registered on a bare argparse parser."""
import argparse
import json

from routing.cli import register


def run(argv):
    parser = argparse.ArgumentParser(prog="hotline")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


def test_route_explain_prints_the_contract_keys(capsys):
    assert run(["route", "explain", "--text", "汉阳区四新大道的路灯坏了一个月"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"category", "district", "place", "unit", "assisting_units", "rule", "confidence", "explanation"} <= set(out)
    assert (out["unit"], out["district"], out["category"]) == ("D-HY-CG", "D-HY", None)


def test_route_explain_with_category_and_place(capsys):
    assert run(["route", "explain", "--text", "有人占道经营", "--category", "C010216", "--place", "江夏区纸坊街道"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["unit"], out["assisting_units"], out["rule"]) == ("D-JX-S01", ["D-JX-CG"], "street-encroach")


def test_route_explain_bad_table_exits_2(tmp_path, capsys):
    bad = tmp_path / "t.toml"
    bad.write_text('[[rule]]\nid = "x"\nlead = ["NOPE"]\n', encoding="utf-8")
    assert run(["route", "explain", "--text", "x", "--table", str(bad)]) == 2
    assert "第1行" in capsys.readouterr().err


def test_routing_train_from_jsonl(tmp_path, capsys):
    data = tmp_path / "h.jsonl"
    rows = [{"text": "停水", "category": "C01", "unit": "UTIL-WATER"}, {"text": "停电", "category": "C01", "unit": "UTIL-POWER"}] * 3
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert run(["routing", "train", "--out", str(tmp_path / "m.pkl"), "--from-jsonl", str(data)]) == 0
    assert json.loads(capsys.readouterr().out)["units"] == 2
    assert run(["route", "explain", "--text", "没有地点的问题", "--model", str(tmp_path / "m.pkl")]) == 0
