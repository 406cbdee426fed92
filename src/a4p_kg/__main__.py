"""``python -m a4p_kg``: the same as the ``a4p-kg`` console script."""

import sys

from .cli import main

sys.exit(main())
