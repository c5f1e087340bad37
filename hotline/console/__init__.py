"""Web consoles (Chinese) for operators, units, supervisors and administrators.

``hotline.console.web.setup(app)`` adds the pages to the web application (``create_app`` calls it);
every page calls the same service layer as the REST API. Sign-in uses server-side sessions (see ``sessions``).
"""
from __future__ import annotations
