import { describe, expect, it } from 'vitest';
import { letter } from './layout.js';
import { fromPractice, stopEmails } from './sender.js';

describe('a mail to a client, written once', () => {
  const url = 'https://carryover.example/c/abc123';
  const stop = stopEmails(url);

  it('says the same words as text and as HTML, with the name escaped in the HTML', () => {
    const mail = letter({
      practiceName: 'Calm & Co',
      subject: 'We miss you, Sam <b>',
      heading: 'We miss you',
      greeting: 'Hi Sam <b>,',
      paragraphs: ['It has been a while.'],
      action: { label: 'Open my page', href: url },
      stopUrl: stop.url,
    });
    expect(mail.subject).toBe('We miss you, Sam <b>');
    expect(mail.text).toContain('Hi Sam <b>,');
    expect(mail.text).toContain(`Open my page:\n${url}`);
    expect(mail.text.trimEnd().endsWith(`Stop them here:\n${stop.url}`)).toBe(true);
    expect(mail.html).toContain('Hi Sam &lt;b&gt;,');
    expect(mail.html).toContain('CALM &amp; CO');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.html).toContain(`href="${stop.url}"`);
  });

  it('gives the stop-emails address of the client page link, for one-click unsubscribe', () => {
    expect(stop.url).toBe('https://carryover.example/api/v1/portal/abc123/unsubscribe');
    expect(stop.headers).toEqual({
      'List-Unsubscribe': '<https://carryover.example/api/v1/portal/abc123/unsubscribe>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it("comes from the practice's sender name, replies going to the therapist, else the practice", () => {
    const practice = { name: 'Calm Hands', sender_name: 'Calm Hands Massage', reply_to: 'desk@calm.example' };
    expect(fromPractice(practice, 'tess@calm.example')).toEqual({ fromName: 'Calm Hands Massage', replyTo: 'tess@calm.example' });
    expect(fromPractice({ ...practice, sender_name: null })).toEqual({ fromName: 'Calm Hands', replyTo: 'desk@calm.example' });
  });
});
