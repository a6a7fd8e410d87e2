import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
project = "Timeline test site"
extensions = ["myst_parser", "tooling.sphinxext"]
factcheck_claims_dir = "claims"
# A path from this folder (not a bundled name): a square "country" whose geometry a test can check by hand.
factcheck_map_outlines = "outlines.json"
exclude_patterns = ["_build"]
html_theme = "basic"
