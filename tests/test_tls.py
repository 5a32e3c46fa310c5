"""TLS to the account service over real HTTPS on 127.0.0.1, with certificates from a test CA
(trustme): refused with a clear message until the CA is trusted, accepted after; and every
connection trusts the operating system's store (truststore)."""

import json
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme

from desktop import tls
from desktop.service_client import ServiceClient, ServiceUnavailable


class Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"status": "ok"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def https(tmp_path):
    """An HTTPS server whose certificate a test CA issued, and that CA's PEM file."""
    ca = trustme.CA()
    certificate = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Health)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    bundle = tmp_path / "company-root.pem"
    ca.cert_pem.write_to_path(str(bundle))
    yield f"https://127.0.0.1:{server.server_port}", bundle
    server.shutdown()
    tls.trust_bundle(None)


def test_an_untrusted_certificate_is_refused_with_what_to_do(https):
    url, _bundle = https
    with pytest.raises(ServiceUnavailable) as refused:
        ServiceClient(url, timeout=5)._call("GET", "/v1/health")
    message = str(refused.value)
    assert "127.0.0.1" in message and "not trusted" in message
    assert "--ca-bundle" in message and "root certificate" in message


def test_the_company_ca_given_as_a_bundle_is_trusted(https):
    url, bundle = https
    tls.trust_bundle(bundle)
    assert ServiceClient(url, timeout=5)._call("GET", "/v1/health") == {"status": "ok"}
    tls.trust_bundle(None)  # and without it, refused again
    with pytest.raises(ServiceUnavailable, match="not trusted"):
        ServiceClient(url, timeout=5)._call("GET", "/v1/health")


def test_a_bundle_that_cannot_be_read_is_refused_at_once(tmp_path):
    broken = tmp_path / "broken.pem"
    broken.write_text("not a certificate")
    with pytest.raises(ssl.SSLError):
        tls.trust_bundle(broken)
    with pytest.raises(OSError):
        tls.trust_bundle(tmp_path / "missing.pem")


def test_connections_trust_the_systems_store(https):
    import truststore

    url, bundle = https
    tls.trust_bundle(None)
    assert isinstance(tls.client_context(), truststore.SSLContext)  # the system's store decides
    assert ssl.SSLContext is not truststore.SSLContext  # and the ssl module is left as it was
    with pytest.raises(ServiceUnavailable, match="not trusted"):  # the test CA is no root
        ServiceClient(url, timeout=5)._call("GET", "/v1/health")
    tls.trust_bundle(bundle)
    try:
        assert ServiceClient(url, timeout=5)._call("GET", "/v1/health") == {"status": "ok"}
    finally:
        tls.trust_bundle(None)
