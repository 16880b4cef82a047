import supertest, { type Response } from 'supertest';
import { documentMismatchOf } from './checked-answers';

/**
 * Every answer a test gets through supertest is checked against the API document, whatever the
 * test itself expects of it (loaded once by .mocharc's root hooks, so no test can leave it out).
 * A test whose own expectations fail reports that first; otherwise a mismatch fails the request.
 */
interface TestInternals {
  method: string;
  url: string;
  assert: (this: TestInternals, resError: Error | null, res: Response | undefined, fn?: (error: Error | null, res?: Response) => void) => void;
}

const prototype = supertest.Test.prototype as unknown as TestInternals;
const assertExpectations = prototype.assert;

function mismatchOf(test: TestInternals, response: Response): Error | undefined {
  try {
    return documentMismatchOf({ method: test.method, url: test.url, status: response.status, headers: response.headers, text: response.text ?? '' });
  } catch (error) {
    return error as Error;
  }
}

prototype.assert = function (this: TestInternals, resError, res, fn) {
  assertExpectations.call(this, resError, res, (error, response) => {
    fn?.call(this, error ?? (response ? mismatchOf(this, response) : undefined) ?? null, response);
  });
};
