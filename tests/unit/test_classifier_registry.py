import os

import pytest

from classifier.dataio import read_labelled
from classifier.registry import HotModel, ModelStore, NoSuchVersionError, NothingToRollBackError, retrain
from classifier.service import STARTER_CATEGORY, load_default_classifier
from classifier.training import train


@pytest.fixture(scope="module")
def two_models():
    texts, labels = read_labelled(STARTER_CATEGORY)
    first = train(texts, labels, folds=0, show_progress=False, source="one")
    second = train(texts, labels, {"C": 1.0}, folds=0, show_progress=False, source="two")
    return first, second


def test_versions_activate_and_roll_back(tmp_path, two_models):
    store = ModelStore(tmp_path / "category")
    assert store.versions() == [] and store.current() is None
    a = store.save(two_models[0], version="v1")
    b = store.save(two_models[1], version="v2")
    assert store.versions() == ["v1", "v2"]
    assert store.current() is None  # saving does not activate
    store.activate(a)
    store.activate(b)
    assert store.current() == "v2" and store.history() == ["v1"]
    assert store.rollback() == "v1"
    assert store.current() == "v1"
    with pytest.raises(NothingToRollBackError):
        store.rollback()
    with pytest.raises(NoSuchVersionError):
        store.activate("v9")
    assert not [p for p in os.listdir(store.root) if p.startswith(".incoming") or p.startswith(".pointer")]


def test_saving_the_same_version_name_twice_keeps_both(tmp_path, two_models):
    store = ModelStore(tmp_path)
    assert store.save(two_models[0], version="v") == "v"
    assert store.save(two_models[0], version="v") == "v-2"
    assert store.metadata("v-2")["version"] == "v-2"


def test_a_model_directory_can_be_imported(tmp_path, two_models):
    two_models[0].save(tmp_path / "exported")
    store = ModelStore(tmp_path / "store")
    version = store.save(tmp_path / "exported", version="imported")
    assert store.load(version).classes == two_models[0].classes


def test_serving_model_swaps_without_restart(tmp_path, two_models):
    store = ModelStore(tmp_path)
    store.activate(store.save(two_models[0], version="v1"))
    hot = HotModel(store, check_interval=0)
    assert hot.get().version == "v1"
    store.activate(store.save(two_models[1], version="v2"))
    assert hot.get().version == "v2"
    store.rollback()
    assert hot.get().version == "v1"


def test_serving_model_checks_the_pointer_at_most_once_an_interval(tmp_path, two_models):
    store = ModelStore(tmp_path)
    store.activate(store.save(two_models[0], version="v1"))
    hot = HotModel(store, check_interval=3600)
    hot.get()
    store.activate(store.save(two_models[1], version="v2"))
    assert hot.get().version == "v1"
    hot.refresh()
    assert hot.get().version == "v2"


def test_retrain_learns_an_operator_correction(tmp_path):
    text = "江岸区某小区门口的共享充电桩经常坏，收了钱却充不上电"
    base_rows = list(zip(*read_labelled(STARTER_CATEGORY)))
    corrections = [{"text": text, "label": "新能源服务"}] * 1 + [
        (f"{d}新能源汽车充电桩故障，扫码后无法充电" , "新能源服务") for d in ("汉阳区", "青山区", "洪山区")]
    first = retrain(base_rows, [], tmp_path, folds=0)
    second = retrain(base_rows, corrections, tmp_path, folds=0)
    store = ModelStore(tmp_path)
    assert store.current() == second and store.history() == [first]
    meta = store.metadata(second)
    assert meta["n_corrections"] == 4 and meta["source"] == "retrain"
    assert "新能源服务" in store.load(second).classes
    assert store.load(second).predict(text).label == "新能源服务"
    assert "新能源服务" not in store.load(first).classes


def test_load_default_classifier_trains_once_from_the_starter_corpus(tmp_path):
    clf = load_default_classifier(tmp_path)
    versions = ModelStore(tmp_path / "category").versions()
    assert len(versions) == 1
    result = clf.classify("请问在武汉怎么办理失业保险金申领")
    assert result.category == "劳动和社会保障" and result.appeal_type == "consult"
    assert result.model_version == versions[0]
    load_default_classifier(tmp_path)
    assert ModelStore(tmp_path / "category").versions() == versions
