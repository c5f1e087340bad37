"""the callbacks list (待回访) in its keyset order: status IN (answered, callback) ORDER BY callback_due, id
— a partial index of the few tickets waiting for a callback (issue 17; before, the page read the newest
200 of them and sorted those, so an older ticket due first could be missing).

Revision ID: 0770
Revises: 0760
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0770'
down_revision = '0760'
branch_labels = None
depends_on = None

CALLBACKS = "status IN ('answered', 'callback')"


def upgrade() -> None:
    op.create_index("ix_tickets_callbacks", "tickets", ["callback_due", "id"], unique=False,
                    postgresql_where=sa.text(CALLBACKS), sqlite_where=sa.text(CALLBACKS))


def downgrade() -> None:
    op.drop_index("ix_tickets_callbacks", table_name="tickets")
