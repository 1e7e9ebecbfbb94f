import { displayName, sortByName, type BaseIndex, type Membership } from './base-index.js';
import type { Funding } from './model.js';
import { currentOwners } from './memberships.js';
import type { Period } from './money.js';

/**
 * A structure, its members and its money as a graph: the model `coop graph` draws (render/dot.ts,
 * render/mermaid.ts) or prints as JSON. Pure: built from the index alone.
 *
 * Which records: the start record, then every record within `depth` hops of it, a hop being a
 * membership (either way: members and the structures a member belongs to), a funding line (either
 * way: programme -> recipient) or a programme's child programme. To each record reached, its
 * context is added however deep it is: an organisation's `parent` chain, a programme's `parent`
 * chain and `funder`. Every record is visited once, so cycles end and the work is bounded by the
 * size of the base.
 *
 * Which edges: every membership, funding line, parent and funder link between two records of the
 * graph, whichever way they were reached.
 */

/** structure: has members; member: belongs to a structure; organisation: neither (a funder, a group). */
export type GraphNodeKind = 'structure' | 'member' | 'organisation' | 'programme';

export interface GraphNode {
  id: string;
  type: 'organisation' | 'programme';
  kind: GraphNodeKind;
  name: string;
  /** The record asked for. */
  start: boolean;
}

/** A member -> structure link; claims of the same role by several articles make one edge. */
export interface MemberEdge {
  relation: 'member';
  from: string;
  to: string;
  role: string;
  /** Present for a pending application or a member that left (drawn dashed); absent for a member. */
  status?: 'pending' | 'left';
  /** Distinct `since` values of the claims, in the order of the data (sources may disagree). */
  since: string[];
  until: string[];
  sources: string[];
}

/** One funding line: programme -> recipient. */
export interface FundingEdge {
  relation: 'funding';
  from: string;
  to: string;
  funding: string;
  instrument: string;
  /** Absent for a range (amount_min, amount_max). */
  amount?: number;
  amount_min?: number;
  amount_max?: number;
  approximate?: boolean;
  at_least?: boolean;
  /** An amount per year: the label says so. */
  per?: Period;
  currency: string;
  stage: string;
  upper_bound: boolean;
  date?: string;
  source: string;
}

/** child -> parent (organisations, or programmes), and funder -> programme. */
export interface LinkEdge {
  relation: 'parent' | 'funder';
  from: string;
  to: string;
}

export type GraphEdge = MemberEdge | FundingEdge | LinkEdge;

