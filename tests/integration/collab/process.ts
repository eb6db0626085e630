import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { tsxImports } from "../../../scripts/node-flags.mjs";

/** Starts fixtures/collab-process.ts as a child process and resolves with its URL. */
export async function spawnCollab(env: Record<string, string>, port = 0): Promise<{ child: ChildProcess; url: string; port: number }> {
  const child = spawn(process.execPath, [...tsxImports(), path.join(import.meta.dirname, "fixtures", "collab-process.ts")], {
    cwd: process.cwd(),
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listening = await new Promise<number>((resolve, reject) => {
    // A guard against a process that never starts: a cold tsx start on a busy machine can take tens of seconds.
    const timer = setTimeout(() => reject(new Error(`collab process did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (process.env.COLLAB_PROCESS_LOG) process.stderr.write(chunk);
      const match = /LISTENING (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`collab process exited (${code}):\n${output}`)));
  });
  return { child, port: listening, url: `ws://127.0.0.1:${listening}/collab` };
}

export async function kill(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL") {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await new Promise((resolve) => child.once("exit", resolve));
}
