import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/core/rules.js';
import { renderRulesMarkdown } from '../../src/render/rules.js';
import { REPO } from '../helpers.js';

describe("README.md's table of rules", () => {
  it('is the one the catalogue renders (run `npm run docs` to rewrite it)', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const section = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(readme);
    expect(section, 'README.md lost its <!-- rules:start --> ... <!-- rules:end --> markers').not.toBeNull();
    expect(section![1], 'README.md differs from src/core/rules.ts: run `npm run docs`').toBe(
      renderRulesMarkdown(allRules()),
    );
  });
});
