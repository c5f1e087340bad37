"""the open overdue tickets (the overdue page) in their keyset order: overdue AND not closed/merged ORDER
BY created_at DESC, id DESC — a partial index of the few open overdue tickets, read backwards, which
also answers the page's capped count (before: a bitmap AND of the overdue and the status indexes,
100,000 status entries read for 500 rows, 61 ms at 2 M tickets; issue 17).

Revision ID: 0771
Revises: 0770
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0771'
down_revision = '0770'
branch_labels = None
depends_on = None

OVERDUE_OPEN = "overdue IS TRUE AND status NOT IN ('closed', 'merged')"


def upgrade() -> None:
    op.create_index("ix_tickets_overdue_open", "tickets", ["created_at", "id"], unique=False,
                    postgresql_where=sa.text(OVERDUE_OPEN), sqlite_where=sa.text(OVERDUE_OPEN))


def downgrade() -> None:
    op.drop_index("ix_tickets_overdue_open", table_name="tickets")
