"""ticket_schedule: the open tickets' next_action_at in a narrow indexed table kept by triggers;
tickets.next_action_at loses its index; tickets get room for HOT updates (fillfactor 85, PostgreSQL)

Revision ID: 0760
Revises: 0750
Create Date: 2026-12-02

The deadline sweep reads what is due from ``ticket_schedule`` (hotline.services.sweep). The database
copies ``tickets.next_action_at`` into it with row triggers, so every writer of tickets (ORM flush,
the intake's Core INSERT, bulk imports, the sweep) keeps it current in the same statement, and
``hotline.services.next_action`` stays the one place that computes the time. Without an index on
``tickets.next_action_at``, a sweep that changes only unindexed stamps of a ticket can be a HOT update.

The fillfactor applies to pages written from now on; an existing large table gets the room after a
rewrite (``VACUUM FULL tickets`` or ``pg_repack``, in a maintenance window).
"""
from alembic import op
import sqlalchemy as sa
import models.base


revision = '0760'
down_revision = '0750'
branch_labels = None
depends_on = None

PG_FUNCTION = """
CREATE FUNCTION ticket_schedule_follow() RETURNS trigger AS $$
BEGIN
    IF NEW.next_action_at IS NULL THEN
        DELETE FROM ticket_schedule WHERE ticket_id = NEW.id;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        -- the ticket's row is locked by this UPDATE: no other writer of its schedule row meanwhile
        UPDATE ticket_schedule SET next_action_at = NEW.next_action_at WHERE ticket_id = NEW.id;
        IF FOUND THEN
            RETURN NULL;
        END IF;
    END IF;
    INSERT INTO ticket_schedule (ticket_id, next_action_at) VALUES (NEW.id, NEW.next_action_at);
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""
PG_TRIGGERS = (
    "CREATE TRIGGER tickets_schedule_insert AFTER INSERT ON tickets FOR EACH ROW "
    "WHEN (NEW.next_action_at IS NOT NULL) EXECUTE FUNCTION ticket_schedule_follow()",
    "CREATE TRIGGER tickets_schedule_update AFTER UPDATE OF next_action_at ON tickets FOR EACH ROW "
    "WHEN (OLD.next_action_at IS DISTINCT FROM NEW.next_action_at) EXECUTE FUNCTION ticket_schedule_follow()",
)
SQLITE_TRIGGERS = (
    """CREATE TRIGGER tickets_schedule_insert AFTER INSERT ON tickets WHEN NEW.next_action_at IS NOT NULL
    BEGIN
        INSERT INTO ticket_schedule (ticket_id, next_action_at) VALUES (NEW.id, NEW.next_action_at);
    END""",
    """CREATE TRIGGER tickets_schedule_update AFTER UPDATE OF next_action_at ON tickets
    WHEN NEW.next_action_at IS NOT OLD.next_action_at
    BEGIN
        DELETE FROM ticket_schedule WHERE ticket_id = NEW.id AND NEW.next_action_at IS NULL;
        INSERT OR REPLACE INTO ticket_schedule (ticket_id, next_action_at)
            SELECT NEW.id, NEW.next_action_at WHERE NEW.next_action_at IS NOT NULL;
    END""",
)


def upgrade() -> None:
    op.create_table(
        'ticket_schedule',
        sa.Column('ticket_id', sa.Integer(), nullable=False),
        sa.Column('next_action_at', models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_schedule_ticket_id_tickets'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('ticket_id', name=op.f('pk_ticket_schedule')),
    )
    op.create_index(op.f('ix_ticket_schedule_next_action_at'), 'ticket_schedule', ['next_action_at'], unique=False)
    op.execute("INSERT INTO ticket_schedule (ticket_id, next_action_at) "
               "SELECT id, next_action_at FROM tickets WHERE next_action_at IS NOT NULL")
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tickets_next_action_at'))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for statement in PG_TRIGGERS:
            op.execute(statement)
        op.execute("ALTER TABLE tickets SET (fillfactor = 85)")
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS tickets_schedule_update" + (" ON tickets" if _pg() else ""))
    op.execute("DROP TRIGGER IF EXISTS tickets_schedule_insert" + (" ON tickets" if _pg() else ""))
    if _pg():
        op.execute("DROP FUNCTION IF EXISTS ticket_schedule_follow()")
        op.execute("ALTER TABLE tickets RESET (fillfactor)")
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tickets_next_action_at'), ['next_action_at'], unique=False)
    op.drop_index(op.f('ix_ticket_schedule_next_action_at'), table_name='ticket_schedule')
    op.drop_table('ticket_schedule')


def _pg() -> bool:
    return op.get_bind().dialect.name == "postgresql"
