// expiry_report: the company certificates and rotated app keys of the signed-in pods that expire within the warning
// window or already have (the expiry radar's report), a page at a time.
import { l10n } from '../../text/l10n';
import { answer, isoDate, pageLine, pageOf } from '../format';
import { cursorOf, fieldsOf, idText, optionalText, SCHEMA, signedInPod } from '../input';
import type { AgentTool } from '../tool';

export const expiryReport: AgentTool<{ podId?: string; cursor: number }> = {
  name: 'symphony_expiry_report',
  get title() {
    return l10n.t('Expiring certificates and app keys');
  },
  description: 'Lists the company certificates and rotated application RSA keys that have expired or expire within the warning window (in days, given in the answer), oldest first, across the signed-in pods or in one pod; 50 at a time ("cursor" pages on).',
  access: 'read',
  inputSchema: {
    type: 'object',
    properties: {
      podId: SCHEMA.somePod,
      cursor: SCHEMA.cursor,
    },
    additionalProperties: false,
  },
  parse(input) {
    const fields = fieldsOf(input ?? {}, ['podId', 'cursor']);
    return { podId: optionalText(fields, 'podId', idText('pod id')), cursor: cursorOf(fields) };
  },
  async invoke({ podId, cursor }, host) {
    if (podId) signedInPod(host, podId);
    const report = await host.expiryReport();
    const items = report.items.filter((i) => !podId || i.podId === podId);
    const page = pageOf(items, cursor);
    const problems = report.problems.length ? ` ${report.problems.length === 1 ? '1 pod' : `${report.problems.length} pods`} could not be checked (see "problems").` : '';
    return answer(`Expired or expiring within ${report.warningDays} days: ${pageLine(page, cursor, 'items')}${problems}`, {
      items: page.items.map((i) => ({ pod: i.podLabel, podId: i.podId, kind: i.kind, id: i.id, name: i.name, what: i.detail, state: i.state, expires: isoDate(i.date) })),
      ...(report.problems.length ? { problems: report.problems } : {}),
    });
  },
};
