"""reply checks in the unit figures: the ticket's latest check (reply_weak) and its daily counts

Revision ID: 0720
Revises: 0710
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0720'
down_revision = '0710'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_weak', sa.Boolean(), nullable=True))
    with op.batch_alter_table('metric_daily', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_checked', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('reply_ok', sa.Integer(), nullable=False, server_default='0'))
    # answers checked before this revision: their latest check, so the figure covers them too
    op.execute("UPDATE tickets SET reply_weak = (SELECT rc.weak FROM reply_checks rc WHERE rc.ticket_id = tickets.id "
               "ORDER BY rc.id DESC LIMIT 1) WHERE id IN (SELECT ticket_id FROM reply_checks)")


def downgrade() -> None:
    with op.batch_alter_table('metric_daily', schema=None) as batch_op:
        batch_op.drop_column('reply_ok')
        batch_op.drop_column('reply_checked')
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_column('reply_weak')
