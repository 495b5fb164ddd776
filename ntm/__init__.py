"""NTM Dashboard domain package: criteria catalogue, units, store, ingestion, metrics, reports.

Never imports streamlit: the CLI (``python -m ntm``) and the web pages share this core.
"""

__version__ = "0.1.0"
