"""``python -m kzresearch`` runs the command line."""
import sys

from kzresearch.cli import main

sys.exit(main())
