#!/usr/bin/env node
// npm runs this after `npm ci` / `npm install` in the project folder.
// - With the development dependencies (a plain `npm ci`): build, so that `npm start` runs at once.
// - Without them (`npm ci --omit=dev` on a server): nothing can be built there, so check that the
//   build made elsewhere (dist/) came along, and say what to do if it did not.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));

function installed(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

if (installed("typescript") && installed("prisma")) {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, "run", "build"], { cwd: root, stdio: "inherit" })
    : spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  process.exit(result.status ?? 1);
}

const entry = path.join(root, "dist/src/main.js");
if (existsSync(entry)) {
  console.log("rounds: development tools are not installed (--omit=dev); using the build in dist/.");
  process.exit(0);
}
console.error(
  [
    "rounds: dist/ is missing and cannot be built without the development dependencies (--omit=dev).",
    "Build first, where the development dependencies are installed:  npm ci   (it runs npm run build)",
    "then either remove them in place:                                  npm prune --omit=dev",
    "or copy the folder, dist/ included, and install there:             npm ci --omit=dev",
  ].join("\n"),
);
process.exit(1);
