import { describe, expect, it } from "vitest";
import { academicYearAt, academicYearStartSchema, academicYearStarting } from "../../src/domain/academicYear.js";

describe("a program's academic year", () => {
  it("runs July 1 to June 30 by default, named by both calendar years", () => {
    const y = academicYearAt(new Date("2026-12-07T10:00:00Z"));
    expect(y.label).toBe("2026–27");
    expect(y.start.toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(y.end.toISOString()).toBe("2027-07-01T00:00:00.000Z");
    expect(y.lastDay).toBe("2027-06-30");
  });

  it("puts June 30 in the year that ends then, and July 1 in the next, in the program's zone", () => {
    expect(academicYearAt(new Date("2027-06-30T23:00:00Z"), "07-01", "UTC").label).toBe("2026–27");
    // 2027-07-01 02:00 UTC is still June 30 in Chicago.
    expect(academicYearAt(new Date("2027-07-01T02:00:00Z"), "07-01", "America/Chicago").label).toBe("2026–27");
    expect(academicYearAt(new Date("2027-07-01T06:00:00Z"), "07-01", "America/Chicago").label).toBe("2027–28");
  });

  it("follows a settable start, and a January start is one calendar year", () => {
    expect(academicYearAt(new Date("2026-08-15T00:00:00Z"), "09-01").label).toBe("2025–26");
    expect(academicYearStarting(2026, "01-01").label).toBe("2026");
    expect(academicYearStarting(2026, "01-01").lastDay).toBe("2026-12-31");
  });

  it("accepts real month-days only", () => {
    expect(academicYearStartSchema.safeParse("07-01").success).toBe(true);
    expect(academicYearStartSchema.safeParse("02-29").success).toBe(false);
    expect(academicYearStartSchema.safeParse("13-01").success).toBe(false);
    expect(academicYearStartSchema.safeParse("04-31").success).toBe(false);
    expect(academicYearStartSchema.safeParse("July 1").success).toBe(false);
  });
});
