// Runnable API samples (curl + openssl, Python, Node.js, Java) for the docs page, filled in with
// the caller's endpoint URL, AccessKey and AppKey. The SecretKey is never in a sample: each reads
// it from the environment variable SECRET_ENV at run time. Every sample builds the body by
// concatenating the template around the image's base64 (identical bytes in every language), signs
// exactly what it sends, and uses only what its platform ships (no packages to install).

export const SECRET_ENV = "EOP_SECRET_KEY";
/** The image placeholder in the docs' request bodies (lib/capabilities docs). */
export const IMAGE_PLACEHOLDER = "/9j/4AAQSkZJRg...";
export const SIGNED_HEADER_LIST = "appkey;ctyun-eop-request-id;eop-date";

export interface SampleTarget {
  /** Full request URL (origin + API path). */
  url: string;
  accessKey: string;
  appKey: string;
  /** The docs' request body; IMAGE_PLACEHOLDER marks where the image's base64 goes. */
  bodyTemplate: string;
}

export type SampleLanguage = "curl" | "python" | "node" | "java";

export interface CodeSample {
  language: SampleLanguage;
  label: string;
  /** File name the run command expects. */
  file: string;
  /** How to run it, with the SecretKey from the environment. */
  run: string;
  code: string;
}

const MISSING_SECRET = `请先设置环境变量 ${SECRET_ENV}（SecretKey）`;

function splitBody(template: string): { before: string; after: string } {
  const at = template.indexOf(IMAGE_PLACEHOLDER);
  if (at === -1) throw new Error(`Body template without the image placeholder: ${template}`);
  return { before: template.slice(0, at), after: template.slice(at + IMAGE_PLACEHOLDER.length) };
}

/** A double-quoted literal valid in Python, JavaScript and Java (JSON string syntax). */
const quoted = (text: string) => JSON.stringify(text);
/** A single-quoted shell word. */
const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

function curlSample(t: SampleTarget): string {
  const { before, after } = splitBody(t.bodyTemplate);
  return `#!/usr/bin/env bash
# 用法：${SECRET_ENV}=<SecretKey> bash ocr.sh test.jpg   （需要 curl 7.76+ 与 OpenSSL 1.1+）
set -euo pipefail
URL=${shellQuoted(t.url)}
ACCESS_KEY=${shellQuoted(t.accessKey)}
APP_KEY=${shellQuoted(t.appKey)}
SECRET_KEY="\${${SECRET_ENV}:?${MISSING_SECRET}}"
IMAGE="\${1:-test.jpg}"

# 请求体写入临时文件（图片 base64 可达数 MB，不能放在命令行参数里）
BODY_FILE="$(mktemp)"
trap 'rm -f "$BODY_FILE"' EXIT
{ printf '%s' ${shellQuoted(before)}; base64 < "$IMAGE" | tr -d '\\n'; printf '%s' ${shellQuoted(after)}; } > "$BODY_FILE"

REQUEST_ID="$(openssl rand -hex 16)"
EOP_DATE="$(date -u +%Y%m%dT%H%M%SZ)"
hmac_hex() { openssl dgst -sha256 -mac HMAC -macopt "$1" | awk '{print $NF}'; }
K_TIME="$(printf '%s' "$EOP_DATE" | hmac_hex "key:$SECRET_KEY")"
K_AK="$(printf '%s' "$ACCESS_KEY" | hmac_hex "hexkey:$K_TIME")"
K_DATE="$(printf '%s' "\${EOP_DATE:0:8}" | hmac_hex "hexkey:$K_AK")"
BODY_SHA256="$(openssl dgst -sha256 < "$BODY_FILE" | awk '{print $NF}')"
# 待签字符串 = 排序后的「header名:值\\n」 + "\\n" + query（此处为空） + "\\n" + sha256(请求体)
SIGNATURE="$(printf 'appkey:%s\\nctyun-eop-request-id:%s\\neop-date:%s\\n\\n\\n%s' "$APP_KEY" "$REQUEST_ID" "$EOP_DATE" "$BODY_SHA256" |
  openssl dgst -sha256 -mac HMAC -macopt "hexkey:$K_DATE" -binary | base64)"

# --fail-with-body：错误时照样打印返回体（JSON：错误码、说明与 details），并以非零状态退出
curl -sS --fail-with-body -X POST "$URL" \\
  -H 'Content-Type: application/json' \\
  -H "appkey: $APP_KEY" \\
  -H "ctyun-eop-request-id: $REQUEST_ID" \\
  -H "eop-date: $EOP_DATE" \\
  -H "Eop-Authorization: $ACCESS_KEY Headers=${SIGNED_HEADER_LIST} Signature=$SIGNATURE" \\
  --data-binary "@$BODY_FILE"
echo
`;
}

