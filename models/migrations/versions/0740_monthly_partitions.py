"""monthly partitions (PostgreSQL) of the tables that grow without end: audit_events, notices,
channel_messages

Revision ID: 0740
Revises: 0660
Create Date: 2026-12-02

PostgreSQL only (SQLite keeps plain tables): each table is rebuilt as a table partitioned by RANGE
on its time column, one partition a month from its first row to three months ahead plus a default
partition, its rows copied (see models/partitions.py for what changes: the primary key becomes
(id, time) and a unique dedupe key a plain index). reviews is not partitioned (models/partitions.py
says why). The rebuild copies every row inside the migration's transaction: on a large database run
it in a maintenance window.
"""
from datetime import datetime, timezone

from alembic import op

from models import partitions

revision = '0740'
down_revision = '0660'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for spec in partitions.TABLES:
        if not partitions.is_partitioned(conn, spec.table):
            partitions.rebuild(conn, spec, partition=True, now=datetime.now(timezone.utc))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for spec in partitions.TABLES:
        if partitions.is_partitioned(conn, spec.table):
            partitions.rebuild(conn, spec, partition=False, now=datetime.now(timezone.utc))
