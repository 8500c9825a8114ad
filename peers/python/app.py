"""The FastAPI peer of the ping, fib, data and user scenarios (docs/contract.md); serve.py runs it under uvicorn.

Handlers are the articles' code (article A: ping, fib, data; article B: user) made to honour the contract:
strict ids, the contract's error bodies and statuses, and one upstream session and one Redis pool per worker
process, made at start-up, instead of a ClientSession per request.
"""
import asyncio
import contextlib
import json
import os

import py39compat  # noqa: F401  (first: lets PyPy 3.9 import Debian's starlette and aiohttp)

import aiohttp
import redis.asyncio
import redis.exceptions
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

MAX_N = 40
MAX_ID = 2**63 - 1
UPSTREAM_TIMEOUT_S = 1.0
REDIS_TIMEOUT_S = 1.0
MAX_UPSTREAM_BODY = 1 << 20
FIB_RULE = f"n must be an integer in 0..{MAX_N}"
ID_RULE = f"id must be an integer in 1..{MAX_ID}"
REASONS = {404: "not found", 405: "method not allowed"}

class LegFailed(Exception):
    """One leg of /data or /user failed; carries the contract's status and reason."""

    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def error(status, reason, headers=None):
    return JSONResponse({"error": reason}, status_code=status, headers=headers)


def parse_decimal(text, maximum):
    """The value of 1..19 plain ASCII digits when it is at most ``maximum``, else None (no sign, blank or '_')."""
    if not (0 < len(text) <= 19 and text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value <= maximum else None


def fibonacci(n):
    if n <= 1:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)


@contextlib.asynccontextmanager
async def lifespan(app):
    # One of each per worker process, shared by every request (article A opened a ClientSession per request).
    app.state.items_url = os.environ.get("UPSTREAM_URL", "http://127.0.0.1:8090").rstrip("/") + "/items/"
    app.state.upstream = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=UPSTREAM_TIMEOUT_S))
    app.state.redis = redis.asyncio.Redis.from_url(
        os.environ.get("REDIS_URL", "redis://127.0.0.1:6379"),
        socket_timeout=REDIS_TIMEOUT_S,
        socket_connect_timeout=REDIS_TIMEOUT_S,
    )
    try:
        yield
    finally:
        await app.state.upstream.close()
        await app.state.redis.close()
        await app.state.redis.connection_pool.disconnect()


app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
# FastAPI 0.92 (Debian bookworm) takes neither as a parameter (it would swallow them); its router has both.
app.router.lifespan_context = lifespan
app.router.redirect_slashes = False  # /ping/ is a 404, as on the Java service, not a 307 to /ping


@app.exception_handler(HTTPException)
async def http_error(request, exc):
    return error(exc.status_code, REASONS.get(exc.status_code, exc.detail), getattr(exc, "headers", None))


@app.exception_handler(LegFailed)
async def leg_failed(request, exc):
    return error(exc.status, exc.reason)


@app.exception_handler(Exception)
async def internal_error(request, exc):
    # Starlette logs the traceback after this answer; the client only learns that it was our fault.
    return error(500, "internal error")


@app.get("/health")
async def health():
    return {"status": "UP"}


@app.get("/ping")
async def ping():
    return {"message": "pong"}


@app.get("/fib/{n}")
def calc_fib(n: str):
    # A plain def, as in article A: FastAPI runs it in its thread pool, where it holds the GIL while it recurses.
    value = parse_decimal(n, MAX_N)
    if value is None:
        return error(400, FIB_RULE)
    return {"result": fibonacci(value)}


async def fetch_item(session, url):
    try:
        async with session.get(url) as response:
            if response.status != 200:
                raise LegFailed(502, f"upstream answered {response.status}")
            body = bytearray()
            async for chunk in response.content.iter_any():
                body += chunk
                if len(body) > MAX_UPSTREAM_BODY:
                    raise LegFailed(502, f"upstream body larger than {MAX_UPSTREAM_BODY} bytes")
    except asyncio.TimeoutError:
        raise LegFailed(502, f"upstream timed out after {UPSTREAM_TIMEOUT_S * 1000:.0f} ms") from None
    except aiohttp.ClientError as e:
        raise LegFailed(502, f"upstream unavailable: {e}") from None
    try:
        return json.loads(body, parse_constant=refuse_constant)
    except ValueError:  # JSONDecodeError, UnicodeDecodeError, and NaN/Infinity (not JSON)
        raise LegFailed(502, "upstream answered a body that is not JSON") from None


def refuse_constant(name):
    raise ValueError(f"{name} is not JSON")


async def redis_get(client, key):
    try:
        return await client.get(key)
    except redis.exceptions.TimeoutError:
        raise LegFailed(503, f"redis timed out after {REDIS_TIMEOUT_S * 1000:.0f} ms") from None
    except redis.exceptions.RedisError as e:  # connection refused or lost, and error replies such as WRONGTYPE
        raise LegFailed(503, f"redis unavailable: {e}") from None


@app.get("/data/")
@app.get("/user/")
async def empty_id():
    return error(400, ID_RULE)


@app.get("/data/{id}")
async def get_data(id: str):
    item_id = parse_decimal(id, MAX_ID)
    if item_id is None or item_id == 0:
        return error(400, ID_RULE)
    # Both legs start before either is awaited; gather raises the first failure, which decides the status.
    api_data, cache_data = await asyncio.gather(
        fetch_item(app.state.upstream, f"{app.state.items_url}{item_id}"),
        redis_get(app.state.redis, f"cache:{item_id}"),
    )
    return {"api": api_data, "cache": None if cache_data is None else cache_data.decode("utf-8", "replace")}


@app.get("/user/{user_id}")
async def get_user(user_id: str):
    item_id = parse_decimal(user_id, MAX_ID)
    if item_id is None or item_id == 0:
        return error(400, ID_RULE)
    data = await redis_get(app.state.redis, f"user:{item_id}")
    if data is None:
        return error(404, "not found")
    return json.loads(data)
