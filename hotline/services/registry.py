"""The unit registry, the category tree, holiday overrides and the demo city."""
from __future__ import annotations

import json
import logging
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import select

from hotline.domain.vocab import UnitKind
from hotline.errors import InvalidInput, NotFound
from models import Category, HolidayOverride, RoutingTableVersion, Unit

log = logging.getLogger(__name__)


def demo_file(name: str) -> str:
    return resources.files("hotline.demo_city").joinpath(name).read_text(encoding="utf-8")


def upsert_units(s, rows: Iterable[dict[str, Any]]) -> int:
    """Insert or update units by code; parents must come before their children."""
    by_code = {u.code: u for u in s.scalars(select(Unit))}
    count = 0
    for i, row in enumerate(rows, 1):
        code, name, kind = row.get("code"), row.get("name"), row.get("kind")
        if not code or not name:
            raise InvalidInput(f"第 {i} 个单位缺少 code 或 name")
        try:
            UnitKind(kind)
        except ValueError:
            raise InvalidInput(f"单位 {code} 的类型无效：{kind}") from None
        parent = by_code.get(row.get("parent")) if row.get("parent") else None
        if row.get("parent") and parent is None:
            raise InvalidInput(f"单位 {code} 的上级 {row['parent']} 不存在（上级须先出现）")
        unit = by_code.get(code)
        if unit is None:
            unit = Unit(code=code)
            s.add(unit)
            by_code[code] = unit
        unit.name, unit.kind, unit.parent = name, kind, parent
        unit.aliases = list(row.get("aliases") or [])
        unit.active = True
        count += 1
    s.flush()
    return count


def upsert_categories(s, rows: Iterable[dict[str, Any]]) -> int:
    by_code = {c.code: c for c in s.scalars(select(Category))}
    count = 0
    for i, row in enumerate(rows, 1):
        code, name = row.get("code"), row.get("name")
        if not code or not name:
            raise InvalidInput(f"第 {i} 个分类缺少 code 或 name")
        parent = by_code.get(row.get("parent")) if row.get("parent") else None
        if row.get("parent") and parent is None:
            raise InvalidInput(f"分类 {code} 的上级 {row['parent']} 不存在")
        cat = by_code.get(code)
        if cat is None:
            cat = Category(code=code)
            s.add(cat)
            by_code[code] = cat
        cat.name, cat.parent, cat.active = name, parent, True
        count += 1
    s.flush()
    return count


def load_registry_files(hl, units_file: str | Path | None = None, categories_file: str | Path | None = None) -> dict:
    units = json.loads(Path(units_file).read_text("utf-8")) if units_file else json.loads(demo_file("units.json"))
    cats = (json.loads(Path(categories_file).read_text("utf-8")) if categories_file
            else json.loads(demo_file("categories.json")))
    with hl.uow() as uow:
        n_units = upsert_units(uow.session, units)
        n_cats = upsert_categories(uow.session, cats)
        uow.commit()
    return {"units": n_units, "categories": n_cats}


def list_units(hl, *, kind: str | None = None, include_inactive: bool = False) -> list[dict]:
    with hl.sessions() as s:
        stmt = select(Unit).order_by(Unit.id)
        if not include_inactive:
            stmt = stmt.where(Unit.active.is_(True))
        if kind:
            stmt = stmt.where(Unit.kind == kind)
        return [{"code": u.code, "name": u.name, "kind": u.kind, "parent": u.parent.code if u.parent else None,
                 "aliases": u.aliases or [], "active": u.active} for u in s.scalars(stmt)]


def list_categories(hl, *, include_inactive: bool = False) -> list[dict]:
    with hl.sessions() as s:
        stmt = select(Category).order_by(Category.id)
        if not include_inactive:
            stmt = stmt.where(Category.active.is_(True))
        return [{"code": c.code, "name": c.name, "parent": c.parent.code if c.parent else None, "active": c.active}
                for c in s.scalars(stmt)]


