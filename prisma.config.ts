// Prisma CLI settings. Prisma 6.19 with the JavaScript engine: no native binaries are
// downloaded, so the CLI works where only the npm registry is reachable (see README).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: "file:./data/prisma-cli.db" }),
  schema: "prisma/schema.prisma",
});
