"""A test certificate authority and signers, made with cryptography, and signing with pyHanko as a reader
with an eID does: one field at a time, each signature an incremental update of the file as it was.

Signer certificates look like a Belgian eID's signing certificate: common name "First Last (Signature)",
given names, surname, and a serial number that is a national register number (which no report may show).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import cached_property

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

NOT_BEFORE = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
NOT_AFTER = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
NATIONAL_NUMBER = "85073003328"
"""A national register number with valid check digits, as an eID certificate's serial number carries it."""


def _usage(**on: bool) -> x509.KeyUsage:
    names = (
        "digital_signature",
        "content_commitment",
        "key_encipherment",
        "data_encipherment",
        "key_agreement",
        "key_cert_sign",
        "crl_sign",
        "encipher_only",
        "decipher_only",
    )
    return x509.KeyUsage(**{name: on.get(name, False) for name in names})


@dataclass(frozen=True)
class Authority:
    name: str
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @classmethod
    def create(cls, name: str = "Test eID Root CA") -> Authority:
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name(
            [x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"), x509.NameAttribute(NameOID.COMMON_NAME, name)]
        )
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOT_BEFORE)
            .not_valid_after(NOT_AFTER)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(_usage(key_cert_sign=True, crl_sign=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256())
        )
        return cls(name, key, cert)

    @cached_property
    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def signer(self, common: str, given: str | None = None, surname: str | None = None) -> Signer:
        """A signing certificate for a person, as an eID has one."""
        key = ec.generate_private_key(ec.SECP256R1())
        attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"), x509.NameAttribute(NameOID.COMMON_NAME, common)]
        if surname:
            attributes.append(x509.NameAttribute(NameOID.SURNAME, surname))
        if given:
            attributes.append(x509.NameAttribute(NameOID.GIVEN_NAME, given))
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, NATIONAL_NUMBER))
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(attributes))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOT_BEFORE)
            .not_valid_after(NOT_AFTER)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(digital_signature=True, content_commitment=True), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        return Signer(key, cert, self)


@dataclass(frozen=True)
class Signer:
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    authority: Authority

    def sign(self, pdf: bytes, field: str) -> bytes:
        """``pdf`` with ``field`` signed, as an incremental update (the bytes before it stay as they were)."""
        from asn1crypto import keys
        from asn1crypto import x509 as asn1_x509
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        der = serialization.Encoding.DER
        signer = signers.SimpleSigner(
            signing_cert=asn1_x509.Certificate.load(self.certificate.public_bytes(der)),
            signing_key=keys.PrivateKeyInfo.load(
                self.key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
            ),
            cert_registry=SimpleCertificateStore.from_certs(
                [asn1_x509.Certificate.load(self.authority.certificate.public_bytes(der))]
            ),
        )
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        meta = signers.PdfSignatureMetadata(field_name=field)
        out = signers.sign_pdf(writer, meta, signer=signer)
        signed = out.getvalue()
        assert signed.startswith(pdf), "an incremental update keeps every byte before it"
        return signed
