"""Advice: drafting and fixing the advice, documents from Word templates, the corps' decision."""