function pythonSample(t: SampleTarget): string {
  const { before, after } = splitBody(t.bodyTemplate);
  return `# 用法：${SECRET_ENV}=<SecretKey> python3 ocr.py test.jpg   （Python 3.8+，只用标准库）
import base64, hashlib, hmac, os, sys, uuid, urllib.error, urllib.request
from datetime import datetime, timezone

URL = ${quoted(t.url)}
ACCESS_KEY = ${quoted(t.accessKey)}
APP_KEY = ${quoted(t.appKey)}
SECRET_KEY = os.environ.get(${quoted(SECRET_ENV)}) or sys.exit(${quoted(MISSING_SECRET)})


def hmac_sha256(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()


with open(sys.argv[1] if len(sys.argv) > 1 else "test.jpg", "rb") as f:
    image = base64.b64encode(f.read()).decode()
body = ${quoted(before)} + image + ${quoted(after)}
request_id = str(uuid.uuid4())
eop_date = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")

# 待签字符串 = 排序后的「header名:值\\n」 + "\\n" + query（此处为空） + "\\n" + sha256(请求体)
string_to_sign = (
    f"appkey:{APP_KEY}\\nctyun-eop-request-id:{request_id}\\neop-date:{eop_date}\\n"
    + "\\n" + "" + "\\n" + hashlib.sha256(body.encode("utf-8")).hexdigest()
)
k_time = hmac_sha256(SECRET_KEY.encode("utf-8"), eop_date)
k_ak = hmac_sha256(k_time, ACCESS_KEY)
k_date = hmac_sha256(k_ak, eop_date[:8])
signature = base64.b64encode(hmac_sha256(k_date, string_to_sign)).decode()

request = urllib.request.Request(URL, data=body.encode("utf-8"), method="POST", headers={
    "Content-Type": "application/json",
    "appkey": APP_KEY,
    "ctyun-eop-request-id": request_id,
    "eop-date": eop_date,
    "Eop-Authorization": f"{ACCESS_KEY} Headers=${SIGNED_HEADER_LIST} Signature={signature}",
})
try:
    with urllib.request.urlopen(request) as response:
        print(response.read().decode("utf-8"))
except urllib.error.HTTPError as error:  # 错误的返回体同样是 JSON：错误码、说明与 details
    print(error.read().decode("utf-8"))
    sys.exit(1)
`;
}

function nodeSample(t: SampleTarget): string {
  const { before, after } = splitBody(t.bodyTemplate);
  return `// 用法：${SECRET_ENV}=<SecretKey> node ocr.mjs test.jpg   （Node.js 18+，无需安装依赖）
import { createHash, createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

const URL = ${quoted(t.url)};
const ACCESS_KEY = ${quoted(t.accessKey)};
const APP_KEY = ${quoted(t.appKey)};
const SECRET_KEY = process.env.${SECRET_ENV};
if (!SECRET_KEY) {
  console.error(${quoted(MISSING_SECRET)});
  process.exit(1);
}

const hmac = (key, message) => createHmac("sha256", key).update(message, "utf8").digest();
const image = readFileSync(process.argv[2] ?? "test.jpg").toString("base64");
const body = ${quoted(before)} + image + ${quoted(after)};
const requestId = randomUUID();
const eopDate = new Date().toISOString().replace(/[-:]/g, "").replace(/\\.\\d{3}/, ""); // yyyymmddTHHMMSSZ

// 待签字符串 = 排序后的「header名:值\\n」 + "\\n" + query（此处为空） + "\\n" + sha256(请求体)
const stringToSign =
  "appkey:" + APP_KEY + "\\n" + "ctyun-eop-request-id:" + requestId + "\\n" + "eop-date:" + eopDate + "\\n" +
  "\\n" + "" + "\\n" + createHash("sha256").update(body, "utf8").digest("hex");
const kTime = hmac(SECRET_KEY, eopDate);
const kAk = hmac(kTime, ACCESS_KEY);
const kDate = hmac(kAk, eopDate.slice(0, 8));
const signature = hmac(kDate, stringToSign).toString("base64");

const response = await fetch(URL, {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    appkey: APP_KEY,
    "ctyun-eop-request-id": requestId,
    "eop-date": eopDate,
    "Eop-Authorization": ACCESS_KEY + " Headers=${SIGNED_HEADER_LIST} Signature=" + signature,
  },
  body,
});
console.log(await response.text()); // 错误的返回体同样是 JSON：错误码、说明与 details
if (!response.ok) process.exitCode = 1;
`;
}

