# Drives an exported Python token client for the code-export tests: one JSON command per stdin
# line, one JSON answer per stdout line. Its clock is a fake the test advances, in step with the
# emulator's, so renewal is tested without waiting. Concurrent calls run on threads.
import importlib.util
import json
import os
import sys
import threading

spec = importlib.util.spec_from_file_location("token_client", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
clock = [float(os.environ.get("DRIVER_START_MS", "0")) / 1000]
client = module.TokenClient(now=lambda: clock[0])


def call(url):
    try:
        return {"status": client.request("GET", url).status}
    except Exception as error:  # the test reads the error's class name
        return {"error": error.__class__.__name__, "message": str(error)}


for line in sys.stdin:
    command = json.loads(line)
    if command["op"] == "advance":
        clock[0] += command["seconds"]
        answer = {"ok": True}
    elif command["op"] == "calls":
        results = [None] * command["n"]
        barrier = threading.Barrier(command["n"])

        def run(i):
            barrier.wait()
            results[i] = call(command["url"])

        threads = [threading.Thread(target=run, args=(i,)) for i in range(command["n"])]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        answer = {"results": results}
    else:
        answer = call(command["url"])
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
