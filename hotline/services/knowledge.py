"""The knowledge base: articles written by the owning unit or the centre, approved by the centre, with
versions; search (``insight.kb``) over the approved articles valid today; suggestions for a ticket;
a draft article from an answered consultation or a good unit reply in one action; stale articles
(past their review date) flagged to their owners by the sweep.
"""
from __future__ import annotations

import logging
import threading
from datetime import date
from typing import Any, Iterable

from sqlalchemy import false, func, select

from hotline import scope
from hotline.domain.vocab import Role
from hotline.errors import Conflict, InvalidInput, NotFound
from hotline.services import audit
from hotline.services.actors import Actor
from hotline.services.fields import text as text_field
from insight.kb import Doc, Index
from models import KbArticle, KbArticleVersion, Ticket, Unit

EDIT_ROLES = (Role.operator, Role.supervisor, Role.admin, Role.unit)
APPROVE_ROLES = (Role.supervisor, Role.admin)
READ_ROLES = (Role.operator, Role.supervisor, Role.admin, Role.unit, Role.channel)
log = logging.getLogger(__name__)
_CACHE: dict[str, Any] = {}
_TERMS: dict[tuple[int, str], Any] = {}   # (article id, version stamp) → its index terms
_LOCK = threading.Lock()
_BUILD = threading.Lock()   # one build at a time: a search during the start-up build waits for it


def _date(data: dict, name: str) -> date | None:
    raw = data.get(name)
    if raw in (None, ""):
        return None
    if not isinstance(raw, str):
        raise InvalidInput(f"字段 {name} 应为日期（YYYY-MM-DD）", field=name)
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(f"字段 {name} 应为日期（YYYY-MM-DD）", field=name) from None


def _str(data: dict, name: str, *, required: bool = False, max_len: int = 200) -> str | None:
    value = text_field(data, name, required=required, max_len=max_len)
    if value and "\x00" in value:  # PostgreSQL refuses NUL: refused here, never at the INSERT
        raise InvalidInput(f"字段 {name} 含非法字符", field=name)
    return value


def _questions(data: dict) -> list[str]:
    raw = data.get("questions") or []
    if isinstance(raw, str):
        raw = [line for line in raw.splitlines()]
    if not isinstance(raw, list) or not all(isinstance(q, str) for q in raw):
        raise InvalidInput("questions 应为问题列表", field="questions")
    out = [q.strip()[:300] for q in raw if q.strip()]
    return out[:50]


def article_view(a: KbArticle, today: date | None = None, unit_names: dict[int, str] | None = None) -> dict[str, Any]:
    stale = bool(a.review_date and today and a.review_date < today)
    return {"id": a.id, "ref": a.ref, "title": a.title, "questions": a.questions or [], "answer": a.answer,
            "unit": (unit_names or {}).get(a.unit_id) if a.unit_id else None, "unit_id": a.unit_id,
            "source": a.source, "valid_from": a.valid_from.isoformat() if a.valid_from else None,
            "valid_to": a.valid_to.isoformat() if a.valid_to else None,
            "review_date": a.review_date.isoformat() if a.review_date else None, "stale": stale,
            "status": a.status, "status_label": {"draft": "草稿", "approved": "已发布", "retired": "已停用"}.get(a.status, a.status),
            "version": a.version, "created_by": a.created_by, "approved_by": a.approved_by,
            "updated_at": a.updated_at.isoformat()}


def _units(s) -> dict[int, str]:
    return dict(s.execute(select(Unit.id, Unit.name)).all())


def _article(s, article_id: int) -> KbArticle:
    a = s.get(KbArticle, article_id)
    if a is None:
        raise NotFound(f"知识条目不存在：{article_id}")
    return a


def _may_edit(actor: Actor, article: KbArticle) -> None:
    scope.check_unit(actor, article.unit_id, "只能编辑本单位的知识条目")


