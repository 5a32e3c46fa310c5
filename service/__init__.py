"""The reference account and provisioning service: the vendor's side of the desktop's HTTP API."""
