import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLease, releaseLease, renewLease, whileHolding } from "../../src/store/leases.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

const T0 = new Date("2026-03-02T09:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const TTL = 60_000;

describe.each(testProviders)("job leases on %s", (provider) => {
  let database: MigratedTestDatabase;
  let n = 0;
  /** A lease name no other test uses. */
  const lease = () => `job-${(n += 1)}`;

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const holderOf = async (name: string) => (await database.prisma.jobLease.findUnique({ where: { name } }))?.holder ?? null;

  it("the first to ask gets the lease", async () => {
    const name = lease();
    expect(await acquireLease(database.prisma, name, "instance-a", TTL, T0)).toBe(true);
    const row = await database.prisma.jobLease.findUnique({ where: { name } });
    expect(row).toMatchObject({ holder: "instance-a", acquiredAt: T0, expiresAt: at(60) });
  });

  it("a second holder is refused while the lease is unexpired", async () => {
    const name = lease();
    await acquireLease(database.prisma, name, "instance-a", TTL, T0);
    expect(await acquireLease(database.prisma, name, "instance-b", TTL, at(59))).toBe(false);
    expect(await holderOf(name)).toBe("instance-a");
  });

  it("the holder can renew, which pushes the expiry out", async () => {
    const name = lease();
    await acquireLease(database.prisma, name, "instance-a", TTL, T0);
    expect(await acquireLease(database.prisma, name, "instance-a", TTL, at(50))).toBe(true);
    // Past the first expiry, but within the renewed one: still refused to others.
    expect(await acquireLease(database.prisma, name, "instance-b", TTL, at(90))).toBe(false);
    expect(await database.prisma.jobLease.findUnique({ where: { name } })).toMatchObject({ holder: "instance-a", expiresAt: at(110) });
  });

  it("after expiry another holder takes over (the first one died)", async () => {
    const name = lease();
    await acquireLease(database.prisma, name, "instance-a", TTL, T0);
    expect(await acquireLease(database.prisma, name, "instance-b", TTL, at(60))).toBe(true);
    expect(await holderOf(name)).toBe("instance-b");
    expect(await acquireLease(database.prisma, name, "instance-a", TTL, at(61))).toBe(false);
  });

  it("released, the lease can be taken by another at once", async () => {
    const name = lease();
    await acquireLease(database.prisma, name, "instance-a", TTL, T0);
    await releaseLease(database.prisma, name, "instance-a");
    expect(await acquireLease(database.prisma, name, "instance-b", TTL, at(1))).toBe(true);
    expect(await holderOf(name)).toBe("instance-b");
  });

  it("releasing a lease someone else holds does nothing", async () => {
    const name = lease();
    await acquireLease(database.prisma, name, "instance-a", TTL, T0);
    await releaseLease(database.prisma, name, "instance-b");
    expect(await holderOf(name)).toBe("instance-a");
  });

  it("of ten holders asking at once for a free lease, exactly one gets it", async () => {
    const name = lease();
    const holders = Array.from({ length: 10 }, (_, i) => `instance-${i}`);
    const results = await Promise.all(holders.map((h) => acquireLease(database.prisma, name, h, TTL, T0)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await holderOf(name)).toBe(holders[results.indexOf(true)]);
  });

  it("of ten holders asking at once for an expired lease, exactly one gets it", async () => {
    const name = lease();
    await acquireLease(database.prisma, name, "dead-instance", TTL, T0);
    const holders = Array.from({ length: 10 }, (_, i) => `instance-${i}`);
    const results = await Promise.all(holders.map((h) => acquireLease(database.prisma, name, h, TTL, at(120))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await holderOf(name)).toBe(holders[results.indexOf(true)]);
  });

  it("renewing extends only a lease the holder still has: never one released or taken", async () => {
    const name = lease();
    await acquireLease(database.prisma, name, "instance-a", TTL, T0);
    expect(await renewLease(database.prisma, name, "instance-a", TTL, at(30))).toBe(true);
    expect((await database.prisma.jobLease.findUniqueOrThrow({ where: { name } })).expiresAt).toEqual(at(90));
    expect(await renewLease(database.prisma, name, "instance-b", TTL, at(31))).toBe(false);
    await releaseLease(database.prisma, name, "instance-a");
    expect(await renewLease(database.prisma, name, "instance-a", TTL, at(32))).toBe(false);
    expect(await holderOf(name)).toBeNull(); // a late renewal does not bring a finished run's lease back
  });

  describe("while a job runs", () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const timing = { ttlMs: 1_000, renewEveryMs: 200 };

    it("its holder keeps renewing the lease, so no one else gets it past the TTL; it is released when the run ends", async () => {
      const name = lease();
      expect(await acquireLease(database.prisma, name, "instance-a", timing.ttlMs, new Date())).toBe(true);
      const lost: unknown[] = [];
      let refusedAfterTtl: boolean | null = null;
      await whileHolding(
        database.prisma,
        name,
        "instance-a",
        async () => {
          await sleep(1_600); // longer than the TTL: only renewal keeps the lease
          refusedAfterTtl = !(await acquireLease(database.prisma, name, "instance-b", timing.ttlMs, new Date()));
        },
        (error) => lost.push(error ?? "taken"),
        timing,
      );
      expect(refusedAfterTtl).toBe(true);
      expect(lost).toEqual([]);
      expect(await holderOf(name)).toBeNull();
      expect(await acquireLease(database.prisma, name, "instance-b", timing.ttlMs, new Date())).toBe(true);
    });

    it("a holder whose lease was taken (it stalled past the TTL) is told at its next renewal, and does not release the new holder's lease", async () => {
      const name = lease();
      await acquireLease(database.prisma, name, "instance-a", timing.ttlMs, new Date());
      const lost: unknown[] = [];
      await whileHolding(
        database.prisma,
        name,
        "instance-a",
        async () => {
          // As if instance-a had stalled: its lease lapsed and instance-b took it.
          await database.prisma.jobLease.updateMany({ where: { name }, data: { expiresAt: new Date(Date.now() - 1) } });
          expect(await acquireLease(database.prisma, name, "instance-b", 60_000, new Date())).toBe(true);
          for (let i = 0; i < 50 && lost.length === 0; i++) await sleep(50);
        },
        (error) => lost.push(error ?? "taken"),
        timing,
      );
      expect(lost).toEqual(["taken"]);
      expect(await holderOf(name)).toBe("instance-b");
    });
  });
});
