"""Tooling for the Aleppo fact-check site.

Where things are:
- the data model: :mod:`tooling.records`; its written definition: ``schema/records.schema.json``
- the rating scale: :mod:`tooling.ratings`
- the validator: :mod:`tooling.validate` (YAML with positions: :mod:`tooling.yamlfile`)
- the Sphinx extension (renderer): :mod:`tooling.sphinxext`
- the command line: :mod:`tooling.cli` (``python -m tooling``)
"""

__version__ = "0.1.0"
