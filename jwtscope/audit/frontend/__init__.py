"""The TypeScript/JavaScript half of the audit: syntax trees (tree-sitter), the Better Auth
configuration, bearer headers, and the cross-check of what the frontend issues against
the backend.
"""
