"""The TypeScript/JavaScript half of the audit: a lexer, the Better Auth configuration,
bearer headers, and the cross-check of what the frontend issues against the backend.
"""
