import type { GraphEdge } from '../core/graph.js';
import { moneyOf } from '../core/money.js';
import { formatDate, formatMoney } from './format.js';

/**
 * What an edge of `coop graph` says, for people: the role and dates of a membership, the instrument,
 * amount and stage of a funding line. Shared by the DOT and Mermaid renderers, which escape it.
 */
export function edgeLabel(edge: GraphEdge): string {
  switch (edge.relation) {
    case 'member': {
      const parts = [edge.status ? `${edge.role} (${edge.status})` : edge.role];
      if (edge.since.length > 0) {
        // "since between 2017-09 and 2019-03" reads badly: a span says when the member joined.
        const verb = edge.since.every((d) => d.includes('/')) ? 'joined' : 'since';
        parts.push(`${verb} ${edge.since.map(formatDate).join(' or ')}`);
      }
      if (edge.until.length > 0) parts.push(`until ${edge.until.map(formatDate).join(' or ')}`);
      return parts.join(', ');
    }
    case 'funding':
      return `${edge.instrument}, ${formatMoney(moneyOf(edge))}, ${edge.stage}`;
    case 'parent':
      return 'part of';
    case 'funder':
      return 'funds';
  }
}
