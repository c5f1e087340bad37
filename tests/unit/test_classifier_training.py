import json

import pytest

from classifier.dataio import read_labelled
from classifier.model import TextModel
from classifier.service import STARTER_CATEGORY, CategoryClassifier
from classifier.config import make_config
from classifier.training import train

CATEGORIES = {"城乡建设", "劳动和社会保障", "教育文体", "商贸旅游", "环境保护", "卫生计生", "交通运输"}


@pytest.fixture(scope="module")
def starter():
    return read_labelled(STARTER_CATEGORY)


@pytest.fixture(scope="module")
def model(starter):
    texts, labels = starter
    return train(texts, labels, folds=3, show_progress=False, source="test")


def test_starter_corpus_covers_the_demo_tree_with_40_appeals_each(starter):
    texts, labels = starter
    assert set(labels) == CATEGORIES
    assert all(labels.count(c) >= 40 for c in CATEGORIES)
    assert len(set(texts)) == len(texts)


def test_cross_validated_figures_and_threshold_are_in_the_metadata(model):
    meta = model.metadata
    assert set(meta["classes"] if "classes" in meta else model.classes) == CATEGORIES
    cv = meta["cv"]
    assert cv["folds"] == 3 and cv["n"] == meta["n_examples"]
    assert 0.5 < cv["macro_f1"] <= 1.0  # the starter corpus is small: a floor, not a target
    assert 0 < meta["abstain_threshold"] <= 1.000001
    assert cv["abstain"]["precision"] is None or cv["abstain"]["precision"] >= 0.97
    assert len(meta["data_sha256"]) == 64
    assert meta["libraries"]["scikit-learn"] and meta["libraries"]["jieba"]


def test_model_predicts_unseen_appeals_of_each_kind(model):
    cases = {
        "黄陂区某小学老师体罚学生，家长很担心": "教育文体",
        "公司拖欠我们三个月工资，老板不见人": "劳动和社会保障",
        "工厂晚上偷偷排放废气，味道很刺鼻": "环境保护",
        "公交车到站不停，等了半个小时": "交通运输",
    }
    predictions = model.predict_many(list(cases))
    assert [p.label for p in predictions] == list(cases.values())
    for p in predictions:
        assert 0 <= p.confidence <= 1 and p.top[0][0] == p.label


def test_save_and_load_give_the_same_predictions(model, tmp_path):
    model.save(tmp_path / "m")
    loaded = TextModel.load(tmp_path / "m")
    meta = json.loads((tmp_path / "m" / "metadata.json").read_text(encoding="utf-8"))
    assert meta["classes"] == model.classes
    text = "江夏区某小区物业乱收停车费"
    assert loaded.predict(text).label == model.predict(text).label
    assert loaded.predict(text).confidence == pytest.approx(model.predict(text).confidence)


def test_a_class_with_too_few_examples_is_left_out_and_said_so(starter):
    texts, labels = starter
    model = train(texts + ["一条孤零零的样本"], labels + ["其他"], folds=0, show_progress=False)
    assert model.metadata["dropped_classes"] == ["其他"]
    assert "其他" not in model.classes


def test_one_class_cannot_be_trained():
    with pytest.raises(ValueError):
        train(["甲", "乙", "丙"], ["a", "a", "a"], show_progress=False)


def test_classifier_fills_the_port(model):
    from hotline.ports import Classification
    clf = CategoryClassifier(model)
    result = clf.classify("小区燃气管道漏气味道很大，请赶快派人来")
    assert isinstance(result, Classification)
    assert result.category in CATEGORIES
    assert result.urgency == "emergency" and result.appeal_type == "help"
    assert result.model_version == model.version
    assert result.abstain == (result.confidence < model.threshold)
    assert result.signals["urgency"]["matched"]
    empty = clf.classify("  ")
    assert empty.abstain and empty.category is None


def test_fast_single_text_path_agrees_with_the_pipeline(model, starter):
    import numpy as np
    texts = starter[0][:40] + ["", "完全陌生的字词组合ＸＹＺ", "ok"]
    slow = model.pipeline.predict_proba(texts)
    fast = np.vstack([model.predict_proba([t]) for t in texts])
    assert np.allclose(slow, fast, atol=1e-6)


def test_fast_path_handles_binary_models():
    import numpy as np
    from classifier.service import STARTER_SENTIMENT
    texts, labels = read_labelled(STARTER_SENTIMENT)
    binary = train(texts, labels, folds=0, show_progress=False)
    probe = texts[:10] + ["服务一般"]
    assert np.allclose(binary.pipeline.predict_proba(probe),
                       np.vstack([binary.predict_proba([t]) for t in probe]), atol=1e-6)


