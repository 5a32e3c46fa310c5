"""Version 5: an index on the receipt's fingerprint, so Verify Receipt finds it at once."""


def up(migrator, db):
    migrator.migrate(migrator.add_index("seat_purchase", ("receipt_sha256",), False))


def down(migrator, db):
    migrator.migrate(migrator.drop_index("seat_purchase", "seat_purchase_receipt_sha256"))
