"""Bulk import of knowledge-base articles (hotline.services.knowledge.import_articles, ``hotline kb import``), on
SQLite: each article with its first version, approved or draft, one audit entry, the index invalidated once; a bad
file refused whole, in one readable Chinese line."""
from __future__ import annotations

import os
import shutil

import pytest
from sqlalchemy import func, select

from hotline.errors import InvalidInput

FILE = ("# 一个城市自己的知识条目\n"
        "a1\ttitle\t老旧小区改造申请\n"
        "a1\tq\t我们小区想申请老旧小区改造\n"
        "a1\tanswer\t由业主向街道提出改造意愿，纳入区年度改造计划后实施。\n"
        "a1\tvalid\t2026-01-01/2030-12-31\n"
        "a2\ttitle\t公园开放时间\n"
        "a2\tanswer\t以公园管理处公布为准。\n")


@pytest.fixture
def sqlite_hl(make_hotline, sqlite_template, tmp_path):
    path = tmp_path / "kb.sqlite3"
    shutil.copy(sqlite_template, path)
    return make_hotline(f"sqlite:///{path}")


def _counts(hl):
    from models import AuditEvent, KbArticle, KbArticleVersion

    with hl.sessions() as s:
        return (s.scalar(select(func.count(KbArticle.id))), s.scalar(select(func.count(KbArticleVersion.id))),
                s.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "kb_import")))


def test_import_writes_each_article_with_its_first_version_and_search_finds_it(sqlite_hl):
    from hotline.services import knowledge
    from hotline.services.actors import SYSTEM
    from models import KbArticle, KbArticleVersion

    hl = sqlite_hl
    with hl.uow() as uow:
        written = knowledge.import_articles(uow.session, knowledge.parse_articles(FILE), actor=SYSTEM, now=hl.now(),
                                            approved_by="督办员")
        uow.commit()
    assert len(written) == 2 and _counts(hl) == (2, 2, 1)
    with hl.sessions() as s:
        a = s.scalar(select(KbArticle).where(KbArticle.title == "老旧小区改造申请"))
        v = s.scalar(select(KbArticleVersion).where(KbArticleVersion.article_id == a.id))
    assert (a.status, a.version, a.approved_by, a.valid_to.isoformat()) == ("approved", 1, "督办员", "2030-12-31")
    assert (v.version, v.title, v.questions) == (1, a.title, ["我们小区想申请老旧小区改造"])
    found = knowledge.search(hl, actor=SYSTEM, q="小区太旧了想改造一下找谁")["items"]
    assert found and found[0]["title"] == "老旧小区改造申请"


def test_a_bad_article_refuses_the_whole_import(sqlite_hl):
    from hotline.services import knowledge
    from hotline.services.actors import SYSTEM

    hl = sqlite_hl
    articles = knowledge.parse_articles(FILE + "a3\ttitle\t没有答复的条目\n")
    with pytest.raises(InvalidInput, match="条目 a3 缺少答复"):
        with hl.uow() as uow:
            knowledge.import_articles(uow.session, articles, actor=SYSTEM, now=hl.now(), status="draft")
            uow.commit()
    assert _counts(hl) == (0, 0, 0)
    with hl.sessions() as s, pytest.raises(InvalidInput, match="条目 a1 含非法字符"):   # PostgreSQL refuses NUL
        knowledge.import_articles(s, {"a1": {"title": "标题", "answer": "答\x00复"}}, actor=SYSTEM, now=hl.now())
    with pytest.raises(InvalidInput, match="第 2 行"):
        knowledge.parse_articles("a1\ttitle\t标题\na1\t标题缺了一列\n")
    with pytest.raises(InvalidInput, match="类别“body”不认识"):
        knowledge.parse_articles("a1\tbody\t正文\n")


def _cli(hl, *argv):
    from hotline.cli import main

    os.environ["HOTLINE_DATABASE_URL"] = hl.settings.effective_database_url
    try:
        return main(["--data-dir", str(hl.settings.data_dir), "kb", "import", *argv])
    finally:
        del os.environ["HOTLINE_DATABASE_URL"]


def test_the_cli_imports_a_file_and_says_what_is_wrong_in_one_line(sqlite_hl, tmp_path, capsys):
    from models import KbArticle

    hl = sqlite_hl
    good = tmp_path / "city.tsv"
    good.write_text(FILE, encoding="utf-8")
    assert _cli(hl, "--data", str(good)) == 0
    assert "已导入 2 篇知识条目（草稿，审核后发布）" in capsys.readouterr().out
    with hl.sessions() as s:
        assert set(s.scalars(select(KbArticle.status))) == {"draft"}
    bad = tmp_path / "bad.tsv"
    bad.write_text("a1\ttitle\t只有标题\n", encoding="utf-8")
    assert _cli(hl, "--data", str(bad), "--approve") == 2
    err = capsys.readouterr().err.strip()
    assert err == "错误：条目 a1 缺少答复", err
    bad.write_bytes("a1\ttitle\t标题\n".encode("gbk"))
    assert _cli(hl, "--data", str(bad)) == 2
    assert "不是 UTF-8" in capsys.readouterr().err
    assert _cli(hl, "--data", str(tmp_path / "missing.tsv")) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert _counts(hl)[0] == 2


