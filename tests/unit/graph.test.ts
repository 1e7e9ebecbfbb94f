import { describe, expect, it } from 'vitest';
import { indexBase } from '../../src/core/base-index.js';
import { buildGraph, organisationStar } from '../../src/core/graph.js';
import { emptyBase, type Base, type Organisation, type Programme } from '../../src/core/model.js';
import { renderDot } from '../../src/render/dot.js';
import { renderMermaid } from '../../src/render/mermaid.js';
import { edgeLabel } from '../../src/render/graph-labels.js';
import { dotNodes } from '../graphviz.js';
import { parseMermaid } from '../mermaid.js';

/**
 * The graph model on bases built in memory: the loops and dangling references a broken base can
 * hold (coop answers from the valid records of a base with errors), which no valid fixture can.
 */
const org = (id: string, fields: Partial<Organisation> = {}): Organisation =>
  ({
    id,
    name: `Org ${id}`,
    kind: 'alliance',
    sources: ['a'],
    file: `organisations/${id}.yaml`,
    ...fields,
  }) as Organisation;
const programme = (id: string, fields: Partial<Programme> = {}): Programme =>
  ({ id, name: `Prog ${id}`, sources: ['a'], file: `programmes/${id}.yaml`, ...fields }) as Programme;
const member = (id: string, role = 'member', since?: string) =>
  ({ org: id, role, source: 'a', ...(since ? { since } : {}) }) as NonNullable<Organisation['members']>[number];

function base(fields: Partial<Base>): Base {
  return { ...emptyBase(), ...fields };
}

describe('buildGraph', () => {
  it('ends on parent loops of organisations and of programmes, each record once', () => {
    const index = indexBase(
      base({
        organisations: [org('a', { parent: 'b' }), org('b', { parent: 'a' }), org('funder', { parent: 'funder' })],
        programmes: [programme('p', { parent: 'q', funder: 'funder' }), programme('q', { parent: 'p' })],
        funding: [
          {
            id: 'l',
            programme: 'p',
            recipient: 'a',
            instrument: 'grant',
            amount: 10,
            currency: 'EUR',
            stage: 'awarded',
            source: 'a',
            file: 'funding/f.yaml',
          },
        ],
      }),
    );
    const model = buildGraph(index, 'a', 5);
    expect(model.nodes.map((n) => n.id)).toEqual(['a', 'b', 'funder', 'p', 'q']);
    expect(model.edges.map((e) => `${e.relation}:${e.from}->${e.to}`)).toEqual([
      'funding:p->a',
      'parent:b->a',
      'parent:a->b',
      'parent:funder->funder',
      'parent:q->p',
      'parent:p->q',
      'funder:funder->p',
    ]);
  });

  it('ends on membership loops, and counts hops by the shortest way', () => {
    // a <- b <- c <- a (each a member of the next), and d a member of c.
    const index = indexBase(
      base({
        organisations: [
          org('a', { members: [member('c')] }),
          org('b', { members: [member('a')] }),
          org('c', { members: [member('b'), member('d')] }),
          org('d'),
        ],
      }),
    );
    expect(buildGraph(index, 'a', 0).nodes.map((n) => n.id)).toEqual(['a']);
    // One hop: a's member c, and b, which a is a member of.
    expect(buildGraph(index, 'a', 1).nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(buildGraph(index, 'a', 2).nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(buildGraph(index, 'a', 1_000_000).edges).toHaveLength(4);
  });

  it('merges the claims of one role by several articles into one edge, and keeps a disputed role apart', () => {
    const index = indexBase(
      base({
        organisations: [
          org('s', {
            members: [
              member('m', 'founder', '2017-09-13'),
              { ...member('m', 'founder', '2017-09'), source: 'b' },
              member('m', 'associate', '2017-09-13'),
            ],
          }),
          org('m', { kind: 'hospital' }),
        ],
      }),
    );
    const model = buildGraph(index, 's', 1);
    expect(model.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['s', 'structure'],
      ['m', 'member'],
    ]);
    expect(model.edges.map(edgeLabel)).toEqual(['associate, since 2017-09-13', 'founder, since 2017-09-13 or 2017-09']);
    expect(model.edges[1]).toMatchObject({ sources: ['a', 'b'] });
  });

  it('draws a member the base does not hold under its id, and both renderers still produce valid output', async () => {
    const index = indexBase(base({ organisations: [org('s', { members: [member('ghost', 'founder')] })] }));
    const model = buildGraph(index, 's', 2);
    expect(model.nodes).toEqual([
      { id: 's', type: 'organisation', kind: 'structure', name: 'Org s', start: true },
      { id: 'ghost', type: 'organisation', kind: 'member', name: 'ghost', start: false },
    ]);
    expect((await dotNodes(renderDot(model))).map((n) => [n.name, n.label])).toEqual([
      ['s', 'Org s'],
      ['ghost', 'ghost'],
    ]);
    expect(await parseMermaid(renderMermaid(model))).toEqual({ ok: true, type: 'flowchart-v2', config: {} });
  });
});

describe('organisationStar', () => {
  it("holds the organisation's own links only: its members, its structures, its funding, its parent", () => {
    const index = indexBase(
      base({
        organisations: [
          org('s', { members: [member('a', 'founder', '2019'), member('b')], parent: 'group' }),
          org('t', { members: [member('a'), member('b')] }),
          org('a'),
          org('b'),
          org('group'),
        ],
        programmes: [programme('p')],
        funding: [
          {
            id: 'l',
            programme: 'p',
            recipient: 's',
            instrument: 'grant',
            amount: 10,
            currency: 'EUR',
            stage: 'awarded',
            source: 'a',
            file: 'funding/f.yaml',
          },
        ],
      }),
    );
    const star = organisationStar(index, 's');
    expect(star.nodes.map((n) => [n.id, n.kind, n.start])).toEqual([
      ['s', 'structure', true],
      ['a', 'member', false],
      ['b', 'member', false],
      ['group', 'organisation', false],
      ['p', 'programme', false],
    ]);
    expect(star.edges.map((e) => `${e.from} -> ${e.to}: ${edgeLabel(e)}`)).toEqual([
      'a -> s: founder, since 2019',
      'b -> s: member',
      'p -> s: grant, 10 €, awarded',
      's -> group: part of',
    ]);
    // buildGraph at depth 1 also links a and b to t, the other structure they belong to.
    expect(organisationStar(index, 'a').edges.map((e) => `${e.from} -> ${e.to}`)).toEqual(['a -> s', 'a -> t']);
  });
});
