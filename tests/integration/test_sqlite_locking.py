"""On SQLite a read never waits for a writer, even one in the same thread (WAL, deferred BEGIN)."""
import shutil
import time

from sqlalchemy import select, text

from models import Unit


def test_a_read_inside_a_unit_of_work_does_not_wait_for_its_lock(make_hotline, sqlite_template, tmp_path):
    path = tmp_path / "lock.sqlite3"
    shutil.copy(sqlite_template, path)
    hl = make_hotline(f"sqlite:///{path}")
    with hl.uow() as uow:
        uow.session.execute(text("UPDATE units SET name = name || '' WHERE code = 'D-JA'"))   # holds the write lock
        started = time.monotonic()
        with hl.sessions() as s:                     # another connection, same thread
            assert s.scalar(select(Unit.code).where(Unit.code == "D-JA")) == "D-JA"
        waited = time.monotonic() - started
        uow.commit()
    assert waited < 5, f"the read waited {waited:.1f} s for the writer"
