import { ConformanceError } from "../../src/model/errors.js";

/** Runs `read` and returns the ConformanceError it throws; anything else fails the test. */
export function errorOf(read: () => unknown): ConformanceError {
  try {
    read();
  } catch (error) {
    if (error instanceof ConformanceError) return error;
    throw error;
  }
  throw new Error("expected a ConformanceError");
}
