/**
 * formatValue shows any value a JavaScript config can hold, never throwing.
 */
import { formatValue } from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

describe("formatValue", () => {
  it("shows strings as JSON", () => {
    expect(formatValue('a "b"')).toBe('"a \\"b\\""');
  });

  it("falls back to String for a BigInt", () => {
    expect(formatValue(10n)).toBe("10");
  });

  it("survives an object whose toString is not a function", () => {
    const value = [{ toString: new Date(0), "": 0n }];
    expect(formatValue(value)).toBe("an array");
    expect(formatValue({ toString: 1, big: 1n })).toBe(
      "a value of type object",
    );
  });

  it("shortens long values", () => {
    const text = formatValue(Array.from({ length: 50 }, (_, i) => i));
    expect(text).toHaveLength(80);
    expect(text.endsWith("...")).toBe(true);
  });
});
