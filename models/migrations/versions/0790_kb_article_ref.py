"""the key a knowledge-base article has in the city's own file (kb_articles.ref): a file imported again finds its
articles by key, so a retitled article is updated instead of copied

Revision ID: 0790
Revises: 0780
Create Date: 2026-12-06
"""
from alembic import op
import sqlalchemy as sa


revision = '0790'
down_revision = '0780'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('kb_articles') as batch:
        batch.add_column(sa.Column('ref', sa.String(length=100), nullable=True))
        batch.create_index('ix_kb_articles_ref', ['ref'])


def downgrade() -> None:
    with op.batch_alter_table('kb_articles') as batch:
        batch.drop_index('ix_kb_articles_ref')
        batch.drop_column('ref')
