"""Privacy: nothing a parent types is stored in a form that identifies anyone.

`tracker_store.AnonymisingTrackerStore` pseudonymises sender ids and redacts personal data
before events reach the database; `retention` deletes what is older than the retention period.
"""
