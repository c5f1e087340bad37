"""routing table versions edited by administrators

Revision ID: 0400
Revises: 0200
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import models.base

revision = '0400'
down_revision = '0200'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'routing_table_versions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('note', sa.String(length=300), nullable=False),
        sa.Column('created_by', sa.String(length=120), nullable=False),
        sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_routing_table_versions')),
    )
    with op.batch_alter_table('routing_table_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_routing_table_versions_active'), ['active'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('routing_table_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_routing_table_versions_active'))
    op.drop_table('routing_table_versions')
