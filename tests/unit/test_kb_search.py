"""Knowledge-base search (insight.kb): what a citizen's question is reduced to, and how well the shipped
evaluation's tuning questions find their article among the demo city's 164 (hotline/demo_city/kb.tsv; questions in tests/insight_eval/kb.tsv)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from insight.kb import Doc, Index, terms, weighted_terms

ROOT = Path(__file__).resolve().parents[2]


def _eval_kb():
    spec = importlib.util.spec_from_file_location("eval_insight", ROOT / "bench" / "eval_insight.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_insight", mod)
    spec.loader.exec_module(mod)
    return mod.eval_kb


def test_question_forms_are_not_terms():
    got = set(terms("请问身份证掉了去哪里补办，需要什么材料吗"))
    assert not {t for t in got if "哪" in t or "什么" in t or t.endswith("吗")}
    assert "身份" in got and "份证" in got


def test_ages_in_words_meet_ages_in_digits():
    assert "80" in terms("我爸八十岁了有什么补贴")
    assert "65" in terms("我妈六十五周岁")


def test_synonyms_fold_citizens_words():
    assert "w:电动自行车" in terms("新买的电瓶车去哪里挂牌")
    assert "犬只" in " ".join(terms("狗只登记"))


def test_everyday_words_weigh_less_than_a_services_words():
    got = weighted_terms("上了一年班单位一直没给我交公积金")
    assert got["w:一直"] < 0.5 <= got["w:公积金"] == 1.0
    assert got["给我"] < got["公积"]                     # a bigram across two words (给|我) weighs less


def test_asking_for_the_papers_is_a_form():
    assert not {t for t in terms("办港澳通行证需要准备哪些材料") if "材" in t or "准备" in t}


def test_a_question_sharing_only_the_form_does_not_win():
    index = Index.build([
        Doc(1, {"title": "养犬登记", "questions": "犬只登记在哪里办", "answer": "携带免疫证明到派出所办理"}),
        Doc(2, {"title": "身份证补办", "questions": "身份证丢了怎么补", "answer": "到户籍所在地派出所补领"}),
    ])
    assert index.search("身份证找不到了去哪里重新办")[0][0] == 2


def test_dialect_is_read_as_mandarin():
    got = set(terms("伢的户口么样上，有冇得要带的东西"))
    assert "孩子" in got and not {t for t in got if "冇" in t or "么样" in t}
    assert "w:失业" in terms("厂子倒闭了冇得工作")          # 冇得工作 → 没有工作 → 失业


def test_a_life_event_finds_its_services_and_the_question_chooses_among_them():
    index = Index.build([
        Doc(1, {"title": "离婚登记", "questions": "离婚去哪里办", "answer": "双方持身份证、结婚证到婚姻登记处申请"}),
        Doc(2, {"title": "网购退货维权", "questions": "网上买的东西不给退", "answer": "先向平台投诉"}),
        Doc(3, {"title": "遗体火化与殡葬服务", "questions": "家里老人去世了怎么办", "answer": "联系殡仪馆"}),
        Doc(4, {"title": "死亡人员户口注销", "questions": "人去世了户口怎么注销", "answer": "到派出所办理户口注销"}),
    ])
    assert index.search("两口子实在过不下去了")[0][0] == 1
    assert index.search("老头子咽气了户口要销吗")[0][0] == 4


def test_a_telling_clause_weighs_less_than_the_asking_one():
    got = weighted_terms("低保怎么申请，家里就我一个人带个残疾伢")
    assert got["w:低保"] == 1.0 and got["w:残疾"] < 1.0
    assert weighted_terms("家里就我一个人带个残疾伢")["w:残疾"] == 1.0     # one clause: nothing to weigh against


def test_a_slipped_word_is_heard_as_the_articles_word():
    index = Index.build([
        Doc(1, {"title": "护照办理", "questions": "怎么办护照", "answer": "到出入境接待大厅预约办理"}),
        Doc(2, {"title": "户口迁入", "questions": "户口怎么迁到本市", "answer": "外地户口迁入本市"}),
    ])
    assert index.search("出国要的那个护招在哪里申请，我户口不在武汉")[0][0] == 1
    assert "~钱除" not in weighted_terms("公积金里的钱除了买房还能干嘛用")   # 除 begins the word 除了: no slip


def test_three_lone_characters_are_heard_as_a_three_character_word():
    index = Index.build([
        Doc(1, {"title": "住房公积金提取", "questions": "公积金怎么提取", "answer": "到公积金中心办理"}),
        Doc(2, {"title": "失业保险金申领", "questions": "失业了能领什么钱", "answer": "失业保险金按月发放"}),
        Doc(3, {"title": "养老金领取资格认证", "questions": "养老金认证", "answer": "每年认证一次"}),
    ])
    assert "~公机金" in weighted_terms("我那个公机金能不能提出来")
    assert index.search("我那个公机金能不能提出来")[0][0] == 1
    assert index.search("失页金怎么领")[0][0] == 2


def test_article_facts_are_not_questions():
    _eval_kb()
    articles, queries = sys.modules["eval_insight"].read_kb()
    assert articles["ycrm"]["unit"] and articles["ycrm"]["source"] and articles["ycrm"]["valid"]
    assert not {q["split"] for q in queries} & {"unit", "source", "valid"}


def test_bao_after_neng_is_a_claim():
    assert "w:报销" in terms("住院自费的钱还能报吗")
    assert "w:报销" not in terms("幼儿园什么时候能报名")


def test_a_negation_is_not_heard_as_a_slipped_word():
    # 不交 (社保) sounds like 补缴 and 不办 like 补办, but a negation starts a phrase: never heard as the other word
    idx = Index.build([Doc(0, {"title": "社会保险补缴", "questions": "社保能不能补缴", "answer": "补缴"})])
    assert not idx.search("单位不交")
    assert idx.search("单位补缴")


def test_housing_fund_loan_said_short():
    # a loan of the fund is one word (公积金贷款), told from repaying a loan with the fund (还房贷提取公积金)
    assert "w:公积金贷款" in terms("用公积金贷利息低吗")
    assert "w:公积金贷款" in terms("公积金贷款怎么办理") and "w:公积金贷款" not in terms("用公积金还房贷")
    assert "w:贷款" in terms("夫妻都交了能多贷吗")


# kbdev3's floor was 0.9 with 48 articles; with 102 (close neighbours such as 犬只年审 beside 养犬登记, 网购退货 beside
# 消费投诉, written in the twelfth wave) it is 0.883, the rest of its misses being questions the new neighbour answers
@pytest.mark.parametrize("split, floor", [("dev", 0.95), ("kbdev3", 0.9), ("holdout2", 0.95), ("kbdev4", 0.95),
                                          ("kbdev6", 0.9), ("kbdev7", 0.95), ("kbdev8", 0.9),
                                          ("kbdev9", 0.95), ("kbdev10", 0.95), ("kbdev13", 0.97), ("kbdev14", 0.97),
                                          ("kbdev16", 0.96)])
def test_tuning_questions_find_their_article_in_the_top_three(split, floor):
    result = _eval_kb()(split)
    assert result["articles"] >= 102
    assert result["top3"] >= floor, result.get("misses")


def test_who_the_citizen_is_weighs_less_than_what_is_asked():
    got = weighted_terms("两个人都是外地户口，能在武汉领结婚证吗")
    assert got["w:外地户口"] < 0.5 and got["户口"] < 0.5 <= got["w:结婚"]


def test_a_move_told_by_where_to_is_a_move_out():
    assert "w:迁出" in terms("嫁到外省了户口想迁到老公那里")
    assert "w:迁出" not in terms("户口从老家迁到武汉来")


def test_a_company_founded_is_not_a_sole_traders_licence():
    assert "w:公司设立" in terms("我想开个贸易公司")
    assert "w:公司设立" not in terms("我在一家公司上班")
    assert "w:营业执照" not in terms("一个人能注册公司吗")


def test_a_broken_thing_is_not_a_products_defect():
    # 坏了 (路灯坏了, 电梯坏了) is a fault to report; folded to 质量问题 it met answers about a card's or a flat's defects
    assert "w:质量问题" not in terms("小区外面路灯坏了一个月了")
    assert "w:质量问题" in terms("买的手机有毛病")
    assert "w:损坏" in terms("医保卡磁条坏了刷不了") and "w:损坏" not in terms("电梯坏了")   # a card's fault: 损坏


def test_a_paper_told_with_de_inside_its_name():
    assert "w:居住证" in terms("社区说要我先有个居住的证")
    assert "w:居住证" not in terms("居住的证明")                 # 证明, 证件, 证书 keep their 的
    assert "我证" not in terms("我的证丢了")                     # one character before 的: a possessive


def test_situations_told_instead_of_the_service_find_it():
    index = Index.build([
        Doc(1, {"title": "单位未缴、少缴住房公积金投诉", "questions": "单位不缴住房公积金怎么投诉", "answer": "向公积金中心投诉"}),
        Doc(2, {"title": "住房公积金租房提取", "questions": "租房能取公积金吗", "answer": "每年可提取"}),
        Doc(3, {"title": "加班费、最低工资与带薪年休假", "questions": "加班费怎么算", "answer": "法定休假日安排工作的支付300%工资"}),
        Doc(4, {"title": "拖欠工资投诉（欠薪）", "questions": "老板不发工资怎么办", "answer": "向劳动保障监察投诉"}),
        Doc(5, {"title": "城乡居民基本养老保险参保缴费", "questions": "没有单位怎么交养老保险", "answer": "到社区办理"}),
        Doc(6, {"title": "灵活就业人员参保", "questions": "个人怎么交社保", "answer": "以个人身份参保"}),
    ])
    assert index.search("公司从来没给我们交过公积金")[0][0] == 1
    assert index.search("过年三天上班老板只给平时的工资")[0][0] == 3
    assert index.search("家庭主妇能交养老保险吗")[0][0] == 5


def test_parking_fees_and_things_fallen_from_a_high_floor():
    assert "w:停车收费" in terms("小区停车费一下涨了一倍")
    assert "w:高空抛物" in terms("高楼上掉下来一个花盆")
    assert "w:慢特病" in terms("尿毒症做透析能办特殊病吗")


def test_tap_water_and_a_move_to_another_city_find_their_service():
    index = Index.build([
        Doc(1, {"title": "供水故障报修与水质问题", "questions": "自来水水质有问题找谁", "answer": "水质浑浊发黄的可报修"}),
        Doc(2, {"title": "道路交通事故处理（快处快赔）", "questions": "出车祸了怎么办", "answer": "拍照后撤离现场"}),
        Doc(3, {"title": "基本医疗保险关系转移接续", "questions": "医保关系怎么转移", "answer": "转入地申请"}),
        Doc(4, {"title": "异地就医备案", "questions": "去外地看病医保怎么备案", "answer": "线上备案"}),
    ])
    assert "w:水质" in terms("水龙头放出来的水是黄的")
    assert index.search("水龙头放出来的水是黄的")[0][0] == 1
    assert index.search("换工作到外地了医保怎么转")[0][0] == 3


def test_a_dogs_barking_at_night_and_a_paper_without_its_record():
    assert "w:扰民" in terms("隔壁家的狗天天晚上叫")
    assert "w:无犯罪记录证明" in terms("公司入职要开一个没有犯罪的证明")
    assert "w:无犯罪记录证明" in terms("开无罪证明")


def test_an_age_of_eighty_or_more_is_gaoling():
    assert "w:高龄" in terms("我奶奶九十二了")
    assert "w:高龄" in terms("爷爷今年八十五岁")                # 85岁 once in digits
    assert "w:高龄" in terms("八十多岁的老人")
    assert "w:高龄" not in terms("我妈今年七十岁")
    assert "w:高龄" not in terms("交了90块钱了")


def test_tiles_fallen_off_are_not_a_lost_paper():
    assert "w:丢失" in terms("身份证掉了")
    got = terms("外墙瓷砖掉了要大修")
    assert "w:丢失" not in got and "w:脱落" in got
    index = Index.build([
        Doc(1, {"title": "住宅专项维修资金使用", "questions": "维修基金怎么用", "answer": "共用部位维修"}),
        Doc(2, {"title": "身份证补办", "questions": "身份证丢了怎么补办", "answer": "到派出所补领"}),
    ])
    assert index.search("外墙瓷砖掉了要大修，钱从哪里出")[0][0] == 1
    assert "w:没有单位" in terms("我没单位，个人能交社保吗")


def test_a_houses_tax_a_childs_hukou_with_a_parent_and_a_sum_given():
    assert "w:契税" in terms("买房的税是按几个点交")
    assert "w:契税" not in terms("去年多交的税能退吗")          # a tax told with 的 is not the house's
    assert "w:报户口" in terms("孩子户口跟爸爸还是跟妈妈")
    assert "w:补贴" in terms("听说社保那边会给一笔钱")


def test_a_papers_name_with_its_middle_character_mistyped():
    index = Index.build([
        Doc(1, {"title": "居住证办理", "questions": "居住证怎么办", "answer": "到社区登记"}),
        Doc(2, {"title": "随迁子女入学", "questions": "外地孩子在本市上学", "answer": "要居住证和社区证明"}),
        Doc(3, {"title": "结婚登记", "questions": "结婚证怎么领", "answer": "到民政局"}),
    ])
    assert index.search("社区说先要办个居往证")[0][0] == 1
    assert "w:居住证" in index._heard(weighted_terms("社区说先要办个居往证"))
    assert "w:结婚证" not in index._heard(weighted_terms("社区说先要办个居往证"))
    assert "w:报户口" in terms("伢的户口么时候能上")
    assert "w:辞退" in terms("公司说我迟到多就把我辞了")
    assert "w:身份证" in terms("身分正掉了")
