"""Coaching: draft review, reply suggestions, rewrites and safety screening."""
