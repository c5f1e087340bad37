"""the dashboard's daily roll-up (dashboard_daily), kept with metric_daily

Revision ID: 0750
Revises: 0700
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0750'
down_revision = '0700'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'dashboard_daily',
        sa.Column('scope', sa.String(length=16), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('dim', sa.String(length=16), nullable=False),
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('n', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('scope', 'day', 'dim', 'key', name=op.f('pk_dashboard_daily')),
    )
    # the build deletes by day alone
    op.create_index(op.f('ix_dashboard_daily_day'), 'dashboard_daily', ['day'])
    # the metric roll-up's days are rebuilt with it from now on; until the next `hotline reviews rollup`
    # (or the sweep's refresh) the dashboard reads the raw tables: forget the covered range
    op.execute("DELETE FROM metric_rollup_state")


def downgrade() -> None:
    op.drop_index(op.f('ix_dashboard_daily_day'), table_name='dashboard_daily')
    op.drop_table('dashboard_daily')
