import sys

from negotiation.cli import main

sys.exit(main())
