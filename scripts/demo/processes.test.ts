import { spawn } from "node:child_process";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { printLines, readLines } from "./processes";

// A child that logs 2 MB of JSON lines the way the panel's logger does (pino: synchronous writes to fd 1), then serves
// HTTP and says on which port: the panel at start-up, in small.
const CHATTY_SERVER = `
const line = JSON.stringify({ level: 30, time: Date.now(), msg: "request", pad: "x".repeat(200) }) + "\\n";
const out = require("pino").destination({ dest: 1, sync: true });
let written = 0;
while (written < 2 * 1024 * 1024) { out.write(line); written += line.length; }
const server = require("node:http").createServer((_req, res) => res.end("ok"));
server.listen(0, "127.0.0.1", () => process.stderr.write("port " + server.address().port + "\\n"));
`;

const started: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill("SIGKILL");
});

function startChatty() {
  const child = spawn(process.execPath, ["-e", CHATTY_SERVER], { stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  const port = new Promise<number>((resolve) => child.stderr!.on("data", (chunk: Buffer) => resolve(Number(/port (\d+)/.exec(String(chunk))?.[1]))));
  return { child, port };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | "timed out"> {
  return Promise.race([promise, new Promise<"timed out">((r) => setTimeout(() => r("timed out"), ms))]);
}

describe("demo child output", () => {
  it("a child whose stdout is read stays responsive after writing more than 1 MB of log", async () => {
    const { child, port } = startChatty();
    let bytes = 0;
    readLines(child, (line) => (bytes += line.length + 1));
    const answer = await within(
      port.then((p) => fetch(`http://127.0.0.1:${p}/`).then((r) => r.text())),
      10_000,
    );
    expect(answer).toBe("ok");
    expect(bytes).toBeGreaterThan(1024 * 1024);
  });

  it("(the premise) a child whose stdout pipe is left unread blocks before it can serve", async () => {
    const { port } = startChatty();
    expect(await within(port, 1_500)).toBe("timed out");
  });

  it("prints the panel's JSON log lines as one readable line each, and other lines as they are", () => {
    let out = "";
    const sink = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
    const print = printLines("panel", sink);
    print(JSON.stringify({ level: 40, time: 0, pid: 1, hostname: "h", service: "mailroom", msg: "cPanel slow", requestId: "r-1" }));
    print("▲ Next.js ready");
    const [first, second] = out.trimEnd().split("\n");
    expect(first).toMatch(/^\[panel\] \[[\d:]+\] WARN: cPanel slow .*requestId.*r-1/);
    expect(first).not.toContain("hostname");
    expect(second).toBe("[panel] ▲ Next.js ready");
  });
});
