import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, SEED_DATA } from '../helpers.js';

/** The bash script, sourced in a real bash with `coop` on the PATH, asked what a Tab would offer. */
let bin: string;
/** `coop completion bash`, written once: each completion then starts one coop (for ids), not two. */
let script: string;

// Each completion starts bash and often a coop: generous limits, for a busy machine.
const SLOW = 120_000;

beforeAll(() => {
  if (!existsSync(join(REPO, 'dist', 'main.cjs'))) execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
  bin = mkdtempSync(join(tmpdir(), 'coop-completion-'));
  writeFileSync(join(bin, 'coop'), `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin', 'coop.cjs')}" "$@"\n`);
  chmodSync(join(bin, 'coop'), 0o755);
  script = join(bin, 'coop-completion.bash');
  writeFileSync(script, execFileSync(join(bin, 'coop'), ['completion', 'bash'], { encoding: 'utf8' }));
}, SLOW);

afterAll(() => rmSync(bin, { recursive: true, force: true }));

function complete(line: string): string[] {
  const words = line.split(' ');
  const command = `source "${script}"; COMP_WORDS=(${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length - 1}; _coop; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', command], {
    encoding: 'utf8',
    // Ids come from the frozen seed base (tests/fixtures/seed), not from data/, which grows.
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, COOP_DATA: SEED_DATA },
    // No stdin: with a socket there, bash takes itself for a remote shell and reads ~/.bashrc.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean).sort();
}

describe('coop completion bash', { timeout: SLOW }, () => {
  it('completes commands', () => {
    expect(complete('coop sh')).toEqual(['show']);
    expect(complete('coop g')).toEqual(['graph']);
    expect(complete('coop s')).toEqual(['schema', 'search', 'set', 'show', 'site', 'sources', 'stats']);
  });

  it("completes a command's options, and the global ones", () => {
    expect(complete('coop list --reg')).toEqual(['--region']);
    expect(complete('coop validate --st')).toEqual(['--strict']);
    expect(complete('coop funding --no-c')).toEqual(['--no-cache', '--no-color']);
    expect(complete('coop stats --l')).toEqual(['--lang']);
  });

  it('completes closed lists of values', () => {
    expect(complete('coop list --kind hosp')).toEqual(['hospital']);
    expect(complete('coop funding --stage a')).toEqual(['announced', 'awarded']);
    expect(complete('coop graph alliance-ouest-parisien --format m')).toEqual(['mermaid']);
    expect(complete('coop funding --lang ')).toEqual(['en', 'fr']);
    expect(complete('coop stats --lang f')).toEqual(['fr']);
  });

  it('completes ids from the base ($COOP_DATA), including the one --data names', () => {
    expect(complete('coop show hopital-f')).toEqual(['hopital-foch']);
    expect(complete('coop events --org alliance-o')).toEqual(['alliance-ouest-parisien']);
    expect(complete('coop funding --program territoires')).toEqual(['territoires-d-innovation']);
    expect(complete(`coop --data ${join(FIXTURES, 'query-completion', 'data')} show clinique`)).toEqual([
      'clinique-des-fleurs',
    ]);
    expect(complete('coop graph alliance-o')).toEqual(['alliance-ouest-parisien']);
  });

  it('completes the subcommands of new and add, their options, values and ids', () => {
    expect(complete('coop add ')).toEqual([
      'also-published',
      'authorisation',
      'budget',
      'event',
      'figure',
      'former-name',
      'funding',
      'member',
      'mention',
      'milestone',
      'owner',
      'party',
      'population',
      'role',
      'site',
    ]);
    expect(complete('coop new o')).toEqual(['organisation']);
    expect(complete('coop add member alliance-o')).toEqual(['alliance-ouest-parisien']);
    expect(complete('coop add member alliance-ouest-parisien hopital-f')).toEqual(['hopital-foch']);
    expect(complete('coop add member alliance-ouest-parisien hopital-foch --ro')).toEqual(['--role']);
    expect(complete('coop add member alliance-ouest-parisien hopital-foch --role fo')).toEqual(['founder']);
    // Each command's own values: a party's roles are not a member's, a person's role is free text.
    expect(complete('coop add member alliance-ouest-parisien hopital-foch --role sig')).toEqual([]);
    expect(complete('coop add party cpom-x hopital-foch --role sig')).toEqual(['signatory']);
    expect(complete('coop add role jeanne-martin --role f')).toEqual([]);
    expect(complete('coop events --kind fou')).toEqual(['founding']);
    expect(complete('coop list --kind fou')).toEqual(['foundation']);
    expect(complete('coop add funding --programme territoires')).toEqual(['territoires-d-innovation']);
    expect(complete('coop add funding --up')).toEqual(['--upper-bound']);
    expect(complete('coop new organisation clinique-x --source hospimedia')).toEqual([
      'hospimedia-2017-09-13-alliance-ouest-parisien',
    ]);
    expect(complete('coop new organisation clinique-x --legal')).toEqual(['--legal-form']);
    // A subcommand's options are its own: no --role for a new organisation.
    expect(complete('coop new organisation clinique-x --ro')).toEqual([]);
  });

  it('writes scripts for zsh (through bashcompinit) and fish', () => {
    const zsh = execFileSync(join(bin, 'coop'), ['completion', 'zsh'], { encoding: 'utf8' });
    expect(zsh.split('\n').slice(0, 3)).toEqual([
      '#compdef coop',
      '# coop completion for zsh: source <(coop completion zsh)',
      'autoload -U +X bashcompinit && bashcompinit',
    ]);
    const fish = execFileSync(join(bin, 'coop'), ['completion', 'fish'], { encoding: 'utf8' });
    // list --kind offers organisation kinds only: no event or agreement kind.
    expect(fish).toMatch(
      /complete -c coop -n "__fish_seen_subcommand_from list" -l kind -x -a "alliance [^"]* state"\n/,
    );
    expect(fish).toContain('complete -c coop -n "__fish_seen_subcommand_from show" -a "(coop __ids all 2>/dev/null)"');
    expect(fish).toContain(
      'complete -c coop -n "__fish_seen_subcommand_from graph" -a "(coop __ids organisation,programme 2>/dev/null)"',
    );
    expect(fish).toContain(
      'complete -c coop -n "__fish_seen_subcommand_from add; and not __fish_seen_subcommand_from member role mention also-published funding event figure owner former-name milestone budget site authorisation population party" -a "member role mention also-published funding event figure owner former-name milestone budget site authorisation population party"',
    );
    // Each subcommand's flag gets its own values: add member's roles, add party's, none for add role.
    expect(fish).toContain(
      'complete -c coop -n "__fish_seen_subcommand_from add; and __fish_seen_subcommand_from member" -l role -x -a "founder member support party associated coordinator carrier administrator partner investor provider"\n',
    );
    expect(fish).toContain(
      'complete -c coop -n "__fish_seen_subcommand_from add; and __fish_seen_subcommand_from party" -l role -x -a "signatory ars coordinator party other"\n',
    );
    expect(fish).toContain(
      'complete -c coop -n "__fish_seen_subcommand_from add; and __fish_seen_subcommand_from role" -l role\n',
    );
  });

  it('refuses another shell with exit 2', () => {
    const result = spawnSync(join(bin, 'coop'), ['completion', 'powershell'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('coop: no completion for "powershell"\n  hint: use bash, zsh or fish\n');
  });
});
