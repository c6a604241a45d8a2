import sys

from negotiation.adapters.cli import main

sys.exit(main())
