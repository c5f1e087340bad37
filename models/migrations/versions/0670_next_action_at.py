"""next_action_at: the indexed moment the deadline sweep next acts on an open ticket or rectification case;
ticket numbers from a PostgreSQL sequence (number_sequences.first_seq); trigram indexes for search

Revision ID: 0670
Revises: 0500
Create Date: 2026-12-01

Existing open rows get a past moment (their creation), so the first sweep after the upgrade visits
each of them once and stores the real time (hotline.services.next_action); closed rows get none.
"""
from alembic import op
import sqlalchemy as sa
import models.base


revision = '0670'
down_revision = '0500'
branch_labels = None
depends_on = None

OPEN_TICKETS = "('received', 'triage', 'dispatched', 'signed', 'in_progress', 'answered')"
OPEN_CASES = "('opened', 'verified', 'found', 'rectifying')"


def upgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_action_at', models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_tickets_next_action_at'), ['next_action_at'], unique=False)
    with op.batch_alter_table('rectification_cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_action_at', models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_rectification_cases_next_action_at'), ['next_action_at'],
                              unique=False)
    with op.batch_alter_table('number_sequences', schema=None) as batch_op:
        batch_op.add_column(sa.Column('first_seq', sa.BigInteger(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE SEQUENCE IF NOT EXISTS ticket_number_seq")
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_index("ix_tickets_overdue_created", "tickets", ["overdue", "created_at"], unique=False)
    for column in ("content", "title"):
        op.create_index(f"ix_tickets_{column}_trgm", "tickets", [column], unique=False, postgresql_using="gin",
                        postgresql_ops={column: "gin_trgm_ops"})
    op.execute(f"UPDATE tickets SET next_action_at = created_at WHERE status IN {OPEN_TICKETS}")
    op.execute(f"UPDATE rectification_cases SET next_action_at = opened_at WHERE status IN {OPEN_CASES}")


def downgrade() -> None:
    op.drop_index("ix_tickets_overdue_created", table_name="tickets")
    op.drop_index("ix_tickets_title_trgm", table_name="tickets")
    op.drop_index("ix_tickets_content_trgm", table_name="tickets")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP SEQUENCE IF EXISTS ticket_number_seq")
    with op.batch_alter_table('number_sequences', schema=None) as batch_op:
        batch_op.drop_column('first_seq')
    with op.batch_alter_table('rectification_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rectification_cases_next_action_at'))
        batch_op.drop_column('next_action_at')
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tickets_next_action_at'))
        batch_op.drop_column('next_action_at')
