import type { Readable } from "node:stream";
import { CliError } from "./errors";

/** What the CLI reads and writes; the real process by default, strings in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  env: Record<string, string | undefined>;
}

async function readFirstLine(stdin: Readable): Promise<string> {
  let text = "";
  stdin.setEncoding("utf8");
  for await (const chunk of stdin) {
    text += chunk as string;
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/, 1)[0] ?? "";
}

/** Prompts on the terminal without echoing what is typed. */
function promptHidden(io: CliIo, prompt: string): Promise<string> {
  const { stdin } = io;
  io.stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          done();
          resolve(value);
          return;
        }
        if (ch === "\u0003" || ch === "\u0004") {
          done();
          reject(new CliError("Cancelled", 130));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/**
 * A secret (API token, password) without it passing through the command line, where it would be
 * kept in shell history and visible in `ps`: from the env variable if set, else typed at a hidden
 * prompt (twice when `confirm`), else the first line of piped stdin.
 */
export async function readSecret(io: CliIo, options: { envName: string; label: string; confirm?: boolean }): Promise<string> {
  const fromEnv = io.env[options.envName];
  if (fromEnv) return fromEnv;
  if (io.stdin.isTTY) {
    const value = await promptHidden(io, `${options.label}: `);
    if (options.confirm && (await promptHidden(io, `Repeat ${options.label.toLowerCase()}: `)) !== value) {
      throw new CliError(`The two ${options.label.toLowerCase()} entries differ`);
    }
    if (!value) throw new CliError(`No ${options.label.toLowerCase()} given`);
    return value;
  }
  const value = await readFirstLine(io.stdin);
  if (!value) {
    throw new CliError(`No ${options.label.toLowerCase()} given: set ${options.envName}, pipe it on stdin, or run in a terminal to be prompted`, 2);
  }
  return value;
}