def test_a_file_imported_again_updates_what_changed_and_adds_no_copies(sqlite_hl, tmp_path, capsys):
    """A city keeps its base as a file and imports it again: an unchanged article stays as it is (no copy, no new
    version), a changed answer is a new version of the same article, a new title is a new article; publishing a
    file publishes its drafts, importing drafts never unpublishes an article that did not change."""
    from models import KbArticle, KbArticleVersion

    hl = sqlite_hl
    city = tmp_path / "city.tsv"
    city.write_text(FILE, encoding="utf-8")
    assert _cli(hl, "--data", str(city)) == 0
    assert "新增 2，更新 0，内容未变 0" in capsys.readouterr().out
    assert _cli(hl, "--data", str(city), "--approve") == 0          # the same drafts, now published
    assert "新增 0，更新 2，内容未变 0" in capsys.readouterr().out
    assert _cli(hl, "--data", str(city)) == 0                       # again as drafts: nothing new, nothing unpublished
    assert "已导入 0 篇知识条目（草稿，审核后发布）：新增 0，更新 0，内容未变 2" in capsys.readouterr().out
    changed = FILE.replace("以公园管理处公布为准。", "每日6:00至22:00开放，节假日延长至23:00。") + (
        "a3\ttitle\t犬证办理\na3\tanswer\t到居住地派出所办理。\n")
    city.write_text(changed, encoding="utf-8")
    assert _cli(hl, "--data", str(city), "--approve") == 0
    assert "新增 1，更新 1，内容未变 1" in capsys.readouterr().out
    with hl.sessions() as s:
        park = s.scalar(select(KbArticle).where(KbArticle.title == "公园开放时间"))
        versions = [v.answer for v in s.scalars(select(KbArticleVersion).where(KbArticleVersion.article_id == park.id)
                                                .order_by(KbArticleVersion.version))]
        statuses = dict(s.execute(select(KbArticle.title, KbArticle.status)).all())
    assert (park.version, park.status, park.answer) == (3, "approved", "每日6:00至22:00开放，节假日延长至23:00。")
    assert versions == ["以公园管理处公布为准。"] * 2 + ["每日6:00至22:00开放，节假日延长至23:00。"]
    assert statuses == {"老旧小区改造申请": "approved", "公园开放时间": "approved", "犬证办理": "approved"}
    assert _counts(hl)[:2] == (3, 6)


def test_a_file_imported_again_finds_its_articles_by_key_even_retitled(sqlite_hl, tmp_path, capsys):
    """The file's key (编号) is the article: a new title under the same key is a new version of it, not a copy; an
    article written in the console with that title (no key of its own) is found by its title and takes the key; an
    article with another key that happens to share a title is a different article."""
    from hotline.services import knowledge
    from hotline.services.actors import SYSTEM
    from models import KbArticle

    hl = sqlite_hl
    with hl.uow() as uow:      # written before keys were kept: no key of its own
        knowledge.import_articles(uow.session, [{"title": "公园开放时间", "answer": "以公园管理处公布为准。"}],
                                  actor=SYSTEM, now=hl.now())
        uow.commit()
    city = tmp_path / "city.tsv"
    city.write_text(FILE, encoding="utf-8")
    assert _cli(hl, "--data", str(city), "--approve") == 0
    assert "新增 1，更新 0，内容未变 1" in capsys.readouterr().out
    with hl.sessions() as s:
        assert dict(s.execute(select(KbArticle.title, KbArticle.ref)).all()) == {"老旧小区改造申请": "a1", "公园开放时间": "a2"}
    city.write_text(FILE.replace("a2\ttitle\t公园开放时间", "a2\ttitle\t市属公园开放时间"), encoding="utf-8")
    assert _cli(hl, "--data", str(city), "--approve") == 0
    assert "新增 0，更新 1，内容未变 1" in capsys.readouterr().out
    with hl.sessions() as s:
        park = s.scalar(select(KbArticle).where(KbArticle.ref == "a2"))
        assert (park.title, park.version) == ("市属公园开放时间", 2)
        assert _counts(hl)[0] == 2
    city.write_text(FILE.replace("a2\t", "b7\t").replace("公园开放时间", "市属公园开放时间"), encoding="utf-8")
    assert _cli(hl, "--data", str(city)) == 0                       # another key: another article of the same title
    assert "新增 1，更新 0，内容未变 1" in capsys.readouterr().out
    assert _counts(hl)[0] == 3
