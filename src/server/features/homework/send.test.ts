import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { readPdf } from '../../../../tests/helpers/pdf.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import { startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import { clientCopyOf } from '../../../shared/client-copy.js';
import { escapeHtml } from '../../../shared/escape.js';
import { smtpTransport } from '../../email/transport.js';
import { renderedDrawing } from '../library/drawing-files.js';
import { builtInLibrary } from '../library/library.js';

describeEachDatabase('what the client takes home: the handout and the email', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let smtp: TestSmtp;
  let owner: Session;
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await buildTestApp({ database: database(), transport: smtpTransport(smtp.url) });
    owner = await signUp(app.http, { practiceName: 'Harbour Massage', name: 'Tess Rowe' });
  });
  afterAll(async () => {
    await app.http.close();
    await smtp.close();
  });
  const call = () => as(app.http, owner);

  const calf = builtInLibrary().get('calf-ball-release')!;
  const skull = builtInLibrary().get('suboccipital-ball-release')!;
  // A caution that only warns for the calf release: the client's copy says what to watch for.
  const caution = calf.cautionWith.find((c) => !skull.excludedBy.includes(c))!;

  const clientWithTwo = () =>
    clientWithHomework(app.http, owner, {
      exerciseIds: ['calf-ball-release', 'suboccipital-ball-release'],
      client: {
        intake: { complaints: ['tight-calves', 'headaches'], tools: ['tennis-ball'], cautions: [caution], goals: 'Run without calf pain' },
      },
    });

  it("prints both items on one page, on Letter and on A4, with every don't, the get-help line and what to watch for", async () => {
    expect(calf.getHelp, 'the calf release has a get-help line').toBeTruthy();
    expect(clientCopyOf(calf, [caution]).watchFor, 'a line to watch for').not.toEqual([]);
    const { client } = await clientWithTwo();
    for (const paperSize of ['letter', 'a4'] as const) {
      await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { paperSize } });
      const res = await call()({ method: 'GET', url: `/api/v1/clients/${client.id}/handout.pdf` });
      expect(res.statusCode).toBe(200);
      const pdf = await readPdf(res.rawPayload);
      expect(pdf.pages, paperSize).toBe(1);
      expect(pdf.size.width).toBe(paperSize === 'a4' ? 595 : 612);
      for (const e of [calf, skull]) {
        const copy = clientCopyOf(e, [caution]);
        expect(pdf.text).toContain(e.name);
        for (const line of [...copy.donts, ...copy.tips, e.stopIf, ...copy.watchFor]) expect(pdf.text).toContain(line);
        if (copy.getHelp) expect(pdf.text).toContain(copy.getHelp);
      }
      expect(pdf.text).toContain(clientCopyOf(calf, []).getHelp);
      expect(pdf.text).toContain('Run without calf pain');
    }
    await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { paperSize: 'letter' } });
  });

  it("emails every don't, tip and get-help line, and each drawing as an inline picture with its words", async () => {
    const { client, session } = await clientWithTwo();
    const before = smtp.messages.length;
    expect((await call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/send` })).statusCode).toBe(202);
    await app.jobs.runDue();
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(client.email);
    const html = String(mail.html);

    for (const e of [calf, skull]) {
      const copy = clientCopyOf(e, [caution]);
      for (const line of [e.name, ...copy.donts, ...copy.tips, e.stopIf, ...copy.watchFor]) {
        expect(mail.text).toContain(line);
        expect(html).toContain(escapeHtml(line));
      }
      if (copy.getHelp) {
        expect(mail.text).toContain(copy.getHelp);
        expect(html).toContain(escapeHtml(copy.getHelp));
      }
    }

    // One PNG per item inside the mail, each shown where the HTML names its Content-ID, with alt text.
    const pictures = mail.attachments.filter((a) => a.contentType === 'image/png');
    expect(pictures).toHaveLength(2);
    [calf, skull].forEach((e, i) => {
      const picture = pictures[i];
      expect(picture.contentDisposition).toBe('inline');
      expect(picture.cid).toBeTruthy();
      expect(picture.content.subarray(1, 4).toString()).toBe('PNG');
      expect(picture.content.readUInt32BE(16)).toBe(480);
      const img = html.match(new RegExp(`<img src="cid:${picture.cid?.replace(/[.]/g, '\\.')}" alt="([^"]+)"`));
      expect(img?.[1]).toBe(escapeHtml(renderedDrawing(e).alt));
    });
    expect(mail.attachments.filter((a) => a.contentType === 'application/pdf')).toHaveLength(1);

    // The pictures go with the mail's other files when the client is deleted.
    const row = await database()
      .db.selectFrom('emails')
      .select('attachments')
      .where('to_address', '=', client.email)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.attachments ?? '[]').filter((a: { cid?: string }) => a.cid)).toHaveLength(2);
  });
});
