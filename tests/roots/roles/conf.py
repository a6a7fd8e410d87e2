import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
project = "Roles site"
extensions = ["myst_parser", "sphinx_design", "tooling.sphinxext"]
myst_enable_extensions = ["colon_fence"]
factcheck_claims_dir = "claims"  # the fixture copies tests/roots/basic/claims here
factcheck_pages = {"claims": {"title": "Every claim we checked", "intro": "Our own words for this list."}}
exclude_patterns = ["_build"]
html_theme = "basic"
