import sys

from qa_reader.app import main

sys.exit(main())
