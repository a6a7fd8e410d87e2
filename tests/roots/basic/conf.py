import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
project = "Test site"
extensions = ["myst_parser", "tooling.sphinxext"]
factcheck_claims_dir = "claims"
exclude_patterns = ["_build"]
html_theme = "basic"
locale_dirs = ["../locale/"]
