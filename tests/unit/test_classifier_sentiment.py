import pytest

from classifier.dataio import read_labelled
from classifier.service import STARTER_SENTIMENT, SentimentModel, contradiction, load_default_sentiment
from classifier.training import train


@pytest.fixture(scope="module")
def sentiment():
    texts, labels = read_labelled(STARTER_SENTIMENT)
    return SentimentModel(train(texts, labels, folds=3, show_progress=False))


def test_starter_sentiment_corpus_is_balanced():
    texts, labels = read_labelled(STARTER_SENTIMENT)
    assert set(labels) == {"0", "1"} and labels.count("0") >= 40 and labels.count("1") >= 40


def test_positive_probability_orders_clear_cases(sentiment):
    assert sentiment.positive_probability("工作人员非常耐心，效率很高，十分满意") > 0.7
    assert sentiment.positive_probability("态度恶劣，排队三个小时没人管，太失望了") < 0.3


@pytest.mark.parametrize("level, text, flagged", [
    (5, "态度恶劣，排队三个小时没人管，太失望了", True),
    (4, "问题根本没解决，回复全是套话", True),
    (1, "工作人员非常耐心，效率很高，十分满意", True),
    (5, "工作人员非常耐心，效率很高，十分满意", False),
    (1, "态度恶劣，排队三个小时没人管，太失望了", False),
    (3, "态度恶劣，排队三个小时没人管，太失望了", False),
    (5, "", False),
])
def test_contradiction(sentiment, level, text, flagged):
    reason = sentiment.contradiction(level, text)
    assert bool(reason) is flagged
    if flagged:
        assert f"{level} 星" in reason


def test_module_level_contradiction_works_without_a_model():
    assert contradiction(5, "办事效率太低了，跑了五趟还没办下来，非常不满意")
    assert contradiction(2, "非常满意，窗口人员热情耐心")
    assert contradiction(5, "非常满意，窗口人员热情耐心") is None


def test_default_sentiment_model_is_stored_once(tmp_path):
    model = load_default_sentiment(tmp_path)
    assert model.positive_probability("服务很好，点赞") > 0.5
    assert (tmp_path / "sentiment" / "CURRENT").is_file()
