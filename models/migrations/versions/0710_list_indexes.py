"""the indexes the ticket lists' keyset orders need (issue 17)

- the triage queue: status IN (triage, returned) ORDER BY dispatch_due, id — a partial index of the
  few tickets waiting for dispatch;
- a unit's tickets: lead_unit_id = ? ORDER BY overdue DESC, complete_due, id — read in order from the
  index, a page stops after its rows (before: every ticket the unit ever had was sorted);
- the open tickets under 督办 or 通报 by completion deadline (the overdue page's second list).

Revision ID: 0710
Revises: 0740
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0710'
down_revision = '0740'
branch_labels = None
depends_on = None

TRIAGE = "status IN ('triage', 'returned')"
SUPERVISED_OPEN = "supervision_level IN ('supervised', 'notified') AND status NOT IN ('closed', 'merged')"


def upgrade() -> None:
    op.create_index("ix_tickets_triage_queue", "tickets", ["dispatch_due", "id"], unique=False,
                    postgresql_where=sa.text(TRIAGE), sqlite_where=sa.text(TRIAGE))
    op.create_index("ix_tickets_lead_order", "tickets",
                    ["lead_unit_id", sa.desc(sa.column("overdue")), "complete_due", "id"], unique=False)
    op.create_index("ix_tickets_supervised_open", "tickets", ["complete_due", "id"], unique=False,
                    postgresql_where=sa.text(SUPERVISED_OPEN), sqlite_where=sa.text(SUPERVISED_OPEN))


def downgrade() -> None:
    op.drop_index("ix_tickets_supervised_open", table_name="tickets")
    op.drop_index("ix_tickets_lead_order", table_name="tickets")
    op.drop_index("ix_tickets_triage_queue", table_name="tickets")
