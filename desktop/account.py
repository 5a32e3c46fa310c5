"""What the window shows of the organization and its contract."""

from db.models import Organization


def organization_name() -> str:
    organization = Organization.select().order_by(Organization.id).first()
    return organization.name if organization else "no organization yet"
