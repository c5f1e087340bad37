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


def _aspect_of(text: str) -> int | None:
    from insight.matter import _aspect
    return _aspect(matter_of(text), "tree")


def test_plane_tree_fluff_told_by_its_remedy_or_a_child_stays_the_fluff():
    # w27-rpb's tree aspects (breaking / fluff / cutting) split w27-rep's fluff told in other words: a cut asked for is
    # the remedy, fluff falling is no branch falling, and a child's 毛毛 is the fluff
    fluff = _aspect_of("新华路万松小区门口那排梧桐树又在飘毛了，一出门就过敏打喷嚏")
    assert fluff == 1
    assert _aspect_of("万松小区门口的法桐树毛毛一直往下掉，能不能把树修剪一下") == fluff
    assert _aspect_of("新华路万松小区那几棵梧桐树建议砍了换别的树，每年这个时候毛满天飞") == fluff
    assert _aspect_of("我家孩子说小区门口树上掉下来好多毛毛，咳嗽了好几天") == fluff


def test_a_tree_not_cut_is_grown_over_not_cut_nor_broken():
    grown = _aspect_of("工人村路口那棵大树该修剪了，枝叶都把路灯挡住了")
    assert grown == 3
    assert _aspect_of("珞狮路口的灌木好久没修剪了，长得太高") == grown
    assert _aspect_of("物业把小区门口的几棵大树砍了") == 2
    assert _aspect_of("那棵大树的树枝断了，吊在电线上") == 0