export interface GraphModel {
  start: string;
  depth: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

type NodeType = GraphNode['type'];

function fundingEdge(line: Funding, recipient: string): FundingEdge {
  return {
    relation: 'funding',
    from: line.programme,
    to: recipient,
    funding: line.id,
    instrument: line.instrument,
    ...(line.amount !== undefined ? { amount: line.amount } : {}),
    ...(line.amount_min !== undefined ? { amount_min: line.amount_min } : {}),
    ...(line.amount_max !== undefined ? { amount_max: line.amount_max } : {}),
    ...(line.approximate ? { approximate: true } : {}),
    ...(line.at_least ? { at_least: true } : {}),
    ...(line.per !== undefined ? { per: line.per } : {}),
    currency: line.currency ?? 'EUR',
    stage: line.stage,
    upper_bound: line.upper_bound === true,
    ...(line.date !== undefined ? { date: line.date } : {}),
    source: line.source,
  };
}

/**
 * An organisation and its own links only (its members, the structures it belongs to, the lines
 * funding it, its parent): the star a website page draws. buildGraph at depth 1 also links the
 * neighbours with each other, which walks every member of every structure the organisation belongs
 * to: on 10,000 organisations, the page graphs cost more than the rest of the site.
 */
export function organisationStar(index: BaseIndex, orgId: string): GraphModel {
  const nodes = new Map<string, GraphNode>();
  const add = (id: string, type: 'organisation' | 'programme', start = false) => {
    if (nodes.has(id)) return;
    const kind: GraphNodeKind =
      type === 'programme'
        ? 'programme'
        : (index.membersOf.get(id)?.length ?? 0) > 0
          ? 'structure'
          : (index.memberOf.get(id)?.length ?? 0) > 0
            ? 'member'
            : 'organisation';
    nodes.set(id, { id, type, kind, name: displayName(index, id), start });
  };
  add(orgId, 'organisation', true);
  const edges: GraphEdge[] = [];
  const memberEdges = new Map<string, MemberEdge>();
  const claim = (m: Membership) => {
    const status = m.status === 'pending' || m.status === 'left' ? m.status : undefined;
    const key = JSON.stringify([m.org, m.organisation, m.role, status]);
    let edge = memberEdges.get(key);
    if (!edge) {
      edge = {
        relation: 'member',
        from: m.org,
        to: m.organisation,
        role: m.role,
        ...(status ? { status } : {}),
        since: [],
        until: [],
        sources: [],
      };
      memberEdges.set(key, edge);
      edges.push(edge);
    }
    for (const [list, value] of [
      [edge.since, m.since],
      [edge.until, m.until],
      [edge.sources, m.source],
    ] as const)
      if (value !== undefined && !list.includes(value)) list.push(value);
  };
  for (const m of index.membersOf.get(orgId) ?? []) {
    if (m.org === orgId) continue;
    add(m.org, 'organisation');
    claim(m);
  }
  for (const m of index.memberOf.get(orgId) ?? []) {
    if (m.organisation === orgId) continue;
    add(m.organisation, 'organisation');
    claim(m);
  }
  for (const line of index.fundingByRecipient.get(orgId) ?? []) {
    add(line.programme, 'programme');
    edges.push(fundingEdge(line, orgId));
  }
  const org = index.organisations.get(orgId);
  for (const owner of org ? currentOwners(org) : []) {
    if (owner === orgId) continue;
    add(owner, 'organisation');
    edges.push({ relation: 'parent', from: orgId, to: owner });
  }
  const [start, ...others] = nodes.values();
  return { start: orgId, depth: 1, nodes: [start!, ...sortByName(others)], edges };
}

const RELATION_ORDER: Record<GraphEdge['relation'], number> = { member: 0, funding: 1, parent: 2, funder: 3 };

export function buildGraph(index: BaseIndex, startId: string, depth: number): GraphModel {
  const startType: NodeType = index.programmes.has(startId) ? 'programme' : 'organisation';

  const fundingOf = (programme: string): Funding[] => index.fundingByProgramme.get(programme) ?? [];
  // Programmes are few: their children are found by reading them all, once.
  let children: Map<string, string[]> | undefined;
  const childrenOf = (programme: string): string[] => {
    if (!children) {
      children = new Map();
      for (const p of index.base.programmes) {
        if (p.parent === undefined) continue;
        const list = children.get(p.parent);
        if (list) list.push(p.id);
        else children.set(p.parent, [p.id]);
      }
    }
    return children.get(programme) ?? [];
  };

  const members = (id: string) => index.membersOf.get(id) ?? [];
  const memberships = (id: string) => index.memberOf.get(id) ?? [];
  const received = (id: string) => index.fundingByRecipient.get(id) ?? [];

  /** The records one hop away. */
  const neighbours = (id: string, type: NodeType): Array<[string, NodeType]> =>
    type === 'organisation'
      ? [
          ...members(id).map((m): [string, NodeType] => [m.org, 'organisation']),
          ...memberships(id).map((m): [string, NodeType] => [m.organisation, 'organisation']),
          ...received(id).map((line): [string, NodeType] => [line.programme, 'programme']),
        ]
      : [
          ...childrenOf(id).map((child): [string, NodeType] => [child, 'programme']),
          ...fundingOf(id).flatMap(
            (line): Array<[string, NodeType]> =>
              line.recipient === undefined ? [] : [[line.recipient, 'organisation']],
          ),
        ];

  // Breadth first: each record is reached at its shortest distance, and visited once.
  const types = new Map<string, NodeType>([[startId, startType]]);
  let frontier: string[] = [startId];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const [other, type] of neighbours(id, types.get(id)!)) {
        if (types.has(other)) continue;
        types.set(other, type);
        next.push(other);
      }
    }
    frontier = next;
  }

  // Context: parent chains and funders, to the top, each record once.
  const pending = [...types.keys()];
  while (pending.length > 0) {
    const id = pending.pop()!;
    const org = types.get(id) === 'organisation' ? index.organisations.get(id) : undefined;
    const context: Array<[string | undefined, NodeType]> =
      types.get(id) === 'organisation'
        ? (org ? currentOwners(org) : []).map((owner): [string, NodeType] => [owner, 'organisation'])
        : [
            [index.programmes.get(id)?.parent, 'programme'],
            [index.programmes.get(id)?.funder, 'organisation'],
          ];
    for (const [other, type] of context) {
      if (other === undefined || types.has(other)) continue;
      types.set(other, type);
      pending.push(other);
    }
  }

  const kindOf = (id: string, type: NodeType): GraphNodeKind => {
    if (type === 'programme') return 'programme';
    if (members(id).length > 0) return 'structure';
    return memberships(id).length > 0 ? 'member' : 'organisation';
  };
  const others = sortByName(
    [...types].filter(([id]) => id !== startId).map(([id, type]) => ({ id, type, name: displayName(index, id) })),
  );
  const nodes: GraphNode[] = [{ id: startId, type: startType, name: displayName(index, startId) }, ...others].map(
    (n) => ({
      id: n.id,
      type: n.type,
      kind: kindOf(n.id, n.type),
      name: n.name,
      start: n.id === startId,
    }),
  );

  // Edges between records of the graph.
  const edges: GraphEdge[] = [];
  const memberEdges = new Map<string, MemberEdge>();
  const addDistinct = (list: string[], value: string | undefined) => {
    if (value !== undefined && !list.includes(value)) list.push(value);
  };
  for (const [id, type] of types) {
    if (type === 'organisation') {
      for (const m of members(id)) {
        if (types.get(m.org) !== 'organisation') continue;
        const status = m.status === 'member' ? undefined : m.status;
        const key = JSON.stringify([m.org, id, m.role, status]);
        let edge = memberEdges.get(key);
        if (!edge) {
          edge = {
            relation: 'member',
            from: m.org,
            to: id,
            role: m.role,
            ...(status ? { status } : {}),
            since: [],
            until: [],
            sources: [],
          };
          memberEdges.set(key, edge);
          edges.push(edge);
        }
        addDistinct(edge.since, m.since);
        addDistinct(edge.until, m.until);
        addDistinct(edge.sources, m.source);
      }
      for (const line of received(id)) {
        if (types.get(line.programme) !== 'programme') continue;
        edges.push(fundingEdge(line, id));
      }
      const org = index.organisations.get(id);
      for (const owner of org ? currentOwners(org) : [])
        if (types.get(owner) === 'organisation') edges.push({ relation: 'parent', from: id, to: owner });
    } else {
      const programme = index.programmes.get(id);
      if (programme?.parent !== undefined && types.get(programme.parent) === 'programme')
        edges.push({ relation: 'parent', from: id, to: programme.parent });
      if (programme?.funder !== undefined && types.get(programme.funder) === 'organisation')
        edges.push({ relation: 'funder', from: programme.funder, to: id });
    }
  }

  const position = new Map(nodes.map((n, i) => [n.id, i]));
  const detail = (edge: GraphEdge) =>
    edge.relation === 'member' ? edge.role : edge.relation === 'funding' ? edge.funding : '';
  edges.sort(
    (a, b) =>
      RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] ||
      position.get(a.to)! - position.get(b.to)! ||
      position.get(a.from)! - position.get(b.from)! ||
      (detail(a) < detail(b) ? -1 : detail(a) > detail(b) ? 1 : 0),
  );
  return { start: startId, depth, nodes, edges };
}
