import { crc32 } from "node:zlib";
import { expect } from "vitest";

/** Width and height from a PNG's IHDR chunk, after checking the signature and the chunk's CRC. */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  const length = png.readUInt32BE(8);
  expect(png.readUInt32BE(16 + length)).toBe(crc32(png.subarray(12, 16 + length)));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

