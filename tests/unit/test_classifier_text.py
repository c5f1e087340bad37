from classifier.text import DEL_WORDS, cut, normalise


def test_normalise_makes_full_width_half_width_and_drops_spaces():
    assert normalise("１２３４５ 热线 ＡＢＣ") == "12345热线abc"


def test_bad_dictionary_entry_no_longer_glues_lamp_and_not_lit():
    assert "灯不亮" in DEL_WORDS
    tokens = cut("小区路灯不亮已经一个月了")
    assert "路灯" in tokens and "灯不亮" not in tokens


def test_domain_words_stay_whole():
    tokens = cut("硚口区燃气管道漏气，请网格员帮忙")
    for word in ("硚口区", "燃气", "漏气", "网格员"):
        assert word in tokens


def test_district_name_is_not_split_into_district_government():
    assert cut("青山区政务中心")[0] == "青山区"