def test_folds_fitted_in_parallel_give_the_same_figures_as_in_process(starter):
    from classifier.training import cross_validate
    texts, labels = starter
    serial = cross_validate(texts, labels, {**_config(), "features": "char"}, folds=3, n_jobs=1)
    parallel = cross_validate(texts, labels, {**_config(), "features": "char"}, folds=3, n_jobs=2)
    assert serial["y_pred"] == parallel["y_pred"]
    assert serial["metrics"]["macro_f1"] == parallel["metrics"]["macro_f1"]
    assert abs(serial["confidence"] - parallel["confidence"]).max() < 1e-9


def test_sentiment_default_is_a_valid_config_and_serves_the_starter_corpus():
    from classifier.config import SENTIMENT_CONFIG, make_config
    from classifier.service import STARTER_SENTIMENT
    assert make_config(**SENTIMENT_CONFIG) == SENTIMENT_CONFIG
    texts, labels = read_labelled(STARTER_SENTIMENT)
    model = train(texts, labels, SENTIMENT_CONFIG, folds=0, show_progress=False)
    assert model.predict("态度恶劣，排队三个小时没人管").label == "0"
    assert model.predict("服务热情周到，很快就办好了，非常满意").label == "1"


def _config():
    from classifier.config import make_config
    return make_config()


@pytest.mark.parametrize("features", ["union", "word"])
def test_fast_path_agrees_with_the_pipeline_for_word_features(starter, features):
    import numpy as np
    texts, labels = starter
    other = train(texts, labels, {"features": features}, folds=0, show_progress=False)
    probe = texts[:30] + ["", "暴雨后整栋楼停电三天了", "ok"]
    assert np.allclose(other.pipeline.predict_proba(probe),
                       np.vstack([other.predict_proba([t]) for t in probe]), atol=1e-6)


def test_word_tokens_use_the_domain_dictionary_without_the_hmm():
    from classifier.text import model_text, word_tokens
    assert "路灯" in word_tokens(model_text("江汉区某小区路灯不亮三天了"))
    assert "灯不亮" not in word_tokens(model_text("江汉区某小区路灯不亮三天了"))


@pytest.mark.parametrize("features,max_features,min_df", [("union", 300, 2), ("char", None, 1), ("word", 50, 0.01)])
def test_vectorizers_derived_from_shared_counts_equal_fitting_on_the_rows(starter, features, max_features, min_df):
    """Cross-validation counts the corpus once and derives each fold's vectorizers from its rows:
    vocabulary (pruning and the max_features cut, ties included), idf and matrices must be exactly
    what fitting the vectorizer on those rows' texts gives."""
    import numpy as np
    from sklearn.base import clone
    from classifier.model import count_blocks, fit_block
    texts, labels = starter
    texts = np.asarray(texts, dtype=object)
    config = {**_config(), "features": features, "max_features": max_features, "min_df": min_df}
    rows = np.sort(np.random.RandomState(0).choice(len(texts), len(texts) * 2 // 3, replace=False))
    other = np.setdiff1d(np.arange(len(texts)), rows)
    for block in count_blocks(config, list(texts)):
        fitted = fit_block(block, rows)
        reference = clone(block.template)
        on_rows = reference.fit_transform(texts[rows])
        vectorizer = fitted.vectorizer(block)
        assert vectorizer.vocabulary_ == reference.vocabulary_
        assert np.array_equal(vectorizer.idf_, reference.idf_)
        assert abs(fitted.transform(block, rows) - on_rows).max() == 0
        assert abs(fitted.transform(block, other) - reference.transform(texts[other])).max() == 0
        assert abs(vectorizer.transform(texts[other]) - reference.transform(texts[other])).max() == 0


def test_trained_pipeline_equals_the_pipeline_fitted_on_the_texts(starter):
    import numpy as np
    from classifier.model import build_pipeline
    texts, labels = starter
    config = {**_config(), "features": "union", "max_features": 500}
    model = train(texts, labels, config, folds=0, show_progress=False)
    reference = build_pipeline(make_config(**config), min_class=40).fit(texts, labels)
    probe = texts[:25] + ["暴雨后整栋楼停电三天了", ""]
    assert np.allclose(model.pipeline.predict_proba(probe), reference.predict_proba(probe), atol=1e-12)


def test_near_copies_share_a_group_and_grouped_folds_keep_them_together(starter):
    from classifier.training import cross_validate, near_duplicate_groups
    texts, labels = starter
    groups = near_duplicate_groups(texts)
    assert len(set(groups)) == len(texts)  # the starter corpus holds no near copies
    picked = [0, 45, 90, 135, 180, 225]
    copies = [texts[i] + "，请尽快处理，谢谢！" for i in picked]
    groups = near_duplicate_groups(texts + copies)
    assert all(groups[i] == groups[len(texts) + k] for k, i in enumerate(picked))
    grouped = cross_validate(texts + copies, labels + [labels[i] for i in picked], _config(), folds=3,
                             n_jobs=1, groups=groups)
    assert grouped["metrics"]["n"] == len(texts) + len(copies) and set(grouped["fold"]) == {0, 1, 2}
    assert all(grouped["fold"][i] == grouped["fold"][len(texts) + k] for k, i in enumerate(picked))


@pytest.mark.parametrize("ngram", [[1, 3], [2, 3], [1, 1]])
def test_char_keys_count_the_same_terms_as_the_vectorizer(starter, ngram):
    """The fast path looks char n-grams up as integer keys; it must find exactly the terms and
    counts the vectorizer's analyzer and vocabulary give, for odd input too."""
    from classifier.model import CharKeys, _CharKeyCounts, _TermCounts, build_pipeline
    texts, labels = starter
    extra = ["😀😀好评😀", "\x00\x00a", "Ａ Ｂ\tC\n\n d  e", "①②③㈠", "\U0010ffff\U0010fffe好", "ab", "a", "", "  "]
    pipe = build_pipeline(make_config(char_ngram=ngram, min_df=1)).fit(texts + extra, labels + labels[:len(extra)])
    vec = pipe.named_steps["features"]
    assert CharKeys.applies(vec)
    fast, reference = _CharKeyCounts(vec), _TermCounts(vec)
    for text in texts[:50] + extra + ["没见过的字词组合", "好评😀x"]:
        cols, tf = fast(text)
        ref_cols, ref_tf = reference(text)
        assert sorted(zip(cols.tolist(), tf.tolist())) == sorted(zip(ref_cols.tolist(), ref_tf.tolist())), text


def test_char_keys_fold_white_space_as_scikit_learn_does():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from classifier.model import _CharKeyCounts, _TermCounts
    texts = ["路灯  不亮\t\t三天", "噪音 扰民", "a  b", "   "]
    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), lowercase=False).fit(texts)
    fast, reference = _CharKeyCounts(vec), _TermCounts(vec)
    for text in texts + ["路灯 \n 不亮"]:
        cols, tf = fast(text)
        ref_cols, ref_tf = reference(text)
        assert sorted(zip(cols.tolist(), tf.tolist())) == sorted(zip(ref_cols.tolist(), ref_tf.tolist()))


