"""``python -m classifier train|evaluate|predict|versions|activate|rollback …``"""
import sys

from classifier.cli import main

sys.exit(main())
