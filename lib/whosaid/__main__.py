"""`python -m whosaid`: the whosaid command line."""
import sys

from whosaid.cli import main

if __name__ == "__main__":  # not when a worker process re-imports the main module
    sys.exit(main())
