"""`python -m lib`: the whosaid command line."""
import sys

from .cli import main

sys.exit(main())
