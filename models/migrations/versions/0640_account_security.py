"""account security: one-time password-reset links and an optional TOTP second factor on users; the
caller's phone indexed for the centre's search

Revision ID: 0640
Revises: 0670
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa
import models.base


revision = '0640'
down_revision = '0670'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('reset_token_hash', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('reset_expires_at', models.base.UTCDateTime(), nullable=True))
        batch.add_column(sa.Column('totp_secret', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('totp_enabled', sa.Boolean(), server_default='0', nullable=False))
        batch.create_unique_constraint(batch.f('uq_users_reset_token_hash'), ['reset_token_hash'])
    with op.batch_alter_table('tickets') as batch:
        batch.create_index(batch.f('ix_tickets_contact_phone'), ['contact_phone'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('tickets') as batch:
        batch.drop_index(batch.f('ix_tickets_contact_phone'))
    with op.batch_alter_table('users') as batch:
        batch.drop_constraint(batch.f('uq_users_reset_token_hash'), type_='unique')
        batch.drop_column('totp_enabled')
        batch.drop_column('totp_secret')
        batch.drop_column('reset_expires_at')
        batch.drop_column('reset_token_hash')
