import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { tsxImports } from "../../scripts/node-flags.mjs";

/** One app instance (server.ts, production build) in its own process, with its log lines. */
export type AppInstance = {
  child: ChildProcess;
  baseUrl: string;
  collabUrl: string;
  port: number;
  /** Every line the process printed (stdout and stderr), with when it arrived. */
  lines: { at: number; text: string }[];
  /** Lines printed between two moments. */
  linesBetween: (from: number, to?: number) => string[];
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/** Starts server.ts in production mode on `port` (0: any) with the given environment. */
export async function startApp(env: Record<string, string | undefined>, port = 0): Promise<AppInstance> {
  const root = process.cwd();
  const childEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), MARGINALIA_INITIAL_HEAP_MB: "0", ...env } as NodeJS.ProcessEnv;
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [...tsxImports(), path.join(root, "server.ts")], { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  const lines: AppInstance["lines"] = [];
  let partial = "";
  const onData = (chunk: Buffer) => {
    partial += chunk;
    const parts = partial.split("\n");
    partial = parts.pop()!;
    for (const text of parts) if (text.trim()) lines.push({ at: Date.now(), text });
    if (process.env.FAULTS_LOG) process.stderr.write(chunk);
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const ready = lines.map((l) => /ready on (http:\/\/\S+?)[\s"]/.exec(l.text)).find(Boolean);
      if (ready) {
        clearInterval(timer);
        clearTimeout(deadline);
        resolve(ready[1].replace("localhost", "127.0.0.1"));
      }
    }, 50);
    const deadline = setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`the app did not start within 120 s:\n${lines.map((l) => l.text).join("\n")}`));
    }, 120_000);
    child.once("exit", (code) => {
      clearInterval(timer);
      clearTimeout(deadline);
      reject(new Error(`the app exited (${code}) before it was ready:\n${lines.map((l) => l.text).join("\n")}`));
    });
  });
  const url = new URL(baseUrl);
  return {
    child,
    baseUrl,
    collabUrl: `ws://${url.host}/collab`,
    port: Number(url.port),
    lines,
    linesBetween: (from, to = Infinity) => lines.filter((l) => l.at >= from && l.at <= to).map((l) => l.text),
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
