import argparse
import csv
import json

import pytest

from classifier.cli import register
from classifier.service import STARTER_CATEGORY


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="hotline")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["classifier", *argv])
    return args.func(args)


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "model"
    assert run("train", "--data", str(STARTER_CATEGORY), "--out", str(out), "--folds", "3", "--quiet") == 0
    return out


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_train_writes_model_and_metadata(model_dir, capsys):
    meta = json.loads((model_dir / "metadata.json").read_text(encoding="utf-8"))
    assert (model_dir / "model.pkl").is_file()
    for key in ("classes", "data_sha256", "cv", "libraries", "trained_at", "config", "abstain_threshold"):
        assert key in meta


def test_evaluate_prints_figures_and_writes_a_report(model_dir, tmp_path, capsys):
    test = write_csv(tmp_path / "test.csv", ["text", "label"], [
        ("汉阳区某小学周末组织有偿补课", "教育文体"),
        ("公交车司机开车打电话", "交通运输"),
        ("工地拖欠农民工工资", "劳动和社会保障"),
        ("餐馆后厨老鼠乱跑，卫生很差", "商贸旅游"),
    ])
    assert run("evaluate", "--model", str(model_dir), "--data", str(test), "--report", str(tmp_path / "rep")) == 0
    out = capsys.readouterr().out
    assert "宏平均 F1" in out and "教育文体" in out
    for name in ("confusion.png", "risk_coverage.png", "metrics.json", "per_class.csv", "risk_coverage.csv"):
        assert (tmp_path / "rep" / name).stat().st_size > 0
    figures = json.loads((tmp_path / "rep" / "metrics.json").read_text(encoding="utf-8"))
    assert figures["n"] == 4 and 0 <= figures["macro_f1"] <= 1
    assert (tmp_path / "rep" / "confusion.png").read_bytes()[:4] == b"\x89PNG"


def test_predict_adds_predicted_and_confidence(model_dir, tmp_path):
    src = write_csv(tmp_path / "in.csv", ["id", "text"], [("1", "化工厂晚上偷排废水，河里的鱼都死了"), ("2", "")])
    assert run("predict", "--model", str(model_dir), "--data", str(src), "--out", str(tmp_path / "out.csv")) == 0
    with open(tmp_path / "out.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["predicted"] == "环境保护"
    assert 0 < float(rows[0]["confidence"]) <= 1


@pytest.mark.parametrize("argv_tail, content, message", [
    (["--data", "MISSING"], None, "不存在"),
    (["--data", "FILE"], "text,category\n某条,城乡建设\n", "缺少列"),
    (["--data", "FILE"], "", "为空"),
    (["--data", "FILE"], "text,label\n", "没有数据行"),
])
def test_bad_training_input_is_one_line_and_exit_2(tmp_path, capsys, argv_tail, content, message):
    path = tmp_path / "data.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    argv = [str(path) if a == "FILE" else str(tmp_path / "nope.csv") if a == "MISSING" else a for a in argv_tail]
    assert run("train", *argv, "--out", str(tmp_path / "m"), "--quiet") == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err


def test_evaluate_needs_a_label_column_and_a_model(model_dir, tmp_path, capsys):
    src = write_csv(tmp_path / "in.csv", ["text"], [("某条留言",)])
    assert run("evaluate", "--model", str(model_dir), "--data", str(src)) == 2
    assert "label" in capsys.readouterr().err
    assert run("predict", "--model", str(tmp_path / "none"), "--data", str(src), "--out", str(tmp_path / "o.csv")) == 2
    assert "模型目录不存在" in capsys.readouterr().err


def test_store_commands(model_dir, tmp_path, capsys):
    from classifier.registry import ModelStore
    store = ModelStore(tmp_path / "store")
    v1 = store.save(model_dir, version="v1")
    v2 = store.save(model_dir, version="v2")
    assert run("activate", "--store", str(store.root), v1) == 0
    assert run("activate", "--store", str(store.root), v2) == 0
    assert run("versions", "--store", str(store.root)) == 0
    assert "* v2" in capsys.readouterr().out
    assert run("rollback", "--store", str(store.root)) == 0 and store.current() == "v1"
    assert run("rollback", "--store", str(store.root)) == 2
    assert run("activate", "--store", str(store.root), "v7") == 2
