"""``python -m factkit`` is the ``factkit`` command."""

import sys

from factkit.cli import main

sys.exit(main())
