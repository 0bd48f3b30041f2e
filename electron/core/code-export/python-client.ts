// A credential as a small Python client (standard library only): the same recipe as data and the
// same lifecycle rules as the TypeScript client, with a lock for single flight across threads.
import type { ExportPlan } from './export-plan';

const RUNTIME = String.raw`

class TokenRequestRefused(Exception):
    """A token request was not sent: too soon after the last one, or the auth service asked to wait."""

    def __init__(self, message, retry_in_seconds):
        super().__init__(message)
        self.retry_in_seconds = retry_in_seconds


class TokenRequestFailed(Exception):
    """The auth service answered, but not with a token. Secrets are never part of the message."""

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


class ApiResponse:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))


_TEMPLATE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$", re.I)


def _read_path(value, path):
    for part in path.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _parse_iso(text, zone):
    match = _ISO.match(text.strip())
    if not match:
        return None
    y, mo, d, h, mi, s, fraction, offset = match.groups()
    micro = int((fraction or "")[:3].ljust(3, "0")) * 1000
    wall = datetime.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), micro)
    if offset is None:
        tz = datetime.timezone.utc if zone in ("UTC", "Etc/UTC") else zoneinfo.ZoneInfo(zone)
    elif offset.upper() == "Z":
        tz = datetime.timezone.utc
    else:
        digits = offset.replace(":", "")
        minutes = int(digits[1:3]) * 60 + int(digits[3:5] or 0)
        tz = datetime.timezone(datetime.timedelta(minutes=-minutes if digits[0] == "-" else minutes))
    return wall.replace(tzinfo=tz).timestamp()


def _jwt_exp(token):
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except ValueError:
        return None
    exp = payload.get("exp") if isinstance(payload, dict) else None
    return float(exp) if isinstance(exp, (int, float)) else None


def _retry_after(header, now):
    if not header:
        return None
    if header.strip().isdigit():
        return float(header.strip())
    try:
        return max(0.0, email.utils.parsedate_to_datetime(header).timestamp() - now)
    except (TypeError, ValueError):
        return None


class TokenClient:
    """Gets, caches and renews the token; request() attaches it and applies the 401 rule."""

    def __init__(self, env=None, now=None):
        env = os.environ if env is None else env
        self._now = now or time.time
        self._values = {}
        missing = []
        for name, variable in VARIABLES.items():
            value = env.get(variable["env"]) or variable.get("default")
            if not value:
                missing.append(variable["env"])
            else:
                self._values[name] = value
        if missing:
            raise RuntimeError("Set the environment variable(s) %s to use the %s token client." % (", ".join(missing), CREDENTIAL))
        self._lock = threading.Lock()
        self._held = None
        self._last_request_at = float("-inf")
        self._not_before = float("-inf")
        self._failures = 0

    def get_token(self):
        """A valid token: the held one, or a new one (one request however many threads wait for it)."""
        with self._lock:
            if self._held is None or self._due_for_renewal(self._held):
                self._obtain(force=False)
            return self._held["token"]

    def request(self, method, url, headers=None, body=None):
        """Sends the request with the token attached; on 401 renews once and retries once."""
        self.get_token()
        used = self._held
        response = self._send(method, url, headers, body, used)
        if response.status != 401:
            return response
        with self._lock:
            # Another thread may have renewed meanwhile: only a token still held is renewed.
            if self._held is used:
                self._obtain(force=True)
            current = self._held
        return self._send(method, url, headers, body, current)

    def _send(self, method, url, headers, body, held):
        value = self._fill(USE["value"], {"token": held["token"], "tokenType": held["tokenType"]})
        headers = dict(headers or {})
        if USE["in"] == "query":
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode({USE["name"]: value})
        else:
            headers[USE["name"]] = value
        data = body.encode("utf-8") if isinstance(body, str) else body
        return _http(method, url, headers, data, 30)

    def _due_for_renewal(self, held):
        if held["expires_at"] is None:
            return False
        lifetime = max(0.0, held["expires_at"] - held["issued_at"])
        margin = MARGIN_SECONDS if MARGIN_SECONDS is not None else max(30.0, lifetime * 0.1)
        return self._now() >= held["expires_at"] - min(margin, lifetime / 2)

    def _obtain(self, force):
        now = self._now()
        allowed_at = max(self._last_request_at + GUARD["minIntervalSeconds"], self._not_before)
        if now < allowed_at:
            held = self._held
            if not force and held and (held["expires_at"] is None or held["expires_at"] > now):
                return
            wait = int(math.ceil(allowed_at - now))
            raise TokenRequestRefused(
                "No token request was sent: the %s auth service is asked at most every %s s (or later when it asked to wait). Try again in %d s."
                % (CREDENTIAL, GUARD["minIntervalSeconds"], wait), allowed_at - now)
        self._last_request_at = now
        held = self._held
        if held and held.get("refresh_token") and REFRESH_REQUEST:
            try:
                self._request(REFRESH_REQUEST, {"refreshToken": held["refresh_token"], "token": held["token"]})
                return
            except TokenRequestFailed as error:
                # The refresh token was refused: sign in again.
                if error.status is None or error.status >= 500 or error.status == 429:
                    raise
        self._request(TOKEN_REQUEST, {})

    def _fill(self, template, extra=None):
        extra = extra or {}
        return _TEMPLATE.sub(lambda m: extra.get(m.group(1), self._values.get(m.group(1), "")), template)

    def _request(self, recipe, extra):
        fill = lambda template: self._fill(template, extra)
        url = fill(recipe["url"])
        if recipe["query"]:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode([(k, fill(v)) for k, v in recipe["query"].items()])
        headers = {name: fill(value) for name, value in recipe["headers"].items()}
        auth = recipe["clientAuth"]
        if auth["type"] == "basic":
            pair = (fill(auth["username"]) + ":" + fill(auth["password"])).encode("utf-8")
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        elif auth["type"] == "header":
            headers[auth["name"]] = fill(auth["value"])
        lower = {name.lower() for name in headers}
        if "accept" not in lower:
            headers["Accept"] = "application/json"
        data = None
        if recipe["body"]["encoding"] != "none":
            fields = {name: fill(value) for name, value in recipe["body"]["fields"].items()}
            if auth["type"] == "body":
                fields.update({name: fill(value) for name, value in auth["fields"].items()})
            is_json = recipe["body"]["encoding"] == "json"
            if "content-type" not in lower:
                headers["Content-Type"] = "application/json" if is_json else "application/x-www-form-urlencoded"
            data = (json.dumps(fields) if is_json else urllib.parse.urlencode(fields)).encode("utf-8")
        try:
            response = _http(recipe["method"], url, headers, data, recipe["timeoutSeconds"])
        except OSError as error:
            self._failed(None)
            raise TokenRequestFailed("The %s token request to %s failed: %s" % (CREDENTIAL, urllib.parse.urlsplit(url).netloc, error.__class__.__name__)) from None
        if response.status >= 300:
            self._failed(_retry_after(response.headers.get("Retry-After"), self._now()))
            raise TokenRequestFailed("The %s auth service answered %d to the token request." % (CREDENTIAL, response.status), response.status)
        try:
            body = response.json()
        except ValueError:
            self._failed(None)
            raise TokenRequestFailed("The %s auth service answered without JSON." % CREDENTIAL, response.status) from None
        token = _read_path(body, RESPONSE["token"])
        if not isinstance(token, str) or not token:
            self._failed(None)
            raise TokenRequestFailed('The %s token response has no "%s".' % (CREDENTIAL, RESPONSE["token"]), response.status)
        issued_at = self._now()
        token_type = _read_path(body, RESPONSE["tokenType"]) if RESPONSE.get("tokenType") else None
        refresh = _read_path(body, RESPONSE["refreshToken"]) if RESPONSE.get("refreshToken") else None
        self._failures = 0
        self._held = {
            "token": token,
            "tokenType": token_type if isinstance(token_type, str) else "Bearer",
            "refresh_token": refresh if isinstance(refresh, str) else extra.get("refreshToken"),
            "issued_at": issued_at,
            "expires_at": self._expiry(body, token, issued_at),
        }

    def _expiry(self, body, token, issued_at):
        lifetime = RESPONSE["lifetime"]
        kind = lifetime["from"]
        if kind == "fixed":
            return issued_at + lifetime["seconds"]
        at = None
        if kind == "jwt-exp":
            at = _jwt_exp(token)
        else:
            raw = _read_path(body, lifetime["path"])
            try:
                if kind == "expires-in" and raw not in (None, ""):
                    at = issued_at + float(raw)
                elif kind == "expires-at" and lifetime["format"] == "iso" and isinstance(raw, str):
                    at = _parse_iso(raw, lifetime["zone"])
                elif kind == "expires-at" and raw not in (None, ""):
                    at = float(raw) / (1 if lifetime["format"] == "epoch-seconds" else 1000)
            except (TypeError, ValueError):
                at = None
        if at is not None:
            return at
        if lifetime.get("fallbackSeconds") is not None:
            return issued_at + lifetime["fallbackSeconds"]
        raise TokenRequestFailed("The %s token response does not say how long the token lives." % CREDENTIAL)

    def _failed(self, server_wait):
        """After a failure: wait before the next attempt, doubling up to the maximum, or as the server asked."""
        self._failures += 1
        backoff = min(GUARD["backoffInitialSeconds"] * 2 ** (self._failures - 1), GUARD["backoffMaxSeconds"])
        self._not_before = self._now() + max(backoff, server_wait or 0)


def _http(method, url, headers, data, timeout):
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return ApiResponse(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return ApiResponse(error.code, error.headers, error.read())
`;

