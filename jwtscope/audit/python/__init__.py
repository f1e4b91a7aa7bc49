"""The Python (FastAPI) half of the audit: per-file extraction, cross-module name
resolution, the route table and the judgement of ``jwt.decode`` calls and CORS.
"""
