"""(w27-mfix) Merge mends of the twenty-seventh wave: what one branch's words did to another branch's readings."""
from insight.matter import matter_of


def test_uniform_charge_is_its_own_concept_not_the_fee():
    # w27-rep read a school's uniform charge as the fee every charge shares; over a week of hotspots it then joined a
    # term's fee going round schools (课后服务费涨了). A uniform charge is a complaint of its own, as a car park's fee is.
    m = matter_of("孩子学校强制订校服，一套校服三百多，江汉区")
    assert "uniform_fee" in m.concepts
    assert "fee" not in m.concepts
    assert "fee" in matter_of("学校的课后服务费一个学期要交六百，硚口").concepts


def test_two_uniform_charges_at_one_school_still_share_their_concept():
    a = matter_of("江岸区育才小学让家长统一订校服，一套四百多")
    b = matter_of("育才小学校服太贵了，还必须在学校买")
    assert "uniform_fee" in a.concepts & b.concepts