/** JSON literals read as Python literals once true/false/null are spelled the Python way. */
function pythonLiteral(value: unknown): string {
  return JSON.stringify(value, null, 4)
    .replace(/": true/g, '": True')
    .replace(/": false/g, '": False')
    .replace(/": null/g, '": None');
}

export function pythonClient(plan: ExportPlan): string {
  const { recipe } = plan;
  const variables = Object.fromEntries(plan.variables.map((v) => [v.name, { env: v.env, ...(v.default !== undefined ? { default: v.default } : {}) }]));
  const response = { token: recipe.tokenResponse.token, tokenType: recipe.tokenResponse.tokenType ?? null, refreshToken: recipe.tokenResponse.refreshToken ?? null, lifetime: recipe.tokenResponse.lifetime };
  return [
    ...plan.header.map((line) => (line ? `# ${line}` : '#')),
    '',
    'import base64',
    'import datetime',
    'import email.utils',
    'import json',
    'import math',
    'import os',
    'import re',
    'import threading',
    'import time',
    'import urllib.error',
    'import urllib.parse',
    'import urllib.request',
    'import zoneinfo',
    '',
    '# The recipe, as in Tokenbench. {{name}} is filled from the variables below; {{refreshToken}} is the held refresh token.',
    `CREDENTIAL = ${JSON.stringify(plan.credentialName)}`,
    `VARIABLES = ${pythonLiteral(variables)}`,
    `TOKEN_REQUEST = ${pythonLiteral(recipe.tokenRequest)}`,
    `REFRESH_REQUEST = ${recipe.renewal.refreshRequest ? pythonLiteral(recipe.renewal.refreshRequest) : 'None'}`,
    `RESPONSE = ${pythonLiteral(response)}`,
    `USE = ${pythonLiteral(recipe.use)}`,
    `GUARD = ${pythonLiteral(recipe.guard)}`,
    `MARGIN_SECONDS = ${recipe.renewal.marginSeconds ?? 'None'}`,
    RUNTIME,
  ].join('\n');
}
