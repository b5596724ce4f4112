// Runs before each browser test file (vitest.config.ts): a console error or a page error on any
// page opened through launchBrowser() fails the test it happened in, unless the test allowed it.
import { afterEach, expect } from 'vitest';
import { unexpectedConsoleErrors } from './browser.js';

afterEach(() => {
  expect(unexpectedConsoleErrors(), 'console errors, CSP violations and page errors').toEqual([]);
});