def _fields(s, actor: Actor, data: dict, *, partial: bool = False) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InvalidInput("请求体必须是 JSON 对象")
    known = {"title", "questions", "answer", "unit", "source", "valid_from", "valid_to", "review_date", "note"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InvalidInput(f"未知字段：{', '.join(unknown)}")
    out: dict[str, Any] = {}
    for name, max_len in (("title", 200), ("answer", 5000), ("source", 300)):
        if name in data or not partial:
            out[name] = _str(data, name, required=name in ("title", "answer") and not partial, max_len=max_len)
    if "questions" in data or not partial:
        out["questions"] = _questions(data)
    for name in ("valid_from", "valid_to", "review_date"):
        if name in data or not partial:
            out[name] = _date(data, name)
    if out.get("valid_from") and out.get("valid_to") and out["valid_to"] < out["valid_from"]:
        raise InvalidInput("有效期截止日不能早于起始日", field="valid_to")
    if scope.unit_only(actor) is not None:
        out["unit_id"] = scope.unit_only(actor)
    elif data.get("unit"):
        unit = s.scalar(select(Unit).where(Unit.code == data["unit"]))
        if unit is None:
            raise InvalidInput(f"单位编码不存在：{data['unit']}", field="unit")
        out["unit_id"] = unit.id
    return out


def _snapshot(s, a: KbArticle, actor: Actor, now, note: str | None) -> None:
    s.add(KbArticleVersion(article_id=a.id, version=a.version, title=a.title, questions=a.questions, answer=a.answer,
                           edited_by=actor.name, edited_at=now, note=note))


def _revise(s, a: KbArticle, fields: dict[str, Any], *, actor: Actor, now, status: str, note: str | None) -> None:
    """A new version of ``a`` with ``fields`` (an edit in the console, or a file imported again), in ``status``."""
    for k, v in fields.items():
        setattr(a, k, v)
    a.version += 1
    a.status = status
    a.updated_at = now
    _snapshot(s, a, actor, now, note)


def create_article(hl, *, actor: Actor, data: dict, origin_ticket_id: int | None = None) -> dict:
    actor.require(*EDIT_ROLES)
    with hl.uow() as uow:
        s = uow.session
        fields = _fields(s, actor, data)
        now = hl.now()
        a = KbArticle(**fields, status="draft", version=1, created_by=actor.name, created_at=now, updated_at=now,
                      origin_ticket_id=origin_ticket_id)
        s.add(a)
        s.flush()
        _snapshot(s, a, actor, now, data.get("note") if isinstance(data.get("note"), str) else "新建")
        audit.record(s, actor, "kb_create", at=now, subject_type="kb", subject_id=a.id, data={"title": a.title})
        view = article_view(a, hl.calendar.local_date(now), _units(s))
        uow.commit()
    _invalidate()
    return view


def update_article(hl, *, actor: Actor, article_id: int, data: dict) -> dict:
    """A new version; an approved article edited goes back to draft until approved again."""
    actor.require(*EDIT_ROLES)
    with hl.uow() as uow:
        s = uow.session
        a = _article(s, article_id)
        _may_edit(actor, a)
        fields = _fields(s, actor, data, partial=True)
        if not fields:
            raise InvalidInput("没有需要修改的内容")
        now = hl.now()
        for k, v in fields.items():
            if k in ("title", "answer") and not v:
                raise InvalidInput(f"字段 {k} 不能为空", field=k)
        _revise(s, a, fields, actor=actor, now=now, status="draft",
                note=data.get("note") if isinstance(data.get("note"), str) else None)
        audit.record(s, actor, "kb_update", at=now, subject_type="kb", subject_id=a.id, data={"version": a.version})
        view = article_view(a, hl.calendar.local_date(now), _units(s))
        uow.commit()
    _invalidate()
    return view


def approve_article(hl, *, actor: Actor, article_id: int, retire: bool = False) -> dict:
    actor.require(*APPROVE_ROLES)
    with hl.uow() as uow:
        s = uow.session
        a = _article(s, article_id)
        now = hl.now()
        a.status = "retired" if retire else "approved"
        a.approved_by, a.approved_at, a.updated_at = actor.name, now, now
        if not retire:
            a.stale_notified_at = None
        audit.record(s, actor, "kb_retire" if retire else "kb_approve", at=now, subject_type="kb", subject_id=a.id,
                     data={"version": a.version})
        view = article_view(a, hl.calendar.local_date(now), _units(s))
        uow.commit()
    _invalidate()
    return view


def get_article(hl, *, actor: Actor, article_id: int) -> dict:
    actor.require(*READ_ROLES)
    with hl.sessions() as s:
        a = _article(s, article_id)
        if actor.role is Role.channel and a.status != "approved":
            raise NotFound(f"知识条目不存在：{article_id}")
        view = article_view(a, hl.calendar.local_date(hl.now()), _units(s))
        if actor.role is not Role.channel:
            view["versions"] = [{"version": v.version, "title": v.title, "edited_by": v.edited_by,
                                 "edited_at": v.edited_at.isoformat(), "note": v.note}
                                for v in s.scalars(select(KbArticleVersion).where(KbArticleVersion.article_id == a.id)
                                                   .order_by(KbArticleVersion.version.desc()))]
        return view


def list_articles(hl, *, actor: Actor, status: str | None = None, stale: bool | None = None) -> list[dict]:
    actor.require(*EDIT_ROLES)
    today = hl.calendar.local_date(hl.now())
    with hl.sessions() as s:
        stmt = select(KbArticle)
        if status:
            stmt = stmt.where(KbArticle.status == status)
        stmt = scope.apply(stmt, scope.unit_clause(actor, KbArticle.unit_id))
        if stale:
            stmt = stmt.where(KbArticle.review_date < today, KbArticle.status == "approved")
        names = _units(s)
        return [article_view(a, today, names) for a in s.scalars(stmt.order_by(KbArticle.updated_at.desc()).limit(500))]


# -- bulk import ------------------------------------------------------------------------------
# the row kinds of an articles file (``key<TAB>kind<TAB>text``, ``#`` comments): the text searched (title, q for a
# question variant, answer) and the facts (unit: the owning body's code or name; source; valid: ``from/to``)
ARTICLE_TEXT = ("title", "q", "answer")
ARTICLE_FACTS = ("unit", "source", "valid")
IMPORT_STATUSES = ("draft", "approved")


def parse_articles(text: str) -> dict[str, dict]:
    """The articles of an articles file (the format of ``hotline/demo_city/kb.tsv``) by key: title, questions,
    answer and, where given, unit, source and valid. A bad line raises :class:`InvalidInput` naming it."""
    articles: dict[str, dict] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[0].strip():
            raise InvalidInput(f"第 {n} 行格式不对：应为“编号<Tab>类别<Tab>内容”三列")
        key, kind, value = (p.strip() for p in parts)
        if kind not in ARTICLE_TEXT and kind not in ARTICLE_FACTS:
            raise InvalidInput(f"第 {n} 行的类别“{kind}”不认识：应为 title、q、answer、unit、source 或 valid")
        art = articles.setdefault(key, {"title": "", "questions": [], "answer": ""})
        if kind == "q":
            art["questions"].append(value)
        else:
            art[kind] = value
    return articles


def _valid(key: str, art: dict) -> tuple[date | None, date | None]:
    start, _, end = (art.get("valid") or "").partition("/")
    try:
        out = (art.get("valid_from") or (date.fromisoformat(start.strip()) if start.strip() else None),
               art.get("valid_to") or (date.fromisoformat(end.strip()) if end.strip() else None))
    except ValueError:
        raise InvalidInput(f"条目 {key} 的有效期应为“YYYY-MM-DD/YYYY-MM-DD”：{art.get('valid')}") from None
    if out[0] and out[1] and out[1] < out[0]:
        raise InvalidInput(f"条目 {key} 的有效期截止日早于起始日")
    return out


def import_articles(s, articles: dict[str, dict] | Iterable[dict], *, actor: Actor, now, status: str = "approved",
                    approved_by: str | None = None, note: str = "导入") -> list[KbArticle]:
    """Write many articles at once in ``s`` (the caller commits): each with its first version, as
    :func:`create_article` writes it, ``status`` approved (by ``approved_by``, the actor's name if not given) or
    draft; one audit entry for the import, and the search index invalidated once. ``articles``: dicts (or a key →
    dict mapping, as :func:`parse_articles` gives) of title, questions, answer and optionally unit (a unit's code
    or name; left empty when no unit has it), source, valid (``from/to``) or valid_from / valid_to. Every article is
    checked before any is written: a bad one raises :class:`InvalidInput` naming it and nothing is added. With a
    mapping, each key is the article's key in the city's file (``ref``): an article the base has under that key (not
    retired) is that article, whatever its title now; failing that, an article of the same title without a key of its
    own (written in the console, or imported before keys were kept) is it and takes the key. Such an article is left
    alone when the file says nothing new of it, else given a new version. Returns the articles written (version 1:
    new; above: updated)."""
    if status not in IMPORT_STATUSES:
        raise InvalidInput(f"导入状态应为 draft（草稿）或 approved（已发布）：{status}")
    keyed = isinstance(articles, dict)        # a file's articles carry their keys; a list of dicts has none
    items = list(articles.items()) if keyed else [(str(i), a) for i, a in enumerate(articles, 1)]
    if not items:
        raise InvalidInput("没有可导入的知识条目")
    units: dict[str, int] = {}
    for uid, code, name in s.execute(select(Unit.id, Unit.code, Unit.name)):
        units.setdefault(code, uid)
        units[name] = uid          # (a name that is also a code: the name wins, as before)
    rows = []
    for key, art in items:
        title, answer = (art.get("title") or "").strip(), (art.get("answer") or "").strip()
        if not title or not answer:
            raise InvalidInput(f"条目 {key} 缺少{'标题' if not title else '答复'}")
        if len(title) > 200 or len(answer) > 5000:
            raise InvalidInput(f"条目 {key} 的{'标题超过200字' if len(title) > 200 else '答复超过5000字'}")
        questions = _questions(art)
        source = (art.get("source") or "").strip()[:300] or None
        if any("\x00" in t for t in (title, answer, source or "", *questions)):
            raise InvalidInput(f"条目 {key} 含非法字符")    # PostgreSQL refuses NUL: refused here, as _str does
        valid_from, valid_to = _valid(key, art)
        if keyed and len(key) > 100:
            raise InvalidInput(f"条目编号超过100字：{key[:20]}…")
        rows.append((key if keyed else None,
                     dict(title=title, questions=questions, answer=answer, unit_id=units.get(art.get("unit") or ""),
                          source=source, valid_from=valid_from, valid_to=valid_to)))
    approved = status == "approved"
    # a file imported again (a city keeps its base as a file): the article of the same key, or else of the same title
    # and no key of its own, not retired, is that article — unchanged, it is left as it is; changed (its title too),
    # it gets a new version (as update_article writes one), in the import's status; the rest are new
    by_ref: dict[str, KbArticle] = {}
    by_title: dict[str, KbArticle] = {}
    refs = {ref for ref, _ in rows if ref}
    for a in s.scalars(select(KbArticle).where(KbArticle.status != "retired",
                                               (KbArticle.ref.in_(sorted(refs)) if refs else false())
                                               | KbArticle.title.in_([f["title"] for _, f in rows]))
                       .order_by(KbArticle.id)):
        if a.ref in refs:
            by_ref[a.ref] = a                       # the latest of one key wins
        if not a.ref or not keyed:
            by_title[a.title] = a                   # likewise of one title
    written = []
    for ref, fields in rows:
        a = (by_ref.get(ref) if ref else None) or by_title.pop(fields["title"], None)
        if a is not None:
            if ref:
                a.ref = ref                         # (an article found by its title takes the file's key)
            if all(getattr(a, k) == v for k, v in fields.items()) and (a.status == status or not approved):
                continue                            # nothing new in the file for it (a draft import never unpublishes)
            _revise(s, a, fields, actor=actor, now=now, status=status, note=note)   # as update_article does
            a.approved_by, a.approved_at = ((approved_by or actor.name), now) if approved else (None, None)
        else:
            a = KbArticle(**fields, ref=ref, status=status, version=1, created_by=actor.name, created_at=now, updated_at=now,
                          approved_by=(approved_by or actor.name) if approved else None,
                          approved_at=now if approved else None)
            s.add(a)
            s.flush()
            _snapshot(s, a, actor, now, note)         # version 1, as create_article writes it
        written.append(a)
    if not written:
        return written
    audit.record(s, actor, "kb_import", at=now, subject_type="kb", subject_id=written[0].id,
                 data={"count": len(written), "updated": sum(a.version > 1 for a in written), "status": status,
                       "note": note})
    # the index's key is the articles' count and latest change: the rows committed by the caller are seen even by a
    # search that rebuilt in between; this clears the index once for the whole import
    _invalidate()
    return written


# -- search -----------------------------------------------------------------------------------
def _invalidate() -> None:
    with _LOCK:
        _CACHE.clear()


def _index(hl, today: date) -> tuple[Index, dict[int, KbArticle]]:
    """The index of the approved articles valid today; rebuilt when an article changes (only the
    changed articles are read again: the others' terms are kept), built at start by ``warm``."""
    with hl.sessions() as s:
        stamp = s.execute(select(func.count(KbArticle.id), func.max(KbArticle.updated_at))).one()
        key = (id(hl), str(stamp), today)
        with _LOCK:
            if _CACHE.get("key") == key:
                return _CACHE["index"], _CACHE["articles"]
    with _BUILD:
        with _LOCK:
            if _CACHE.get("key") == key:          # built meanwhile (by warm or another search)
                return _CACHE["index"], _CACHE["articles"]
        return _build(hl, today, key)


def _build(hl, today: date, key) -> tuple[Index, dict[int, KbArticle]]:
    with hl.sessions() as s:
        rows = s.scalars(select(KbArticle).where(KbArticle.status == "approved")).all()
        rows = [a for a in rows if (a.valid_from is None or a.valid_from <= today)
                and (a.valid_to is None or a.valid_to >= today)]
        for a in rows:
            s.expunge(a)
    # an article's version and time, and the database it is in: two bases in one process (tests, a second Hotline)
    # may hold article 2, version 1, written at one instant, with other texts
    base = hl.settings.effective_database_url

    def stamp(a: KbArticle) -> str:
        return f"{a.version}:{a.updated_at.isoformat()}:{base}"

    live = {(a.id, stamp(a)) for a in rows}
    with _LOCK:
        for old in [k for k in _TERMS if k not in live]:
            del _TERMS[old]
    index = Index.build((Doc(a.id, {"title": a.title, "questions": "\n".join(a.questions or []), "answer": a.answer},
                             stamp=stamp(a)) for a in rows), cache=_TERMS)
    articles = {a.id: a for a in rows}
    with _LOCK:
        _CACHE.update(key=key, index=index, articles=articles)
    return index, articles


def warm(hl) -> threading.Thread:
    """Build the search index now, in the background (``hotline serve`` and ``hotline worker`` call it
    at start): the first consultation's suggestions do not wait for jieba and every article."""
    def run() -> None:
        try:
            _index(hl, hl.calendar.local_date(hl.now()))
        except Exception:  # noqa: BLE001 - a failed warm-up only means the first search builds it
            log.warning("the knowledge-base index was not built at start", exc_info=True)

    thread = threading.Thread(target=run, daemon=True, name="hotline-kb-warm")
    thread.start()
    return thread


def search(hl, *, actor: Actor, q: str, limit: int = 5) -> dict:
    actor.require(*READ_ROLES)
    q = (q or "").strip()
    if not q:
        raise InvalidInput("请输入要查询的问题（参数 q）", field="q")
    if len(q) > 500:
        raise InvalidInput("查询内容不能超过500字", field="q")
    today = hl.calendar.local_date(hl.now())
    index, articles = _index(hl, today)
    if not index.docs:  # nothing published: no need to read the question
        return {"q": q, "items": []}
    items = []
    for article_id, score in index.search(q, limit=max(1, min(int(limit), 20))):
        a = articles[article_id]
        view = article_view(a, today)
        view["score"] = score
        items.append(view)
    return {"q": q, "items": items}


def suggest_for_ticket(hl, ticket: Ticket, actor: Actor, limit: int = 3) -> list[dict]:
    """Articles that may answer a ticket (shown on every consultation and ticket page)."""
    if actor.role not in EDIT_ROLES:
        return []
    return search(hl, actor=actor, q=ticket.content[:500], limit=limit)["items"]


def draft_from_ticket(hl, *, actor: Actor, number: str) -> dict:
    """One action: an answered consultation or a unit's reply becomes a draft article (question = the
    citizen's words, answer = the reply), owned by the unit that answered."""
    actor.require(Role.operator, Role.supervisor, Role.admin)
    with hl.sessions() as s:
        t = s.scalar(select(Ticket).where(Ticket.number == str(number)))
        if t is None:
            raise NotFound(f"工单不存在：{number}")
        if not (t.answer_text or "").strip():
            raise Conflict("该工单还没有答复，不能生成知识条目")
        data = {"title": (t.title or t.content[:40])[:200], "questions": [t.content[:300]],
                "answer": t.answer_text, "source": f"工单 {t.number} 的答复", "note": f"由工单 {t.number} 生成"}
        unit_code = t.lead_unit.code if t.lead_unit else None
        ticket_id = t.id
    if unit_code:
        data["unit"] = unit_code
    return create_article(hl, actor=actor, data=data, origin_ticket_id=ticket_id)


def flag_stale(hl, now, report=None) -> int:
    """Sweep hook: approved articles past their review date → a notice to the owning unit (once)."""
    from hotline.services.tickets import notice

    today = hl.calendar.local_date(now)
    flagged = 0
    with hl.uow() as uow:
        s = uow.session
        for a in s.scalars(select(KbArticle).where(KbArticle.status == "approved", KbArticle.review_date < today,
                                                   KbArticle.stale_notified_at.is_(None)).limit(500)):
            if notice(s, unit_id=a.unit_id, ticket=None, kind="kb_stale", at=now, subject_type="kb", subject_id=a.id,
                      message=f"知识条目《{a.title}》已过复核日期（{a.review_date}），请复核更新",
                      dedupe_key=f"kb-stale:{a.id}:{a.review_date}"):
                flagged += 1
            a.stale_notified_at = now
        uow.commit()
    return flagged
