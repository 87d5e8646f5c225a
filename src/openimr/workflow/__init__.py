"""The IMR application lifecycle as plain rules: eligibility, reviewer assignment, deadlines.

No database or web code here: the service layer (``openimr.service``) applies these to stored rows.
"""
