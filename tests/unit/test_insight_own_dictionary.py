"""Insight reads appeals with a jieba dictionary of its own: the classifier changes jieba's shared one when it loads
(``classifier.text.initialise``: its domain words, and deletions such as 灯不亮), and the hotline's processes that
load it (``hotline serve``, the worker) must read an appeal as the evaluation and ``hotline similar`` do."""
import jieba

import classifier.text as classifier_text
from insight import matter


def test_the_classifier_changes_the_shared_dictionary_not_insights():
    classifier_text.initialise()
    deleted = classifier_text.DEL_WORDS[0]
    assert jieba.dt.FREQ.get(deleted, 0) == 0          # the classifier took it out of the shared one …
    assert matter._dictionary().get(deleted, 0) > 0     # … insight's still holds it, as jieba ships it
    added = [w for w, _, _ in classifier_text._load_user_words() if w not in matter._dictionary()]
    assert added and all(jieba.dt.FREQ.get(w, 0) > 0 for w in added[:20])


def test_the_tagger_and_the_rare_content_cut_with_insights_dictionary():
    classifier_text.initialise()
    assert matter.load_tagger().tokenizer is matter._tokenizer()
    # 路灯不亮: the shared dictionary (灯不亮 deleted) and insight's cut it differently; insight's as jieba ships it
    shipped = jieba.Tokenizer()
    assert matter._tokenizer().lcut("路灯不亮", HMM=False) == shipped.lcut("路灯不亮", HMM=False)
