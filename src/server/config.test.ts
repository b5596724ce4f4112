import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration in production', () => {
  const base = { NODE_ENV: 'production', SMTP_URL: 'smtps://mail.example.com' };
  it('refuses to start without an https PUBLIC_URL, naming the variable', () => {
    expect(() => loadConfig({ ...base })).toThrow(/PUBLIC_URL: must be your https:\/\/ address/);
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'http://carryover.example.com' })).toThrow(/PUBLIC_URL/);
  });
  it('starts with one', () => {
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://carryover.example.com/' }).publicUrl).toBe('https://carryover.example.com');
  });
});
