"""`python -m bench`: see bench/run.py."""
from mapdata.run import main

main()
