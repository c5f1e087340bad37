"""SQLAlchemy 2 ORM models and Alembic migrations. Importing this package registers every table.

Every module of this package (but ``migrations``) is imported, so a domain package adds its tables
by adding a module here: ``models/reviews.py``, ``models/channels.py``, …
"""
import importlib as _importlib
import pkgutil as _pkgutil

from models.base import Base, UTCDateTime, utcnow
from models.core import (ApiToken, Category, HolidayOverride, HolidayTableVersion, RoutingTableVersion,
                         TrainingExample, Unit, User)
from models.tickets import (AuditEvent, Notice, NumberSequence, Ticket, TicketExtension, TicketReturn,
                            TicketSchedule, TicketUnit)

_extra = []
for _info in _pkgutil.iter_modules(__path__):
    if _info.name not in ("migrations", "base", "core", "tickets"):
        _module = _importlib.import_module(f"{__name__}.{_info.name}")
        for _name in getattr(_module, "__all__", None) or dir(_module):
            _obj = getattr(_module, _name)
            if isinstance(_obj, type) and issubclass(_obj, Base) and _obj.__module__ == _module.__name__:
                globals()[_name] = _obj  # re-export the module's mapped classes: `from models import X`
                _extra.append(_name)

__all__ = [
    "Base", "UTCDateTime", "utcnow", "ApiToken", "Category", "HolidayOverride", "HolidayTableVersion",
    "RoutingTableVersion", "TrainingExample",
    "Unit", "User", "AuditEvent", "Notice", "NumberSequence", "Ticket", "TicketExtension", "TicketSchedule",
    "TicketReturn", "TicketUnit",
] + _extra
