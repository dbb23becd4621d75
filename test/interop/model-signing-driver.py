"""Drives the OpenSSF reference model_signing (Python API) for the interop tests.

Reads a JSON list of operations on stdin, runs each, and prints a JSON list of results, one per
operation: {"ok": true, ...} or {"ok": false, "error": "..."}. One process for many operations keeps
the suite fast (importing model_signing takes most of a second).

Operations:
  pki     make a root -> intermediate -> leaf chain (EC keys; leaf curve, validity and usages chosen)
  sign    sign a model with a key or a certificate, files or shards, with ignore paths
  verify  verify a model with a key or a certificate chain (serialization guessed from the signature,
          as the reference does), with extra ignore paths
  legacy  write a signature as model_signing v0.2 made them (Digests/v0.1 predicate, the PAE bug,
          SHA-256 for certificates, no key hint, no tlogEntries)
"""

import base64
import contextlib
import datetime
import hashlib
import json
import os
import pathlib
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

import model_signing
from model_signing._signing import sign_ec_key, sign_sigstore_pb

CURVES = {"P-256": ec.SECP256R1, "P-384": ec.SECP384R1, "P-521": ec.SECP521R1}


def _name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _write_key(key, path):
    pathlib.Path(path).write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )


def _usage(digital_signature=False, key_cert_sign=False, key_encipherment=False):
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=False,
        key_encipherment=key_encipherment,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=key_cert_sign,
        crl_sign=key_cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _cert(subject, issuer, public_key, issuer_key, not_before, not_after, ca, path_length, extensions):
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length), critical=True)
    )
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical=critical)
    return builder.sign(issuer_key, hashes.SHA256())


def op_pki(a):
    out = pathlib.Path(a["dir"])
    out.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.timezone.utc)
    day = datetime.timedelta(days=1)
    root_key = ec.generate_private_key(ec.SECP256R1())
    int_key = ec.generate_private_key(ec.SECP384R1())
    root = _cert("interop root", "interop root", root_key.public_key(), root_key, now - 30 * day, now + 3650 * day, True, 1,
                 [(_usage(key_cert_sign=True), True)])
    inter = _cert("interop intermediate", "interop root", int_key.public_key(), root_key, now - 30 * day, now + 3650 * day, True, 0,
                  [(_usage(key_cert_sign=True), True)])
    leaves = {}
    for leaf in a["leaves"]:
        key = ec.generate_private_key(CURVES[leaf.get("curve", "P-256")]())
        not_before = now + leaf.get("notBeforeDays", -1) * day
        not_after = now + leaf.get("notAfterDays", 365) * day
        extensions = [(x509.SubjectAlternativeName([x509.RFC822Name(leaf.get("email", "signer@example.com"))]), False)]
        usage = leaf.get("usage", "digitalSignature")
        if usage == "digitalSignature":
            extensions.append((_usage(digital_signature=True), True))
        elif usage == "keyEncipherment":
            extensions.append((_usage(key_encipherment=True), True))
        if leaf.get("codeSigning", False):
            extensions.append((x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), False))
        cert = _cert(leaf["name"], "interop intermediate", key.public_key(), int_key, not_before, not_after, False, None, extensions)
        _write_key(key, out / f"{leaf['name']}.key.pem")
        (out / f"{leaf['name']}.cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        leaves[leaf["name"]] = {"key": str(out / f"{leaf['name']}.key.pem"), "cert": str(out / f"{leaf['name']}.cert.pem")}
    (out / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    (out / "intermediate.pem").write_bytes(inter.public_bytes(serialization.Encoding.PEM))
    return {"root": str(out / "root.pem"), "intermediate": str(out / "intermediate.pem"), "leaves": leaves}


def _hashing(a):
    config = model_signing.hashing.Config()
    if a.get("method", "files") == "shards":
        config.use_shard_serialization(shard_size=a["shardSize"])
    else:
        config.use_file_serialization()
    return config.set_ignored_paths(paths=a.get("ignore", []), ignore_git_paths=a.get("ignoreGit", True))


def op_sign(a):
    config = model_signing.signing.Config()
    if a["signer"] == "key":
        config.use_elliptic_key_signer(private_key=a["key"])
    else:
        config.use_certificate_signer(private_key=a["key"], signing_certificate=a["cert"], certificate_chain=a["chain"])
    config.set_hashing_config(_hashing(a)).sign(pathlib.Path(a["model"]), pathlib.Path(a["signature"]))
    return {}


def op_verify(a):
    config = model_signing.verifying.Config()
    if a["verifier"] == "key":
        config.use_elliptic_key_verifier(public_key=a["publicKey"])
    else:
        config.use_certificate_verifier(certificate_chain=a["chain"])
    model = pathlib.Path(a["model"])
    signature_path = pathlib.Path(a["signature"])
    if a.get("ignore"):
        # Guess the serialization from the signature as verify() does, then add the caller's ignores.
        signature = sign_sigstore_pb.Signature.read(signature_path)
        config._guess_hashing_config(config._verifier.verify(signature))
        config._hashing_config.add_ignored_paths(model_path=model, paths=a["ignore"])
    config.verify(model, signature_path)
    return {}


def _pae_compat(payload):
    return sign_sigstore_pb.pae_compat(payload)


def op_legacy(a):
    key = serialization.load_pem_private_key(pathlib.Path(a["key"]).read_bytes(), None)
    subjects = []
    model = pathlib.Path(a["model"])
    for path in sorted(p for p in model.glob("**/*") if p.is_file()):
        subjects.append({"name": str(path.relative_to(model)), "digest": {"sha256": hashlib.sha256(path.read_bytes()).hexdigest()}})
    statement = {"_type": "https://in-toto.io/Statement/v1", "subject": subjects, "predicateType": "https://model_signing/Digests/v0.1", "predicate": {}}
    payload = json.dumps(statement).encode("utf-8")
    if a["signer"] == "key":
        digest = sign_ec_key.get_ec_key_hash(key.public_key())
        public = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        material = {"publicKey": {"rawBytes": base64.b64encode(public).decode()}}
    else:
        # v0.2 hashed with SHA-256 whatever the curve of the certificate's key.
        digest = hashes.SHA256()
        certs = [pathlib.Path(a["cert"]).read_bytes()] + [pathlib.Path(c).read_bytes() for c in a["chain"]]
        ders = [x509.load_pem_x509_certificate(c).public_bytes(serialization.Encoding.DER) for c in certs]
        material = {"x509CertificateChain": {"certificates": [{"rawBytes": base64.b64encode(d).decode()} for d in ders]}}
    signature = key.sign(_pae_compat(payload), ec.ECDSA(digest))
    bundle = {
        "mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json",
        "verificationMaterial": material,
        "dsseEnvelope": {
            "payload": base64.b64encode(payload).decode(),
            "payloadType": "application/vnd.in-toto+json",
            "signatures": [{"sig": base64.b64encode(signature).decode(), "keyid": ""}],
        },
    }
    pathlib.Path(a["signature"]).write_text(json.dumps(bundle), encoding="utf-8")
    return {}


OPS = {"pki": op_pki, "sign": op_sign, "verify": op_verify, "legacy": op_legacy}


def main():
    results = []
    out = sys.stdout
    # The reference prints warnings on stdout (an old key format, say): keep them off the results.
    with contextlib.redirect_stdout(sys.stderr):
        for operation in json.load(sys.stdin):
            try:
                results.append({"ok": True, **OPS[operation["op"]](operation)})
            except Exception as error:  # every failure is a verdict, reported to the test
                results.append({"ok": False, "error": f"{type(error).__name__}: {error}"})
    json.dump(results, out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    main()
