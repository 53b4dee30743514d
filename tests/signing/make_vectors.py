"""Independent EOP signing vectors (Python stdlib only).

Mirrors the seed's Python example (§4.1.4): sha256 hex of the body, HMAC chain
SK → eop-date → AK → yyyymmdd, base64 signature. Run `python3 tests/signing/make_vectors.py`
to rewrite vectors.json; tests/signing/vectors.test.ts checks the TypeScript verifier against it.
"""

import base64
import hashlib
import hmac
import json
import os
from urllib.parse import urlencode

AK = "3f1c2a4b5d6e7f8091a2b3c4d5e6f708"
SK = "9a8b7c6d5e4f30211203f4e5d6c7b8a9"
APP_KEY = "562b89493b1a40e1b97ea05e50dd8170"
DATE = "20211221T163014Z"


def sha256_hex(body):
    return hashlib.sha256(body).hexdigest().lower()


def hmac_sha256(key, content):
    return base64.b64encode(hmac.new(key, content, digestmod="sha256").digest())


def sign(ak, sk, eop_date, string_to_sign):
    k_time = hmac_sha256(sk.encode("utf-8"), eop_date.encode("utf-8"))
    k_ak = hmac_sha256(base64.b64decode(k_time), ak.encode("utf-8"))
    k_date = hmac_sha256(base64.b64decode(k_ak), eop_date[:8].encode("utf-8"))
    return hmac_sha256(base64.b64decode(k_date), string_to_sign.encode("utf-8")).decode()


def seed_sorted_query(query):
    # Exactly the seed's loop: split on "&", sort the pieces, join with "&".
    return "&".join(sorted(query.split("&"))) if query else ""


def vector(name, *, signed, headers, query, body, query_to_sign=None, auth_format="{ak} Headers={h} Signature={s}"):
    lower = {k.lower(): v for k, v in headers.items()}
    header_block = "".join("{0}:{1}\n".format(h, lower[h]) for h in sorted(signed))
    q = seed_sorted_query(query) if query_to_sign is None else query_to_sign
    string_to_sign = header_block + "\n" + q + "\n" + sha256_hex(body)
    signature = sign(AK, SK, lower["eop-date"], string_to_sign)
    authorization = auth_format.format(ak=AK, h=";".join(signed), s=signature)
    return {
        "name": name,
        "accessKey": AK,
        "secretKey": SK,
        "query": query,
        "headers": dict(headers, **{"Eop-Authorization": authorization}),
        "bodyBase64": base64.b64encode(body).decode(),
        "stringToSign": string_to_sign,
        "signature": signature,
    }


def main():
    seed_params = {"data": ["/9j/4AAQSkZJRg==", "iVBORw0KGgo="], "备注": "中文"}
    seed_body = json.dumps(seed_params).encode()  # the seed hashes and sends json.dumps(params)
    seed_headers = {
        "Content-Type": "application/json;charset=UTF-8",
        "ctyun-eop-request-id": "33dfa732-b27b-464f-b15a-21ed6845afd5",
        "appkey": APP_KEY,
        "eop-date": DATE,
        "host": "ai-global.ctapi.ctyun.cn",
    }
    other_query = urlencode(sorted({"b": "x y", "a": "中文", "c": "1/2"}.items()))
    prefix_pairs = [("a", "2"), ("a-b", "1"), ("a", "1")]
    prefix_query = urlencode(sorted(prefix_pairs, key=lambda kv: kv[0]))  # stable sort by key
    vectors = [
        vector("seed python client", signed=["appkey", "ctyun-eop-request-id", "eop-date"],
               headers=seed_headers, query="", body=seed_body),
        vector("request-id and date only, Eop-date header, encoded sorted query",
               signed=["ctyun-eop-request-id", "eop-date"],
               headers={"ctyun-eop-request-id": "req-2", "Eop-date": "20240101T000000Z", "appkey": APP_KEY},
               query=other_query, body=b'{"data":[]}'),
        vector("query keys that prefix each other, stable sort by key",
               signed=["ctyun-eop-request-id", "eop-date"],
               headers={"ctyun-eop-request-id": "req-3", "eop-date": DATE},
               query=prefix_query, body=b"", query_to_sign=prefix_query),
        vector("host signed, spaces around = and ;",
               signed=["ctyun-eop-request-id", "eop-date", "host"],
               headers={"ctyun-eop-request-id": "req-4", "eop-date": DATE, "host": "1.1.1.1:9080"},
               query="", body=b"{}", auth_format="{ak}  Headers = {h} Signature = {s}"),
        vector("extra signed header sorted first",
               signed=["ccda", "ctyun-eop-request-id", "eop-date"],
               headers={"ccda": "123", "ctyun-eop-request-id": "123456789", "eop-date": "20210531T100101Z"},
               query="", body=bytes(range(256))),
    ]
    # The spaced variant also puts a space after each ";".
    vectors[3]["headers"]["Eop-Authorization"] = vectors[3]["headers"]["Eop-Authorization"].replace(";", " ; ")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vectors.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(vectors, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
