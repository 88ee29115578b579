import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../src/store/migrator.js";
import { createTestDatabase, type TestDatabase } from "../support/databases.js";
import { loadPrismaTools, type PrismaTools } from "../support/prismaTools.js";
import { withRawSql, type RawSql } from "../support/rawSql.js";

/**
 * prisma/schema.prisma (SQLite) is the source of truth. These tests fail when its PostgreSQL twin,
 * the migration snapshot or the migrations themselves no longer say the same thing.
 */

let tools: PrismaTools;
beforeAll(async () => {
  tools = await loadPrismaTools();
});

const byJson = <T>(items: T[]): T[] => [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("schema files agree", () => {
  it("prisma/postgresql/schema.prisma is the generated twin of prisma/schema.prisma", () => {
    const expected = tools.toPostgresSchema(tools.readText(tools.sqliteSchemaPath));
    expect(
      tools.readText(tools.pgSchemaPath),
      "prisma/postgresql/schema.prisma is out of date: run `npm run db:twin` (never edit the twin by hand)",
    ).toBe(expected);
  });

  it("every change to prisma/schema.prisma has a migration (the migration snapshot equals the schema)", () => {
    expect(
      tools.readText(tools.snapshotPath),
      "prisma/schema.prisma changed since the last migration: run `npm run db:migration -- NAME` to write one for both databases",
    ).toBe(tools.readText(tools.sqliteSchemaPath));
  });
});

/** Tables, columns, indexes and foreign keys of a SQLite database, in a comparable form. */
async function sqliteStructure(sql: RawSql) {
  const tables = (
    await sql.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
    )
  ).map((t) => t.name);
  const structure: Record<string, unknown> = {};
  for (const table of tables) {
    const q = `"${table.replace(/"/g, '""')}"`;
    const columns = await sql.all<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(
      `PRAGMA table_info(${q})`,
    );
    const indexList = await sql.all<{ name: string; unique: number; origin: string; partial: number }>(`PRAGMA index_list(${q})`);
    const indexes = [];
    for (const index of indexList) {
      const cols = await sql.all<{ seqno: number; name: string }>(`PRAGMA index_info("${index.name.replace(/"/g, '""')}")`);
      indexes.push({
        // Automatic indexes (primary keys, UNIQUE in CREATE TABLE) are named after the table's
        // name at creation, which differs when a migration rebuilt the table; their columns say it all.
        name: index.name.startsWith("sqlite_autoindex_") ? `(auto ${index.origin})` : index.name,
        unique: index.unique,
        partial: index.partial,
        columns: cols.sort((a, b) => a.seqno - b.seqno).map((c) => c.name),
      });
    }
    const fkRows = await sql.all<{ id: number; seq: number; table: string; from: string; to: string; on_update: string; on_delete: string }>(
      `PRAGMA foreign_key_list(${q})`,
    );
    const fks = new Map<number, { references: string; from: string[]; to: string[]; onUpdate: string; onDelete: string }>();
    for (const r of fkRows.sort((a, b) => a.id - b.id || a.seq - b.seq)) {
      const fk = fks.get(r.id) ?? { references: r.table, from: [], to: [], onUpdate: r.on_update, onDelete: r.on_delete };
      fk.from.push(r.from);
      fk.to.push(r.to);
      fks.set(r.id, fk);
    }
    structure[table] = {
      // Column order is not compared: ALTER TABLE ADD COLUMN appends where the schema may not.
      columns: byJson(columns.map((c) => ({ name: c.name, type: c.type, notnull: c.notnull, default: c.dflt_value, pk: c.pk }))),
      indexes: byJson(indexes),
      foreignKeys: byJson([...fks.values()]),
    };
  }
  return structure;
}

/** Columns, indexes, enums and constraints of a PostgreSQL database's public schema. */
async function postgresStructure(sql: RawSql) {
  const notBookkeeping = "<> '_prisma_migrations'";
  const columns = await sql.all(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
            character_maximum_length, numeric_precision, datetime_precision
     FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name ${notBookkeeping}
     ORDER BY table_name, column_name`,
  );
  const indexes = await sql.all(
    `SELECT tablename, indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename ${notBookkeeping}
     ORDER BY tablename, indexname`,
  );
  const enums = (
    await sql.all<{ name: string; label: string }>(
      `SELECT t.typname AS name, e.enumlabel AS label
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public'`,
    )
  ).reduce<Record<string, string[]>>((acc, r) => {
    (acc[r.name] ??= []).push(r.label);
    acc[r.name]!.sort(); // ADD VALUE appends; the order of labels is not part of the comparison
    return acc;
  }, {});
  const constraints = await sql.all(
    `SELECT r.relname AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
     WHERE n.nspname = 'public' AND r.relname ${notBookkeeping}
     ORDER BY 1, 2`,
  );
  return { columns, indexes, enums, constraints };
}

describe("migrations build the database the schema describes", () => {
  const databases: TestDatabase[] = [];
  const fresh = async (provider: "sqlite" | "postgresql") => {
    const db = await createTestDatabase(provider);
    databases.push(db);
    return db;
  };

  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it("on SQLite: prisma/migrations applied in order equal prisma/schema.prisma built from empty", async () => {
    const fromMigrations = await fresh("sqlite");
    const fromSchema = await fresh("sqlite");
    await migrate(fromMigrations.url);
    const createAll = tools.diffSql(null, tools.sqliteSchemaPath);
    await withRawSql(fromSchema.url, (sql) => sql.exec(createAll));

    const migrated = await withRawSql(fromMigrations.url, sqliteStructure);
    const described = await withRawSql(fromSchema.url, sqliteStructure);

    expect(Object.keys(described)).toContain("OutboxMessage");
    expect(
      migrated,
      "the SQLite migrations do not build what prisma/schema.prisma describes: was a migration edited, or the schema changed without `npm run db:migration -- NAME`?",
    ).toEqual(described);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    "on PostgreSQL: prisma/postgresql/migrations applied in order equal prisma/postgresql/schema.prisma built from empty",
    async () => {
      const fromMigrations = await fresh("postgresql");
      const fromSchema = await fresh("postgresql");
      await migrate(fromMigrations.url);
      const createAll = tools.diffSql(null, tools.pgSchemaPath);
      await withRawSql(fromSchema.url, (sql) => sql.exec(createAll));

      const migrated = await withRawSql(fromMigrations.url, postgresStructure);
      const described = await withRawSql(fromSchema.url, postgresStructure);

      expect(described.enums).toHaveProperty("OutboxStatus");
      expect(described.columns.length).toBeGreaterThan(50);
      expect(
        migrated,
        "the PostgreSQL migrations do not build what prisma/postgresql/schema.prisma describes: regenerate them with `npm run db:migration -- NAME`",
      ).toEqual(described);
    },
  );
});