def set_active(hl, *, actor, kind: str, code: str, active: bool) -> None:
    """Deactivate (never delete) or reactivate a unit or a category: tickets, reviews and figures that name
    it keep it; it is no longer offered for dispatch, routing or classification. Recorded in the audit."""
    from hotline.domain.vocab import Role
    from hotline.errors import InvalidInput, NotFound
    from hotline.services import audit

    actor.require(Role.admin)
    model = {"unit": Unit, "category": Category}.get(kind)
    if model is None:
        raise InvalidInput("只能停用或启用单位、分类")
    with hl.uow() as uow:
        row = uow.session.scalar(select(model).where(model.code == code))
        if row is None:
            raise NotFound(f"编码不存在：{code}")
        if row.active != active:
            row.active = active
            audit.record(uow.session, actor, "activate" if active else "deactivate", at=hl.now(),
                         subject_type=kind, subject_id=row.id, data={"code": code, "name": row.name})
        uow.commit()


def _registry_infos(hl):
    import routing

    with hl.sessions() as s:
        units = [routing.UnitInfo(code=u.code, name=u.name, kind=u.kind, parent=u.parent.code if u.parent else None,
                                  aliases=tuple(u.aliases or ())) for u in s.scalars(select(Unit).where(Unit.active.is_(True)))]
        cats = [routing.CategoryInfo(code=c.code, name=c.name, parent=c.parent.code if c.parent else None)
                for c in s.scalars(select(Category).where(Category.active.is_(True)))]
    return units, cats


def routing_table_text(hl) -> tuple[str, str, int | None]:
    """The table in force: (text, where it comes from, database version id or None).

    An administrator's newest saved version wins; otherwise the configured file, else the demo city's.
    """
    with hl.sessions() as s:
        row = s.scalar(select(RoutingTableVersion).where(RoutingTableVersion.active.is_(True))
                       .order_by(RoutingTableVersion.id.desc()))
    if row is not None:
        return row.text, f"数据库版本 #{row.id}（{row.created_by}）", row.id
    if hl.settings.routing_file:
        return Path(hl.settings.routing_file).read_text("utf-8"), hl.settings.routing_file, None
    return demo_file("routing.toml"), "演示城市默认派单表（hotline/demo_city/routing.toml）", None


def _active_version_id(hl) -> int | None:
    with hl.sessions() as s:
        return s.scalar(select(RoutingTableVersion.id).where(RoutingTableVersion.active.is_(True))
                        .order_by(RoutingTableVersion.id.desc()).limit(1))


def returns_by_duty(hl) -> dict[tuple[str, str], int]:
    """Accepted returns of what the router chose, per (catalogue duty, unit), over the last year."""
    from datetime import timedelta

    from models import AuditEvent

    since = hl.now() - timedelta(days=365)
    counts: dict[tuple[str, str], int] = {}
    with hl.sessions() as s:
        for data in s.scalars(select(AuditEvent.data).where(AuditEvent.action == "accept_return", AuditEvent.at >= since)):
            if isinstance(data, dict) and data.get("duty") and data.get("unit"):
                key = (data["duty"], data["unit"])
                counts[key] = counts.get(key, 0) + 1
    return counts


def build_router_from_db(hl):
    """The rule router over the units and categories in the database and the table in force."""
    import routing

    units, cats = _registry_infos(hl)
    if not units:
        from hotline.bootstrap import NoRouter

        log.info("no units in the database yet (run `hotline demo` or load a registry): operators dispatch")
        return NoRouter()
    text, _source, version = routing_table_text(hl)
    table = routing.load_table(text, units, cats)
    learned = None
    learned_path = hl.settings.models_dir / "routing" / "learned.joblib"
    if learned_path.exists() and hasattr(routing, "LearnedRouter"):
        try:
            learned = routing.LearnedRouter.load(learned_path)
        except Exception:  # noqa: BLE001
            log.exception("learned router at %s could not be loaded; rules only", learned_path)
    router = routing.build_router(units, cats, table, learned=learned)
    router.set_returns(returns_by_duty(hl))
    return ReloadingRouter(hl, router, version)


class ReloadingRouter:
    """Serves a router and rebuilds it when an administrator activates another table version, in
    whichever process that happened (checked at most every ``interval`` seconds)."""

    def __init__(self, hl, router, version: int | None, interval: float = 30.0) -> None:
        import threading
        import time

        self.hl, self.router, self.version, self.interval = hl, router, version, interval
        self._checked = time.monotonic()
        self._lock = threading.Lock()

    def route(self, request):
        import time

        if time.monotonic() - self._checked >= self.interval:
            self._checked = time.monotonic()
            try:
                if _active_version_id(self.hl) != self.version:
                    self.reload()
                elif hasattr(self.router, "set_returns"):
                    self.router.set_returns(returns_by_duty(self.hl))
            except Exception:  # noqa: BLE001 - keep serving the table we have
                log.exception("routing table reload failed; the previous table stays in force")
        return self.router.route(request)

    def reload(self) -> None:
        fresh = build_router_from_db(self.hl)
        with self._lock:
            self.router, self.version = getattr(fresh, "router", fresh), getattr(fresh, "version", None)

    def __getattr__(self, name):
        return getattr(self.router, name)


