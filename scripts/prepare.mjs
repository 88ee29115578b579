#!/usr/bin/env node
// npm runs this after `npm ci` / `npm install` in the project folder.
// - A plain `npm ci` / `npm install`: build, so that `npm start` runs at once.
// - A production install (`npm ci --omit=dev` on a server): the build tools are not all there
//   (@types/luxon, @types/pg and others are dev-only), so build nothing; check that the build made before (dist/)
//   came along, and say what to do if it did not.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "dist/src/main.js");

// npm passes --omit to install scripts as npm_config_omit (and sets NODE_ENV=production).
const productionInstall = (process.env.npm_config_omit ?? "").split(/[\s,]+/).includes("dev");

if (!productionInstall) {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, "run", "build"], { cwd: root, stdio: "inherit" })
    : spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  process.exit(result.status ?? 1);
}

if (existsSync(entry)) {
  console.log("rounds: production install (--omit=dev): nothing to build; using the build in dist/.");
  process.exit(0);
}
console.error(
  [
    "rounds: dist/ is missing, and a production install (--omit=dev) does not build.",
    "Build first, where the development dependencies are installed:  npm ci   (it runs npm run build)",
    "then either remove them in place:                                  npm prune --omit=dev",
    "or copy the folder, dist/ included, and install there:             npm ci --omit=dev",
  ].join("\n"),
);
process.exit(1);
