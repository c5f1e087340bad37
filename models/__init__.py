"""SQLAlchemy 2 ORM models and Alembic migrations. Importing this package registers every table."""
from models.base import Base, UTCDateTime, utcnow
from models.core import ApiToken, Category, HolidayOverride, TrainingExample, Unit, User
from models.tickets import (AuditEvent, Notice, NumberSequence, Ticket, TicketExtension, TicketReturn,
                            TicketUnit)

__all__ = [
    "Base", "UTCDateTime", "utcnow", "ApiToken", "Category", "HolidayOverride", "TrainingExample",
    "Unit", "User", "AuditEvent", "Notice", "NumberSequence", "Ticket", "TicketExtension",
    "TicketReturn", "TicketUnit",
]