function javaSample(t: SampleTarget): string {
  const { before, after } = splitBody(t.bodyTemplate);
  return `// 用法：${SECRET_ENV}=<SecretKey> java Ocr.java test.jpg   （JDK 11+，无需依赖）
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Ocr {
    static final String URL = ${quoted(t.url)};
    static final String ACCESS_KEY = ${quoted(t.accessKey)};
    static final String APP_KEY = ${quoted(t.appKey)};

    static byte[] hmacSha256(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(String text) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (byte b : MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))) hex.append(String.format("%02x", b));
        return hex.toString();
    }

    public static void main(String[] args) throws Exception {
        String secretKey = System.getenv(${quoted(SECRET_ENV)});
        if (secretKey == null || secretKey.isEmpty()) {
            System.err.println(${quoted(MISSING_SECRET)});
            System.exit(1);
        }
        String image = Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(args.length > 0 ? args[0] : "test.jpg")));
        String body = ${quoted(before)} + image + ${quoted(after)};
        String requestId = UUID.randomUUID().toString();
        String eopDate = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));

        // 待签字符串 = 排序后的「header名:值\\n」 + "\\n" + query（此处为空） + "\\n" + sha256(请求体)
        String stringToSign = "appkey:" + APP_KEY + "\\n" + "ctyun-eop-request-id:" + requestId + "\\n" + "eop-date:" + eopDate + "\\n"
            + "\\n" + "" + "\\n" + sha256Hex(body);
        byte[] kTime = hmacSha256(secretKey.getBytes(StandardCharsets.UTF_8), eopDate);
        byte[] kAk = hmacSha256(kTime, ACCESS_KEY);
        byte[] kDate = hmacSha256(kAk, eopDate.substring(0, 8));
        String signature = Base64.getEncoder().encodeToString(hmacSha256(kDate, stringToSign));

        HttpRequest request = HttpRequest.newBuilder(URI.create(URL))
            .header("Content-Type", "application/json")
            .header("appkey", APP_KEY)
            .header("ctyun-eop-request-id", requestId)
            .header("eop-date", eopDate)
            .header("Eop-Authorization", ACCESS_KEY + " Headers=${SIGNED_HEADER_LIST} Signature=" + signature)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        // UTF-8 whatever the console's locale, so the Chinese text prints as text, not "???"
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println(response.body()); // 错误的返回体同样是 JSON：错误码、说明与 details
        if (response.statusCode() >= 400) System.exit(1);
    }
}
`;
}

export function codeSamples(target: SampleTarget): CodeSample[] {
  return [
    { language: "curl", label: "curl", file: "ocr.sh", run: `${SECRET_ENV}=<SecretKey> bash ocr.sh test.jpg`, code: curlSample(target) },
    {
      language: "python",
      label: "Python",
      file: "ocr.py",
      run: `${SECRET_ENV}=<SecretKey> python3 ocr.py test.jpg`,
      code: pythonSample(target),
    },
    {
      language: "node",
      label: "Node.js",
      file: "ocr.mjs",
      run: `${SECRET_ENV}=<SecretKey> node ocr.mjs test.jpg`,
      code: nodeSample(target),
    },
    {
      language: "java",
      label: "Java",
      file: "Ocr.java",
      run: `${SECRET_ENV}=<SecretKey> java Ocr.java test.jpg`,
      code: javaSample(target),
    },
  ];
}
