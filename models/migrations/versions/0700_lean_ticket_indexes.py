"""Fewer index entries per ticket write: drop the tickets' indexes another index already serves and
make three partial, so that a write (the deadline sweep rewrites thousands of open tickets at once)
touches fewer indexes

- ``ix_tickets_status``: ``ix_tickets_status_lead`` (status, lead_unit_id) serves every query on status;
- ``ix_tickets_created_at``: ``ix_tickets_figures`` (created_at, covering) serves it;
- ``ix_tickets_closed_at``: ``ix_tickets_closed_figures`` (closed_at, covering) serves it;
- ``ix_tickets_citizen_ref`` and ``ix_tickets_contact_phone``: only rows that have one;
- ``ix_tickets_intake_state``: only tickets whose background intake is pending or failed (what the
  sweep looks for).

Revision ID: 0700
Revises: 0720
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0700'
down_revision = '0720'
branch_labels = None
depends_on = None

REDUNDANT = ("status", "created_at", "closed_at")
PARTIAL = {"citizen_ref": "citizen_ref IS NOT NULL", "contact_phone": "contact_phone IS NOT NULL",
           "intake_state": "intake_state IN ('pending', 'failed')"}


def upgrade() -> None:
    for column in REDUNDANT:
        op.drop_index(f"ix_tickets_{column}", table_name="tickets")
    for column, where in PARTIAL.items():
        op.drop_index(f"ix_tickets_{column}", table_name="tickets")
        op.create_index(f"ix_tickets_{column}", "tickets", [column], unique=False,
                        postgresql_where=sa.text(where), sqlite_where=sa.text(where))


def downgrade() -> None:
    for column in PARTIAL:
        op.drop_index(f"ix_tickets_{column}", table_name="tickets")
        op.create_index(f"ix_tickets_{column}", "tickets", [column], unique=False)
    for column in REDUNDANT:
        op.create_index(f"ix_tickets_{column}", "tickets", [column], unique=False)