def save_routing_table(hl, *, actor, text: str, note: str = "") -> dict:
    """Validate a routing table (an error names its line) and make it the table in force."""
    import routing

    from hotline.domain.vocab import Role
    from hotline.services import audit

    actor.require(Role.admin)
    if not (text or "").strip():
        raise InvalidInput("派单规则表不能为空")
    units, cats = _registry_infos(hl)
    try:
        routing.load_table(text, units, cats)
    except routing.RoutingTableError as exc:
        raise InvalidInput(f"派单规则表有误：{exc}") from None
    with hl.uow() as uow:
        s = uow.session
        for row in s.scalars(select(RoutingTableVersion).where(RoutingTableVersion.active.is_(True))):
            row.active = False
        version = RoutingTableVersion(text=text, note=note[:300], created_by=actor.name, created_at=hl.now(),
                                      active=True)
        s.add(version)
        s.flush()
        audit.record(s, actor, "routing_table", at=hl.now(), subject_type="routing_table", subject_id=version.id,
                     reason=note or None, data={"version": version.id, "lines": text.count("\n") + 1})
        uow.commit()
        version_id = version.id
    if isinstance(hl.router, ReloadingRouter):
        hl.router.reload()
    else:
        hl.router = build_router_from_db(hl)
    return {"version": version_id}


def activate_routing_version(hl, *, actor, version: int) -> dict:
    """Roll the table in force back (or forward) to a saved version."""
    from hotline.domain.vocab import Role
    from hotline.services import audit

    actor.require(Role.admin)
    with hl.uow() as uow:
        s = uow.session
        target = s.get(RoutingTableVersion, version)
        if target is None:
            raise NotFound(f"派单规则表版本不存在：{version}")
        for row in s.scalars(select(RoutingTableVersion).where(RoutingTableVersion.active.is_(True))):
            row.active = False
        target.active = True
        # the newest active version is served: re-save the chosen text as the newest
        copy = RoutingTableVersion(text=target.text, note=f"恢复版本 #{version}", created_by=actor.name,
                                   created_at=hl.now(), active=True)
        target.active = False
        s.add(copy)
        s.flush()
        audit.record(s, actor, "routing_table", at=hl.now(), subject_type="routing_table", subject_id=copy.id,
                     data={"version": copy.id, "restored": version})
        uow.commit()
        new_id = copy.id
    if isinstance(hl.router, ReloadingRouter):
        hl.router.reload()
    return {"version": new_id, "restored": version}


def list_routing_versions(hl) -> list[dict]:
    with hl.sessions() as s:
        rows = s.scalars(select(RoutingTableVersion).order_by(RoutingTableVersion.id.desc())).all()
        return [{"version": r.id, "active": r.active, "created_by": r.created_by, "note": r.note,
                 "created_at": r.created_at.isoformat()} for r in rows]


# -- holidays ---------------------------------------------------------------------------------
def set_holiday(hl, *, day: date, workday: bool, note: str = "", actor=None) -> dict:
    """Set one day (every process sees it; affected open deadlines move): see services.holidays."""
    from hotline.services.holidays import DayChange, change_days

    return change_days(hl, [DayChange(day, workday, note)], **({"actor": actor} if actor else {}))


def delete_holiday(hl, *, day: date, actor=None) -> dict:
    from hotline.services.holidays import DayChange, change_days

    return change_days(hl, [DayChange(day, None)], **({"actor": actor} if actor else {}))


def list_holidays(hl, *, year: int | None = None) -> list[dict]:
    with hl.sessions() as s:
        rows = s.scalars(select(HolidayOverride).order_by(HolidayOverride.day)).all()
        return [{"day": r.day.isoformat(), "workday": r.workday, "note": r.note}
                for r in rows if year is None or r.day.year == year]
