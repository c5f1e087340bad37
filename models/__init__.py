"""SQLAlchemy 2 ORM models and Alembic migrations. Importing this package registers every table.

Every module of this package (but ``migrations``) is imported, so a domain package adds its tables
by adding a module here: ``models/reviews.py``, ``models/channels.py``, …
"""
import importlib as _importlib
import pkgutil as _pkgutil

from models.base import Base, UTCDateTime, utcnow
from models.core import ApiToken, Category, HolidayOverride, TrainingExample, Unit, User
from models.tickets import (AuditEvent, Notice, NumberSequence, Ticket, TicketExtension, TicketReturn,
                            TicketUnit)

for _info in _pkgutil.iter_modules(__path__):
    if _info.name not in ("migrations", "base", "core", "tickets"):
        _importlib.import_module(f"{__name__}.{_info.name}")

__all__ = [
    "Base", "UTCDateTime", "utcnow", "ApiToken", "Category", "HolidayOverride", "TrainingExample",
    "Unit", "User", "AuditEvent", "Notice", "NumberSequence", "Ticket", "TicketExtension",
    "TicketReturn", "TicketUnit",
]
