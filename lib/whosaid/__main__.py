"""`python -m whosaid`: the whosaid command line."""
import sys

from whosaid.cli import main

sys.exit(main())
