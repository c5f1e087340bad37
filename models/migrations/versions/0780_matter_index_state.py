"""the reading the repeat-appeal index keys were written by (matter_index_state): the sweep re-indexes
the open tickets by itself when the running code reads places or problems differently

Revision ID: 0780
Revises: 0771
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

import models.base


revision = '0780'
down_revision = '0771'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('matter_index_state',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('fingerprint', sa.String(length=64), nullable=True),
                    sa.Column('target', sa.String(length=64), nullable=True),
                    sa.Column('cursor', sa.Integer(), nullable=False),
                    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    op.drop_table('matter_index_state')