def test_char_key_counts_equal_count_vectorizer_and_keys_sort_as_strings(starter):
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from classifier.model import CharKeys
    from classifier.text import model_text
    texts = starter[0][:60] + ["😀😀好评😀", "\x00\x00a", "Ａ Ｂ\tC\n\n d  e", "①②③㈠", "\U0010ffff\U0010fffe好",
                               "ab", "a", "", "  "]
    for preprocessor in (model_text, None):
        counter = CountVectorizer(analyzer="char", ngram_range=(1, 3), preprocessor=preprocessor,
                                  lowercase=False, dtype=np.float32)
        reference = counter.fit_transform(texts)
        keys, counts = CharKeys(counter).count(texts, np.float32)
        terms = CharKeys.key_terms(keys)
        assert terms == sorted(counter.vocabulary_, key=counter.vocabulary_.get)
        assert terms == sorted(terms) and np.all(np.diff(keys) > 0)
        assert np.array_equal(CharKeys.term_keys(terms), keys)
        assert counts.dtype == reference.dtype and abs(counts - reference).max() == 0


def test_texts_sharing_no_terms_are_refused_with_a_readable_reason():
    with pytest.raises(ValueError, match="没有剩下任何特征"):
        train(["甲", "乙", "丙", "丁", "戊", "己"], ["a"] * 3 + ["b"] * 3, folds=0, show_progress=False)


def test_a_search_counts_each_analysis_once(starter, monkeypatch):
    import classifier.model as model_module
    from classifier.training import search
    texts, labels = starter
    calls = []
    real = model_module._count
    monkeypatch.setattr(model_module, "_count", lambda *a: calls.append(a[0].analyzer) or real(*a))
    grid = [{"features": "char", "C": 0.3}, {"features": "char", "C": 1.0, "min_df": 1},
            {"features": "union", "C": 1.0}]
    results = search(texts, labels, grid=grid, folds=3, show_progress=False)
    assert len(results) == 3 and all(0 < r["macro_f1"] <= 1 for r in results)
    assert sorted(map(str, calls)) == ["char", "word"]  # char counted once for three configs


def test_training_keeps_near_copies_in_one_fold_up_to_a_corpus_size(starter, monkeypatch):
    import classifier.training as training
    texts, labels = starter
    texts = texts + [texts[0] + "，请尽快处理，谢谢！", texts[1] + "。谢谢"]
    labels = labels + labels[:2]
    grouped = train(texts, labels, folds=3, show_progress=False).metadata["cv"]["grouping"]
    assert grouped == {"method": "near_duplicate_groups", "cosine": 0.7, "groups": len(texts) - 2}
    monkeypatch.setattr(training, "GROUPED_CV_MAX", 100)
    plain = train(texts, labels, folds=3, show_progress=False).metadata["cv"]["grouping"]
    assert plain["method"] == "stratified"
